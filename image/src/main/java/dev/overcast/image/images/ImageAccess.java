package dev.overcast.image.images;

import java.util.HashMap;
import java.util.Map;

import dev.overcast.core.auth.AuthContext;

/**
 * Who may see an image, Glance's way: admins see everything; others see their project's
 * images, public and community ones, and shared ones whose member list names their project
 * (whatever the membership status: only listings care about acceptance).
 *
 * @param caller     the caller
 * @param admin      true when {@code context_is_admin} holds for the caller
 * @param membership the caller's membership status of the image, or null when not a member
 */
public record ImageAccess(AuthContext caller, boolean admin, String membership) {

    public boolean owns(ImageRow image) {
        return caller.projectId() != null && caller.projectId().equals(image.owner());
    }

    public boolean canSee(ImageRow image) {
        if (admin || owns(image)) {
            return true;
        }
        return switch (image.visibility()) {
            case "public", "community" -> true;
            case "shared" -> membership != null;
            default -> false;
        };
    }

    /** The policy target for a rule about {@code image}. */
    public Map<String, Object> target(ImageRow image) {
        Map<String, Object> target = new HashMap<>();
        target.put("project_id", image.owner() == null ? "" : image.owner());
        target.put("owner", image.owner() == null ? "" : image.owner());
        target.put("visibility", image.visibility());
        if (membership != null) {
            target.put("member_id", caller.projectId());
        }
        return target;
    }
}
