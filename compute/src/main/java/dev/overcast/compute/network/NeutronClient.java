package dev.overcast.compute.network;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The calls of the Network service's v2.0 API that Compute makes, each with a token the caller
 * chooses: the user's, so Network decides what the user may see, or Compute's service token for
 * what Nova does on its own authority (creating and binding ports). A refusal comes back as a
 * {@link NeutronError} with Network's status, type and message; a Network that cannot be reached
 * is one with status 503.
 */
final class NeutronClient {
    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** @param networkUrl the Network service's base URL, such as {@code http://host/network} */
    NeutronClient(String networkUrl, Duration timeout) {
        this.baseUrl = (networkUrl.endsWith("/") ? networkUrl.substring(0, networkUrl.length() - 1) : networkUrl)
                + "/v2.0";
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** What Network answered other than success. */
    static final class NeutronError extends RuntimeException {
        private final int status;
        private final String type;

        NeutronError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        int status() {
            return status;
        }

        String type() {
            return type;
        }
    }

    JsonNode get(String path, String token) {
        return send("GET", path, null, token);
    }

    /** A list's items: {@code collection} of {@code GET /v2.0/<collection>?query}. */
    List<JsonNode> list(String collection, String query, String token) {
        JsonNode body = get("/" + collection + (query.isEmpty() ? "" : "?" + query), token);
        List<JsonNode> out = new ArrayList<>();
        // The path is hyphenated (security-groups), the body's key is not (security_groups).
        body.path(collection.replace('-', '_')).forEach(out::add);
        return out;
    }

    JsonNode post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    JsonNode put(String path, Object body, String token) {
        return send("PUT", path, body, token);
    }

    void delete(String path, String token) {
        send("DELETE", path, null, token);
    }

    static String q(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(String method, String path, Object body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("X-Auth-Token", token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> reply;
        try {
            reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NeutronError(503, "ServiceUnavailable", "The Network service did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeutronError(503, "ServiceUnavailable", "interrupted while calling the Network service");
        }
        if (reply.statusCode() >= 300) {
            String type = "HTTPError";
            String message = reply.body();
            try {
                JsonNode fault = Json.parse(reply.body()).path("NeutronError");
                type = fault.path("type").asString(type);
                message = fault.path("message").asString(message);
            } catch (RuntimeException e) {
                // Not a Neutron fault body: keep the raw text.
            }
            throw new NeutronError(reply.statusCode(), type, message);
        }
        return reply.body().isEmpty() ? Json.object() : Json.parse(reply.body());
    }
}
