package dev.overcast.image.data;

import java.util.Map;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageRow;
import dev.overcast.image.images.ImageStore;

/**
 * Who may touch an image's data. An image the caller cannot see is a 404, as if it did not
 * exist (Glance never confirms another project's private image); one the caller sees but may
 * not change is a 403.
 */
final class DataAccess {
    private final ImageContext ctx;

    DataAccess(ImageContext ctx) {
        this.ctx = ctx;
    }

    /** The image, if the caller may see it; a 404 otherwise. */
    ImageRow visible(Request req, String imageId) {
        AuthContext auth = req.auth();
        ImageRow image = ctx.jdbi().withExtension(ImageStore.class, s -> s.find(imageId))
                .filter(i -> !i.status().equals("deleted"))
                .orElseThrow(() -> notFound(imageId));
        if (isAdmin(auth) || canSee(auth, image)) {
            return image;
        }
        throw notFound(imageId);
    }

    /** The image, if the caller may put data into it under {@code rule}; 404 or 403 otherwise. */
    ImageRow writable(Request req, String imageId, String rule) {
        ImageRow image = visible(req, imageId);
        ctx.enforce(req, rule, target(req, image));
        return image;
    }

    /** The image, if the caller may read its data. */
    ImageRow readable(Request req, String imageId) {
        ImageRow image = visible(req, imageId);
        ctx.enforce(req, "download_image", target(req, image));
        return image;
    }

    boolean isAdmin(AuthContext auth) {
        return ctx.allowed(auth, "context_is_admin", Map.of());
    }

    private boolean canSee(AuthContext auth, ImageRow image) {
        String project = auth.projectId();
        return switch (image.visibility()) {
            case "public", "community" -> true;
            case "shared" -> project != null && (project.equals(image.owner())
                    || ctx.jdbi().withExtension(DataStore.class, s -> s.isMember(image.id(), project)));
            default -> project != null && project.equals(image.owner());
        };
    }

    /** The policy target, as ImagePolicy describes it: the image's owner, visibility and the caller's membership. */
    private Map<String, Object> target(Request req, ImageRow image) {
        String owner = image.owner() == null ? "" : image.owner();
        String project = req.auth().projectId();
        boolean member = project != null && image.visibility().equals("shared")
                && ctx.jdbi().withExtension(DataStore.class, s -> s.isMember(image.id(), project));
        return Map.of("project_id", owner, "owner", owner, "visibility", image.visibility(),
                "member_id", member ? project : "");
    }

    static ApiException notFound(String imageId) {
        return ApiException.notFound("No image found with ID " + imageId);
    }
}
