package dev.overcast.core.http;

/**
 * How the shared HTTP port is served.
 *
 * @param bind         address to listen on; default {@code 127.0.0.1}
 * @param port         port to listen on; {@code 0} picks a free one; default 8080 (see the server's config)
 * @param publicUrl    base URL clients use (scheme, host, port), e.g. {@code http://cloud.example:8080};
 *                     null: derived from each request's Host header
 * @param maxBodyBytes largest request body accepted, in bytes; default 1 MiB
 */
public record HttpSettings(String bind, int port, String publicUrl, long maxBodyBytes) {
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    public HttpSettings {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("bind address is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (publicUrl != null && publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
