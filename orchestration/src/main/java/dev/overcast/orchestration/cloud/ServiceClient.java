package dev.overcast.orchestration.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.resources.ResourceFailure;
import tools.jackson.databind.JsonNode;

/**
 * A small JSON client of one service's public API, with one identity (a token supplier) and,
 * optionally, a microversion. Every refusal becomes a {@link ResourceFailure} named after the
 * status, carrying the service's message; a service that does not answer is a
 * {@code ServiceUnavailable} failure.
 */
public final class ServiceClient {
    /** The HTTP client and the time one call may take. */
    record Transport(HttpClient http, Duration timeout) {
        static Transport of(Duration timeout) {
            return new Transport(HttpClient.newBuilder().connectTimeout(timeout).build(), timeout);
        }
    }

    private final String serviceType;
    private final String baseUrl;
    private final Supplier<String> token;
    private final Transport transport;
    private final String microversion;

    ServiceClient(String serviceType, String baseUrl, Supplier<String> token, Transport transport,
            String microversion) {
        this.serviceType = serviceType;
        this.baseUrl = baseUrl;
        this.token = token;
        this.transport = transport;
        this.microversion = microversion;
    }

    /** The same client asking for {@code version} of the API ({@code OpenStack-API-Version}). */
    public ServiceClient microversion(String version) {
        return new ServiceClient(serviceType, baseUrl, token, transport, version);
    }

    /** @return the body of {@code GET path} */
    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** @return the body of {@code GET path}, or empty when the service answers 404 */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.of(call("GET", path, null));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** @return the body of {@code POST path} (an empty object when there is none) */
    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    /** @return the body of {@code PUT path} (an empty object when there is none) */
    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** Deletes; @return false when it was gone already (404) */
    public boolean delete(String path) {
        try {
            call("DELETE", path, null);
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    /** @return {@code name=value}, the value URL-encoded */
    public static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A 404, kept apart so that {@link #find} and {@link #delete} can tell it from other failures. */
    private static final class NotFound extends RuntimeException {
        private final ResourceFailure failure;

        NotFound(ResourceFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            return call(method, path, body);
        } catch (NotFound e) {
            throw e.failure;
        }
    }

    private JsonNode call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(transport.timeout()).header("X-Auth-Token", token.get()).header("Accept", "application/json");
        if (microversion != null) {
            request.header("OpenStack-API-Version", serviceType + " " + microversion);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> reply;
        try {
            reply = transport.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ResourceFailure("ServiceUnavailable", "The " + serviceType + " service did not answer.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceFailure("InterruptedError", "interrupted while calling the " + serviceType + " service");
        }
        if (reply.statusCode() == 404) {
            throw new NotFound(CloudFailures.of(404, reply.body()));
        }
        if (reply.statusCode() >= 300) {
            throw CloudFailures.of(reply.statusCode(), reply.body());
        }
        return reply.body().isBlank() ? Json.object() : Json.parse(reply.body());
    }
}
