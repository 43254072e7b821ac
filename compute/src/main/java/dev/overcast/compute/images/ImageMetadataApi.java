package dev.overcast.compute.images;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.quotas.QuotaEnforcer;
import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /images/{image_id}/metadata}, Nova's proxy to an image's custom properties
 * (microversions 2.1 to 2.38; a 404 from 2.39, as in Nova). Reads go to Glance with the
 * caller's token; a change is read, merged and written back as one JSON patch of the
 * properties that differ, so what Glance holds is exactly what Nova would leave:
 * <ul>
 * <li>{@code POST} merges the given items into the properties;</li>
 * <li>{@code PUT} replaces them all;</li>
 * <li>{@code PUT .../{key}} sets one, whose key must match the body's;</li>
 * <li>{@code DELETE .../{key}} removes one.</li>
 * </ul>
 * The properties an image would end up with may not outnumber the caller's
 * {@code metadata_items} quota (128 by default): a 403 "Image metadata limit exceeded".
 */
final class ImageMetadataApi {
    private final ComputeContext ctx;
    private final GlanceV2 glance;

    /** @param glance the Image service, or null when there is none (every route then answers 503) */
    ImageMetadataApi(ComputeContext ctx, GlanceV2 glance) {
        this.ctx = ctx;
        this.glance = glance;
    }

    void routes(Routes r) {
        r.get("/v2.1/images/{image_id}/metadata", this::list)
                .post("/v2.1/images/{image_id}/metadata", this::merge)
                .put("/v2.1/images/{image_id}/metadata", this::replaceAll)
                .get("/v2.1/images/{image_id}/metadata/{key}", this::show)
                .put("/v2.1/images/{image_id}/metadata/{key}", this::set)
                .delete("/v2.1/images/{image_id}/metadata/{key}", this::delete);
    }

    private static void requireBefore239(Request req) {
        if (req.versionAtLeast(2, 39)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }

    private Response list(Request req) {
        requireBefore239(req);
        JsonNode image = image(req);
        ObjectNode out = Json.object();
        out.set("metadata", NovaImageView.metadata(image));
        return Response.ok(out);
    }

    private Response show(Request req) {
        requireBefore239(req);
        String key = req.param("key");
        JsonNode value = NovaImageView.properties(image(req)).get(key);
        if (value == null) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ObjectNode out = Json.object();
        out.putObject("meta").set(key, value);
        return Response.ok(out);
    }

    private Response merge(Request req) {
        requireBefore239(req);
        JsonNode body = ctx.schemas().validateObject("image_metadata_create", req.json());
        JsonNode image = image(req);
        Map<String, String> wanted = texts(image);
        body.get("metadata").properties().forEach(e -> wanted.put(e.getKey(), e.getValue().asString()));
        checkQuota(req, wanted.size());
        JsonNode after = write(req, image, wanted);
        ObjectNode out = Json.object();
        out.set("metadata", NovaImageView.metadata(after));
        return Response.ok(out);
    }

    private Response replaceAll(Request req) {
        requireBefore239(req);
        JsonNode body = ctx.schemas().validateObject("image_metadata_create", req.json());
        JsonNode image = image(req);
        JsonNode metadata = body.get("metadata");
        checkQuota(req, metadata.size());
        Map<String, String> wanted = new LinkedHashMap<>();
        metadata.properties().forEach(e -> wanted.put(e.getKey(), e.getValue().asString()));
        write(req, image, wanted);
        ObjectNode out = Json.object();
        out.set("metadata", metadata);
        return Response.ok(out);
    }

    private Response set(Request req) {
        requireBefore239(req);
        JsonNode body = ctx.schemas().validateObject("image_metadata_update", req.json());
        String key = req.param("key");
        JsonNode meta = body.get("meta");
        if (!meta.has(key)) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        JsonNode image = image(req);
        Map<String, String> wanted = texts(image);
        wanted.put(key, meta.get(key).asString());
        checkQuota(req, wanted.size());
        write(req, image, wanted);
        ObjectNode out = Json.object();
        out.set("meta", meta);
        return Response.ok(out);
    }

    private Response delete(Request req) {
        requireBefore239(req);
        String key = req.param("key");
        JsonNode image = image(req);
        Map<String, String> wanted = texts(image);
        if (wanted.remove(key) == null) {
            throw ApiException.notFound("Invalid metadata key");
        }
        write(req, image, wanted);
        return Response.noContent();
    }

    private JsonNode image(Request req) {
        req.auth();
        return ImageProxyApi.get(ImageProxyApi.require(glance), req, req.param("image_id"));
    }

    /** The image's properties as Glance stores them: text. */
    private static Map<String, String> texts(JsonNode image) {
        Map<String, String> out = new LinkedHashMap<>();
        NovaImageView.properties(image).forEach((k, v) -> out.put(k, text(image.get(k))));
        return out;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : Json.write(value);
    }

    /** Nova's {@code check_img_metadata_properties_quota}: the properties an image would have, against the quota. */
    private void checkQuota(Request req, int items) {
        AuthContext auth = req.auth();
        long limit = new QuotaEnforcer(ctx).limit(auth.projectId(), auth.userId(), "metadata_items");
        if (limit >= 0 && items > limit) {
            throw ApiException.forbidden("Image metadata limit exceeded");
        }
    }

    /**
     * Makes the image's properties {@code wanted} with one JSON patch: added, replaced where
     * their value differs, removed where no longer wanted. Returns the image after the patch.
     */
    private JsonNode write(Request req, JsonNode image, Map<String, String> wanted) {
        Map<String, String> current = texts(image);
        ArrayNode ops = Json.array();
        wanted.forEach((key, value) -> {
            if (!current.containsKey(key)) {
                ops.addObject().put("op", "add").put("path", pointer(key)).put("value", value);
            } else if (!java.util.Objects.equals(current.get(key), value)) {
                ops.addObject().put("op", "replace").put("path", pointer(key)).put("value", value);
            }
        });
        current.keySet().stream().filter(key -> !wanted.containsKey(key))
                .forEach(key -> ops.addObject().put("op", "remove").put("path", pointer(key)));
        if (ops.isEmpty()) {
            return image;
        }
        String id = image.path("id").asString();
        try {
            return glance.patch(id, ops, ComputeContext.callerToken(req));
        } catch (GlanceV2.GlanceError e) {
            throw switch (e.status()) {
                case 401, 403 -> ApiException.forbidden("Not authorized for image " + id + ".");
                case 404 -> ApiException.notFound("Image not found.");
                case 409 -> ApiException.conflict(e.getMessage());
                case 413 -> ApiException.forbidden("Image metadata limit exceeded");
                default -> ImageProxyApi.translatePlain(e);
            };
        }
    }

    /** A JSON pointer to the top-level member {@code key}. */
    private static String pointer(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
