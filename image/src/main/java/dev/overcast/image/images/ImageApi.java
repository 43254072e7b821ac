package dev.overcast.image.images;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.image.ImageContext;
import dev.overcast.image.ImageData;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageLifecycle.Status;
import tools.jackson.databind.JsonNode;

/**
 * An image's metadata: create, show, update by JSON patch, delete, deactivate and
 * reactivate, and its tags. Listing is {@link ImageListing}; data is elsewhere.
 */
public final class ImageApi {
    private static final Pattern UUID_FORM = Pattern.compile(
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$");
    /** Glance's {@code image_tag_quota}. */
    static final int TAG_QUOTA = 128;

    private final ImageContext ctx;
    private final ImageData data;

    public ImageApi(ImageContext ctx, ImageData data) {
        this.ctx = ctx;
        this.data = data;
    }

    public void routes(Routes r) {
        r.post("/v2/images", this::create)
                .get("/v2/images", new ImageListing(ctx)::list)
                .get("/v2/images/{image_id}", this::show)
                .patch("/v2/images/{image_id}", this::update)
                .delete("/v2/images/{image_id}", this::delete)
                .post("/v2/images/{image_id}/actions/deactivate", this::deactivate)
                .post("/v2/images/{image_id}/actions/reactivate", this::reactivate)
                .put("/v2/images/{image_id}/tags/{tag}", this::addTag)
                .delete("/v2/images/{image_id}/tags/{tag}", this::removeTag);
    }

    private Response create(Request req) {
        AuthContext auth = req.auth();
        JsonNode body = req.json();
        if (!body.isObject()) {
            throw ApiException.badRequest("Body expected in request.");
        }
        boolean admin = Images.isAdmin(ctx, auth);
        String id = body.has("id") ? requireUuid(body.get("id")) : UUID.randomUUID().toString();
        Instant now = ctx.clock().instant();
        ImageRow blank = new ImageRow(id, null, Status.QUEUED.wire(), "shared", false, false, auth.projectId(),
                null, null, null, null, null, 0, 0, null, null, "{}", now, now);
        ImageEdit edit = new ImageEdit(blank, List.of());
        for (var field : body.properties()) {
            String name = field.getKey();
            if (name.equals("id")) {
                continue;
            }
            ImageAttributes.requireWritable(name);
            edit.set(name, field.getValue());
        }
        if (!admin && edit.owner != null && !edit.owner.equals(auth.projectId())) {
            throw ApiException.forbidden("Attribute 'owner' is read-only.");
        }
        ImageRow row = edit.toRow(now);
        ImageAccess access = new ImageAccess(auth, admin, null);
        ctx.enforce(req, "add_image", access.target(row));
        enforceVisibility(req, access, row, null);
        List<String> tags = edit.tags;
        requireTagQuota(tags.size());
        ctx.jdbi().useTransaction(h -> {
            ImageStore store = h.attach(ImageStore.class);
            if (store.find(id).isPresent()) {
                throw ApiException.conflict("Image with identifier " + id + " already exists!");
            }
            store.insert(row);
            tags.forEach(tag -> store.addTag(id, tag));
        });
        Images.notify(ctx, "create", row, tags);
        return Response.created(ImageView.of(row, tags)).header("Location", req.serviceUrl() + "/v2/images/" + id);
    }

    private Response show(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "get_image", image.target());
        return Response.ok(ImageView.of(image.row(), Images.tags(ctx, image.row().id())));
    }

