package dev.overcast.compute.images;

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
import java.util.Map;

import dev.overcast.core.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The few calls of the Image service's v2 API that Compute's image proxy makes, each with the
 * caller's own token, so Glance decides what the caller may see and change. A refusal comes
 * back as a {@link GlanceError} carrying Glance's status and message; a Glance that cannot be
 * reached is one with status 503.
 */
final class GlanceV2 {
    /** Glance's {@code api_limit_max}: the largest page it serves. */
    static final int MAX_PAGE = 1000;

    private final String imageUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** @param imageUrl the Image service's base URL, such as {@code http://host/image} */
    GlanceV2(String imageUrl, Duration timeout) {
        this.imageUrl = imageUrl.endsWith("/") ? imageUrl.substring(0, imageUrl.length() - 1) : imageUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The Image service's base URL, for the alternate links of Nova's image view. */
    String imageUrl() {
        return imageUrl;
    }

    /** What Glance answered other than success: its status and the text of its fault. */
    static final class GlanceError extends RuntimeException {
        private final int status;

        GlanceError(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    JsonNode get(String id, String token) {
        return send(request("/v2/images/" + encode(id), token).GET(), 200);
    }

    /** Creates an image record (queued) from {@code body} and returns it. */
    JsonNode create(JsonNode body, String token) {
        return send(request("/v2/images", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))), 201);
    }

    /** Streams image {@code from}'s data into image {@code to}, never holding it whole. */
    void copyData(String from, String to, String token) {
        try {
            HttpResponse<java.io.InputStream> data = http.send(request("/v2/images/" + encode(from) + "/file", token)
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = data.body()) {
                java.io.InputStream body = data.statusCode() == 200 ? in : java.io.InputStream.nullInputStream();
                send(HttpRequest.newBuilder(URI.create(imageUrl + "/v2/images/" + encode(to) + "/file"))
                        .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)), 204);
            }
        } catch (IOException e) {
            throw new GlanceError(503, "The Image service could not be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlanceError(503, "Interrupted while copying image data.");
        }
    }

    /** Shares image {@code id} with project {@code member} (its membership is pending until it accepts). */
    void addMember(String id, String member, String token) {
        send(request("/v2/images/" + encode(id) + "/members", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(Map.of("member", member)))), 200);
    }

    void delete(String id, String token) {
        send(request("/v2/images/" + encode(id), token).DELETE(), 204);
    }

    /** Applies a JSON patch ({@code op}, {@code path}, {@code value}) and returns the image after it. */
    JsonNode patch(String id, ArrayNode operations, String token) {
        return send(request("/v2/images/" + encode(id), token)
                .header("Content-Type", "application/openstack-images-v2.1-json-patch")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Json.bytes(operations))), 200);
    }

    /**
     * Images matching {@code filters}, in Glance's default order, following Glance's pages as
     * glanceclient does until {@code limit} images are read (every image when null).
     */
    List<JsonNode> list(Map<String, String> filters, Integer limit, String marker, String token) {
        List<JsonNode> out = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        filters.forEach((k, v) -> query.append('&').append(encode(k)).append('=').append(encode(v)));
        String next = null;
        String first = "/v2/images?limit=" + page(limit, 0) + (marker == null ? "" : "&marker=" + encode(marker))
                + query;
        while (limit == null || out.size() < limit) {
            JsonNode body = send(request(next == null ? first : next, token).GET(), 200);
            body.path("images").forEach(out::add);
            JsonNode link = body.get("next");
            if (link == null || link.isNull() || body.path("images").isEmpty()) {
                break;
            }
            String following = pageLink(link.asString(), limit, out.size());
            if (following.equals(next)) {
                break; // a Glance that links a page to itself would otherwise be read forever
            }
            next = following;
        }
        return limit == null || out.size() <= limit ? out : out.subList(0, limit);
    }

    private static int page(Integer limit, int read) {
        return limit == null ? MAX_PAGE : Math.max(1, Math.min(MAX_PAGE, limit - read));
    }

    /** Glance's next link (relative to its root, {@code /v2/images?...}) with our page size. */
    private static String pageLink(String link, Integer limit, int read) {
        String path = link.startsWith("/v2/") ? link : link.substring(Math.max(0, link.indexOf("/v2/")));
        return path.replaceFirst("([?&])limit=[0-9]+", "$1limit=" + page(limit, read));
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(imageUrl + path)).timeout(timeout)
                .header("X-Auth-Token", token).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder builder, int expected) {
        HttpResponse<String> reply;
        try {
            reply = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GlanceError(503, "The Image service could not be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlanceError(503, "Interrupted while calling the Image service.");
        }
        if (reply.statusCode() != expected && reply.statusCode() / 100 == 2) {
            expected = reply.statusCode();
        }
        if (reply.statusCode() != expected) {
            throw new GlanceError(reply.statusCode(), message(reply.body()));
        }
        if (reply.body() == null || reply.body().isEmpty()) {
            return Json.object();
        }
        try {
            return Json.parse(reply.body());
        } catch (JacksonException e) {
            throw new GlanceError(503, "The Image service answered something that is not JSON.");
        }
    }

    /** Glance's fault text, from its {@code error.message} or {@code message}, else the body. */
    private static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = Json.parse(body);
            JsonNode message = json.at("/error/message");
            if (message.isMissingNode()) {
                message = json.path("message");
            }
            return message.isMissingNode() ? body.strip() : message.asString();
        } catch (JacksonException e) {
            return body.strip();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
