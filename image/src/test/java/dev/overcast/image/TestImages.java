package dev.overcast.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import dev.overcast.image.images.ImageRow;
import dev.overcast.image.images.ImageStore;

/**
 * Image rows made directly in the database (until the metadata API creates them over HTTP),
 * and a client for raw image data, which the JSON {@code ApiClient} does not send.
 */
public final class TestImages {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ImageServer server;

    public TestImages(ImageServer server) {
        this.server = server;
    }

    /** A queued image owned by {@code owner}, with {@code visibility}. */
    public String create(String owner, String visibility) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        server.jdbi().useExtension(ImageStore.class, s -> s.insert(new ImageRow(id, "test-" + id.substring(0, 8),
                "queued", visibility, false, false, owner, null, null, null, null, null, 0, 0, "bare", "raw", "{}",
                now, now)));
        return id;
    }

    public ImageRow row(String id) {
        return server.jdbi().withExtension(ImageStore.class, s -> s.find(id)).orElseThrow();
    }

    public HttpResponse<byte[]> put(String path, String token, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A PUT whose length is not declared: the body goes chunked, so only the server's count can stop it. */
    public HttpResponse<byte[]> putChunked(String path, String token, Supplier<InputStream> body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/octet-stream")
                .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    public HttpResponse<byte[]> get(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Auth-Token", token).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public HttpResponse<byte[]> post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-Auth-Token", token).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private URI uri(String path) {
        return URI.create(server.url() + path);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
