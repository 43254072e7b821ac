package dev.overcast.image.members;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageView;
import dev.overcast.image.images.Images;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sharing an image with other projects, Glance's way: only {@code shared} images have
 * members; the image's owner adds and removes them; each member (and only the member)
 * accepts or rejects; a member sees only its own membership, the owner sees all of them.
 */
public final class MemberApi {
    private static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected");
    /** Glance's {@code image_member_quota}. */
    static final int MEMBER_QUOTA = 128;

    private final ImageContext ctx;

    public MemberApi(ImageContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.post("/v2/images/{image_id}/members", this::create)
                .get("/v2/images/{image_id}/members", this::list)
                .get("/v2/images/{image_id}/members/{member_id}", this::show)
                .put("/v2/images/{image_id}/members/{member_id}", this::update)
                .delete("/v2/images/{image_id}/members/{member_id}", this::delete);
    }

    private Response create(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "add_member", image.target());
        requireOwner(image);
        requireShared(image);
        JsonNode member = req.json().get("member");
        if (member == null || !member.isString() || member.asString().isBlank() || member.asString().length() > 255) {
            throw ApiException.badRequest("Member to be added not specified");
        }
        String imageId = image.row().id();
        var now = ctx.clock().instant();
        MemberRow row = new MemberRow(imageId, member.asString(), "pending", now, now);
        ctx.jdbi().useTransaction(h -> {
            MemberStore store = h.attach(MemberStore.class);
            if (store.find(imageId, row.memberId()).isPresent()) {
                throw ApiException.conflict("Member " + row.memberId() + " is duplicated for image " + imageId);
            }
            if (store.count(imageId) >= MEMBER_QUOTA) {
                throw ApiException.tooLarge("Attempted: " + (MEMBER_QUOTA + 1) + ", Maximum: " + MEMBER_QUOTA);
            }
            store.insert(row);
        });
        return Response.ok(json(row));
    }

    private Response list(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "get_members", image.target());
        requireShared(image);
        List<MemberRow> rows = ctx.jdbi().withExtension(MemberStore.class, s -> s.list(image.row().id()));
        boolean everyone = image.access().admin() || image.access().owns(image.row());
        ObjectNode out = Json.object();
        var members = out.putArray("members");
        rows.stream().filter(m -> everyone || m.memberId().equals(req.auth().projectId()))
                .forEach(m -> members.add(json(m)));
        out.put("schema", "/v2/schemas/members");
        return Response.ok(out);
    }

    private Response show(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "get_member", image.target());
        MemberRow row = member(image, req.param("member_id"));
        boolean mayKnow = image.access().admin() || image.access().owns(image.row())
                || row.memberId().equals(req.auth().projectId());
        if (!mayKnow) {
            throw notMember(image.row().id(), row.memberId());
        }
        return Response.ok(json(row));
    }

    private Response update(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        String memberId = req.param("member_id");
        MemberRow row = member(image, memberId);
        Map<String, Object> target = new java.util.HashMap<>(image.target());
        target.put("member_id", memberId);
        if (!memberId.equals(req.auth().projectId()) && !image.access().admin()) {
            throw ApiException.forbidden("You are not permitted to modify 'status' on this image member.");
        }
        ctx.enforce(req, "modify_member", target);
        JsonNode status = req.json().get("status");
        if (status == null || !status.isString()) {
            throw ApiException.badRequest("Status not specified");
        }
        if (!STATUSES.contains(status.asString())) {
            throw ApiException.badRequest("Invalid status: " + status.asString());
        }
        MemberRow updated = row.withStatus(status.asString(), ctx.clock().instant());
        ctx.jdbi().useExtension(MemberStore.class, s -> s.update(updated));
        return Response.ok(json(updated));
    }

    private Response delete(Request req) {
        Images.Visible image = Images.find(ctx, req.auth(), req.param("image_id"));
        ctx.enforce(req, "delete_member", image.target());
        requireOwner(image);
        requireShared(image);
        String memberId = req.param("member_id");
        if (ctx.jdbi().withExtension(MemberStore.class, s -> s.delete(image.row().id(), memberId)) == 0) {
            throw notMember(image.row().id(), memberId);
        }
        return Response.noContent();
    }

    private MemberRow member(Images.Visible image, String memberId) {
        requireShared(image);
        return ctx.jdbi().withExtension(MemberStore.class, s -> s.find(image.row().id(), memberId))
                .orElseThrow(() -> notMember(image.row().id(), memberId));
    }

    private static void requireShared(Images.Visible image) {
        if (!image.row().visibility().equals("shared")) {
            throw ApiException.forbidden("Only shared images have members.");
        }
    }

    /** Members manage their own status, never the member list. */
    private static void requireOwner(Images.Visible image) {
        if (!image.access().admin() && !image.access().owns(image.row())) {
            throw ApiException.forbidden("You are not permitted to modify the members of image "
                    + image.row().id() + ".");
        }
    }

    private static ApiException notMember(String imageId, String memberId) {
        return ApiException.notFound(memberId + " not found in the member list of the image " + imageId + ".");
    }

    static ObjectNode json(MemberRow row) {
        ObjectNode out = Json.object();
        out.put("created_at", ImageView.time(row.createdAt()));
        out.put("image_id", row.imageId());
        out.put("member_id", row.memberId());
        out.put("schema", "/v2/schemas/member");
        out.put("status", row.status());
        out.put("updated_at", ImageView.time(row.updatedAt()));
        return out;
    }
}
