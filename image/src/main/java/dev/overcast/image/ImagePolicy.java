package dev.overcast.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image's default policy, in oslo.policy's language, after Glance's secure-RBAC defaults:
 * a project's members manage its images, readers read them, everyone reads public and
 * community images and the ones shared with them, and only admins publicize.
 */
public final class ImagePolicy {
    private ImagePolicy() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("admin", "role:admin");
        r.put("project_member", "role:member and project_id:%(project_id)s");
        r.put("project_reader", "role:reader and project_id:%(project_id)s");
        // Data: only the owner's members (or an admin) put data into an image; anyone who can
        // see an image and holds a reader role reads its data (visibility is checked in code).
        r.put("upload_image", "rule:admin or rule:project_member");
        r.put("import_image", "rule:admin or rule:project_member");
        r.put("download_image", "rule:admin or role:reader");
        return r;
    }
}
