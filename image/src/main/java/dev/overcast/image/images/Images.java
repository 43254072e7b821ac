package dev.overcast.image.images;

import java.util.List;
import java.util.Map;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.bus.VersionedPayload;
import dev.overcast.core.http.ApiException;
import dev.overcast.image.ImageContext;

/** Finding an image the caller may see, and telling the world an image changed. */
public final class Images {
    private Images() {
    }

    /** An image with how the caller relates to it. */
    public record Visible(ImageRow row, ImageAccess access) {
        public Map<String, Object> target() {
            return access.target(row);
        }
    }

    public static boolean isAdmin(ImageContext ctx, AuthContext auth) {
        return ctx.allowed(auth, "context_is_admin", Map.of());
    }

    /** The image {@code id} as {@code auth} sees it; a 404 when it does not exist or is not theirs to see. */
    public static Visible find(ImageContext ctx, AuthContext auth, String id) {
        return ctx.jdbi().withExtension(ImageStore.class, store -> {
            ImageRow row = store.find(id).orElseThrow(() -> notFound(id));
            String membership = auth.projectId() == null ? null : store.membership(id, auth.projectId()).orElse(null);
            ImageAccess access = new ImageAccess(auth, isAdmin(ctx, auth), membership);
            if (!access.canSee(row)) {
                throw notFound(id);
            }
            return new Visible(row, access);
        });
    }

    public static ApiException notFound(String id) {
        return ApiException.notFound("No image found with ID " + id);
    }

    public static List<String> tags(ImageContext ctx, String id) {
        return ctx.jdbi().withExtension(ImageStore.class, s -> s.tags(id));
    }

    /** Sends {@code image.<event>} with the image as Glance shows it. */
    public static void notify(ImageContext ctx, String event, ImageRow row, List<String> tags) {
        ctx.notifier().info("image." + event,
                VersionedPayload.of("glance", "ImagePayload", "1.0", ImageView.of(row, tags)));
    }
}