    private Response update(Request req) {
        int draft = JsonPatch.draft(req.header("Content-Type").orElse(null));
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "modify_image", image.target());
        List<JsonPatch.Change> changes = JsonPatch.parse(req.json(), draft);
        ImageRow before = image.row();
        ImageEdit edit = new ImageEdit(before, Images.tags(ctx, before.id()));
        for (JsonPatch.Change change : changes) {
            apply(edit, change, image.access());
        }
        ImageRow after = edit.toRow(ctx.clock().instant());
        enforceVisibility(req, image.access(), after, before);
        requireTagQuota(edit.tags.size());
        List<String> tags = edit.tags;
        ctx.jdbi().useTransaction(h -> {
            ImageStore store = h.attach(ImageStore.class);
            store.update(after);
            store.clearTags(after.id());
            tags.forEach(tag -> store.addTag(after.id(), tag));
        });
        List<String> stored = Images.tags(ctx, after.id());
        Images.notify(ctx, "update", after, stored);
        return Response.ok(ImageView.of(after, stored));
    }

    /** One patch operation, with Glance's verdicts on what may be added, replaced and removed. */
    private static void apply(ImageEdit edit, JsonPatch.Change change, ImageAccess access) {
        String root = change.root();
        if (root.equals("locations")) {
            throw ApiException.forbidden("It's not allowed to " + change.op()
                    + " locations if locations are invisible.");
        }
        ImageAttributes.requireWritable(root);
        if (root.equals("owner") && !access.admin()) {
            throw ApiException.forbidden("Owner can't be updated by non admin.");
        }
        boolean base = ImageAttributes.isBase(root);
        boolean present = base || edit.properties.containsKey(root);
        switch (change.op()) {
            case "remove" -> {
                if (base) {
                    throw ApiException.forbidden("Property " + root + " may not be removed.");
                }
                if (!present) {
                    throw ApiException.conflict("Property " + root + " does not exist.");
                }
                edit.properties.remove(root);
            }
            case "replace" -> {
                if (!present) {
                    throw ApiException.conflict("Property " + root + " does not exist.");
                }
                edit.set(root, change.value());
            }
            default -> {
                if (present && change.draft() == 4) {
                    throw ApiException.conflict("Property " + root + " already present.");
                }
                edit.set(root, change.value());
            }
        }
    }

    /** Making an image public takes {@code publicize_image}; community, {@code communitize_image}. */
    private void enforceVisibility(Request req, ImageAccess access, ImageRow after, ImageRow before) {
        if (before != null && before.visibility().equals(after.visibility())) {
            return;
        }
        switch (after.visibility()) {
            case "public" -> ctx.enforce(req, "publicize_image", access.target(after));
            case "community" -> ctx.enforce(req, "communitize_image", access.target(after));
            default -> {
            }
        }
    }

    private Response delete(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "delete_image", image.target());
        ImageRow row = image.row();
        if (row.isProtected()) {
            throw ApiException.forbidden("Image " + row.id() + " is protected and cannot be deleted.");
        }
        List<String> tags = Images.tags(ctx, row.id());
        ImageRow deleted = ctx.jdbi().inTransaction(h -> {
            ImageStore store = h.attach(ImageStore.class);
            ImageRow current = store.lock(row.id()).orElseThrow(() -> Images.notFound(row.id()));
            ImageRow gone = ImageLifecycle.apply(store, current, Event.DELETE, ctx.clock().instant());
            store.delete(row.id());
            return gone;
        });
        data.delete(row.id());
        Images.notify(ctx, "delete", deleted, tags);
        return Response.noContent();
    }

    private Response deactivate(Request req) {
        return statusAction(req, "deactivate", Event.DEACTIVATE);
    }

    private Response reactivate(Request req) {
        return statusAction(req, "reactivate", Event.REACTIVATE);
    }

    /**
     * Glance allows deactivating only active (or already deactivated) images and reactivating
     * only deactivated (or already active) ones; anything else is a 403, not a 409.
     */
    private Response statusAction(Request req, String action, Event event) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, action, image.target());
        Status status = Status.of(image.row().status());
        if (ImageLifecycle.next(status, event).isEmpty()) {
            throw ApiException.forbidden("Not allowed to " + action + " image in status '" + status.wire() + "'");
        }
        ctx.jdbi().useTransaction(h -> ImageLifecycle.apply(h.attach(ImageStore.class), image.row(), event,
                ctx.clock().instant()));
        return Response.noContent();
    }

    private Response addTag(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "modify_image", image.target());
        String tag = ImageAttributes.tag(req.param("tag"));
        ctx.jdbi().useTransaction(h -> {
            ImageStore store = h.attach(ImageStore.class);
            List<String> tags = store.tags(image.row().id());
            if (!tags.contains(tag)) {
                requireTagQuota(tags.size() + 1);
                store.addTag(image.row().id(), tag);
                store.update(image.row().withStatus(image.row().status(), ctx.clock().instant()));
            }
        });
        return Response.noContent();
    }

    private Response removeTag(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "modify_image", image.target());
        String tag = req.param("tag");
        if (ctx.jdbi().withExtension(ImageStore.class, s -> s.removeTag(image.row().id(), tag)) == 0) {
            throw ApiException.notFound("Tag " + tag + " not found");
        }
        return Response.noContent();
    }

    private static void requireTagQuota(int count) {
        if (count > TAG_QUOTA) {
            throw ApiException.tooLarge("Attempted: " + count + ", Maximum: " + TAG_QUOTA);
        }
    }

    private static String requireUuid(JsonNode id) {
        if (!id.isString() || !UUID_FORM.matcher(id.asString()).matches()) {
            throw ImageAttributes.invalid(id + " does not match the UUID pattern", "id");
        }
        return id.asString().toLowerCase();
    }

}
