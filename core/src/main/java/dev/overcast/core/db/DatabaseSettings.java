package dev.overcast.core.db;

/**
 * Where service state lives. One database; each service owns one schema in it.
 *
 * @param url      JDBC URL; {@code jdbc:h2:...} (embedded, the default, a file under the data dir)
 *                 or {@code jdbc:postgresql://host:port/db}
 * @param user     database user; default {@code sa} for H2
 * @param password database password; default empty
 * @param poolSize connections per service pool; default 8
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must be a JDBC URL, got " + url);
        }
        if (!isH2(url) && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database url must be jdbc:h2:... or jdbc:postgresql:..., got " + url);
        }
        if (poolSize <= 0) {
            throw new IllegalArgumentException("database pool size must be positive, got " + poolSize);
        }
        password = password == null ? "" : password;
    }

    static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isH2() {
        return isH2(url);
    }
}
