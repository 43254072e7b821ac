package dev.overcast.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * A small HTTP client for tests that talk to a real server as a client would: JSON in,
 * JSON out, an optional token, any extra headers.
 */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    public ApiClient(String baseUrl) {
        this(baseUrl, null, Map.of());
    }

    private ApiClient(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    /** The same client, sending {@code X-Auth-Token: token}. */
    public ApiClient withToken(String token) {
        return new ApiClient(baseUrl, token, headers);
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiClient(baseUrl, token, copy);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A response: status, headers and the body parsed as JSON (null when empty or not JSON). */
    public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Reply get(String path) {
        return send("GET", path, (String) null);
    }

    public Reply head(String path) {
        return send("HEAD", path, (String) null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, (String) null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /**
     * Sends {@code body} as JSON: a String is sent as it is (so tests can send malformed JSON).
     * The content type is {@code application/json} unless {@link #withHeader} set another.
     */
    public Reply send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : Json.write(body);
            if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (!response.body().isEmpty()) {
                try {
                    json = Json.parse(response.body());
                } catch (RuntimeException notJson) {
                    json = null;
                }
            }
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
