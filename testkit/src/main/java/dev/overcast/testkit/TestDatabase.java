package dev.overcast.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.overcast.core.db.DatabaseSettings;

/**
 * A database of its own for one test server: an in-memory H2 database, or, when the system
 * property {@code overcast.test.db} is {@code postgresql}, a fresh PostgreSQL database on
 * {@code 127.0.0.1:5432} (user postgres; override with {@code overcast.test.pg.url},
 * {@code overcast.test.pg.user}) that {@link #close()} drops. A PostgreSQL that cannot be
 * reached fails the test loudly; it is never skipped.
 */
public final class TestDatabase implements AutoCloseable {
    private final DatabaseSettings settings;
    private final String dropName;
    private final String adminUrl;
    private final String user;

    private TestDatabase(DatabaseSettings settings, String dropName, String adminUrl, String user) {
        this.settings = settings;
        this.dropName = dropName;
        this.adminUrl = adminUrl;
        this.user = user;
    }

    public static String engine() {
        return System.getProperty("overcast.test.db", "h2");
    }

    /** A database on the engine the build asked for ({@link #engine()}). */
    public static TestDatabase create() {
        return create(engine());
    }

    /** A database on {@code engine}, {@code h2} or {@code postgresql}, whatever the build asked for. */
    public static TestDatabase create(String engine) {
        String name = "overcast_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (engine) {
            case "h2" -> new TestDatabase(new DatabaseSettings("jdbc:h2:mem:" + name
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "sa", "", 8), null, null, null);
            case "postgresql" -> postgres(name);
            default -> throw new IllegalStateException("overcast.test.db must be h2 or postgresql, got " + engine);
        };
    }

    private static TestDatabase postgres(String name) {
        String adminUrl = System.getProperty("overcast.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("overcast.test.pg.user", "postgres");
        execute(adminUrl, user, "create database " + name);
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new TestDatabase(new DatabaseSettings(url, user, "", 8), name, adminUrl, user);
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (dropName != null) {
            execute(adminUrl, user, "drop database if exists " + dropName + " with (force)");
        }
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " as " + user + " failed on '" + sql
                    + "': " + e.getMessage() + " (the PostgreSQL-backed tests need it running)", e);
        }
    }
}
