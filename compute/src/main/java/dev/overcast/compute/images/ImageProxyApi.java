package dev.overcast.compute.images;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nova's image proxy, {@code /images} (microversions 2.1 to 2.35; from 2.36 every route is a
 * 404, as in Nova): images are read from and deleted in the Image service with the caller's
 * own token and shown in Nova's image view ({@link NovaImageView}). Nova checks no policy of
 * its own here; Glance decides. The image metadata routes are {@link ImageMetadataApi}'s.
 *
 * <p>Lists follow Nova's paging: {@code limit} and {@code marker} go to Glance, and a
 * {@code next} link in {@code images_links} is added whenever the page is as long as it could
 * be ({@code limit}, at most Nova's {@code max_limit} of 1000).
 */
public final class ImageProxyApi {
    /** Nova's {@code [api] max_limit}. */
    static final int MAX_LIMIT = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final GlanceV2 glance;
    private final ImageMetadataApi metadata;

    /**
     * @param imageUrl the Image service's base URL, such as {@code http://host/image}; null when
     *                 there is none, and every image route then answers 503
     */
    public ImageProxyApi(ComputeContext ctx, String imageUrl) {
        this.glance = imageUrl == null ? null : new GlanceV2(imageUrl, TIMEOUT);
        this.metadata = new ImageMetadataApi(ctx, glance);
    }

    public void routes(Routes r) {
        r.get("/v2.1/images", this::list)
                .get("/v2.1/images/detail", this::detail)
                .get("/v2.1/images/{id}", this::show)
                .delete("/v2.1/images/{id}", this::delete)
                // DELETE /images/ (a blank id) names no image.
                .delete("/v2.1/images", req -> {
                    throw ApiException.notFound("The resource could not be found.");
                });
        metadata.routes(r);
    }

    static GlanceV2 require(GlanceV2 glance) {
        if (glance == null) {
            throw new ApiException(503, "The Image service is not available.");
        }
        return glance;
    }


    /** Before 2.36 only: Nova dropped the proxy APIs then. */
    private static void requireBefore236(Request req) {
        if (req.versionAtLeast(2, 36)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }

    private Response list(Request req) {
        return list(req, false);
    }

    private Response detail(Request req) {
        return list(req, true);
    }

    private Response list(Request req, boolean detailed) {
        requireBefore236(req);
        req.auth();
        GlanceV2 g = require(glance);
        ImageQuery query = ImageQuery.of(req.queryParams());
        List<JsonNode> images;
        try {
            images = g.list(query.filters(), query.limit(), query.marker(), ComputeContext.callerToken(req));
        } catch (GlanceV2.GlanceError e) {
            throw translatePlain(e);
        }
        NovaImageView.Links links = links(req, g);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("images");
        images.forEach(i -> list.add(detailed ? NovaImageView.detail(i, links) : NovaImageView.basic(i, links)));
        int maxItems = Math.min(query.limit() == null ? MAX_LIMIT : query.limit(), MAX_LIMIT);
        if (!images.isEmpty() && images.size() == maxItems) {
            ArrayNode imagesLinks = out.putArray("images_links");
            imagesLinks.addObject().put("rel", "next").put("href",
                    nextLink(req, detailed ? "images/detail" : "images", images.getLast().path("id").asString()));
        }
        return Response.ok(out);
    }

    private Response show(Request req) {
        requireBefore236(req);
        req.auth();
        GlanceV2 g = require(glance);
        JsonNode image = get(g, req, req.param("id"));
        ObjectNode out = Json.object();
        out.set("image", NovaImageView.detail(image, links(req, g)));
        return Response.ok(out);
    }

    private Response delete(Request req) {
        requireBefore236(req);
        req.auth();
        GlanceV2 g = require(glance);
        try {
            g.delete(req.param("id"), ComputeContext.callerToken(req));
        } catch (GlanceV2.GlanceError e) {
            throw switch (e.status()) {
                case 404 -> ApiException.notFound("Image not found.");
                case 401, 403 -> ApiException.forbidden("You are not allowed to delete the image.");
                case 409 -> ApiException.conflict(e.getMessage());
                default -> translatePlain(e);
            };
        }
        return Response.noContent();
    }

    /** An image as Glance shows it to the caller; a 404 "Image not found." when it cannot. */
    static JsonNode get(GlanceV2 g, Request req, String id) {
        try {
            return g.get(id, ComputeContext.callerToken(req));
        } catch (GlanceV2.GlanceError e) {
            if (e.status() == 404 || e.status() == 400) {
                throw ApiException.notFound("Image not found.");
            }
            if (e.status() == 401 || e.status() == 403) {
                throw ApiException.forbidden("Not authorized for image " + id + ".");
            }
            throw translatePlain(e);
        }
    }

    /** Glance's refusals as Nova passes them on: 400 and 403 with Glance's words; no answer is a 503. */
    static ApiException translatePlain(GlanceV2.GlanceError e) {
        return switch (e.status()) {
            case 400 -> ApiException.badRequest(e.getMessage());
            case 401, 403 -> ApiException.forbidden(e.getMessage());
            case 404 -> ApiException.notFound(e.getMessage());
            default -> new ApiException(503, "The Image service could not answer: " + e.getMessage());
        };
    }

    private static NovaImageView.Links links(Request req, GlanceV2 g) {
        return new NovaImageView.Links(req.serviceUrl(), g.imageUrl());
    }

    /** The request's own query, names sorted and the marker replaced, as Nova's next links. */
    private static String nextLink(Request req, String collection, String marker) {
        // Sorted, then the marker: replaced where it was, else last, as Nova's OrderedDict.
        Map<String, String> params = new LinkedHashMap<>();
        new TreeMap<>(req.queryParams()).forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.put(k, v.getLast());
            }
        });
        params.put("marker", marker);
        StringBuilder href = new StringBuilder(req.serviceUrl()).append("/v2.1/").append(collection);
        char sep = '?';
        for (var p : params.entrySet()) {
            href.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return href.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
