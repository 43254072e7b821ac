package dev.overcast.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image's default policy, in oslo.policy's language, after Glance's secure-RBAC defaults:
 * a project's members manage its images, readers read them, everyone reads public and
 * community images and the ones shared with them, and only admins publicize.
 *
 * <p>The target of an image rule is the image: {@code project_id} is its owner,
 * {@code visibility} its visibility, {@code member_id} the caller's project when the caller is
 * one of its members, and {@code owner} the owner again (for {@code add_image}).
 */
public final class ImagePolicy {
    private ImagePolicy() {
    }

    private static final String ADMIN = "rule:context_is_admin";
    private static final String PROJECT_MEMBER = "role:member and project_id:%(project_id)s";
    private static final String PROJECT_READER = "role:reader and project_id:%(project_id)s";
    private static final String IMAGE_MEMBER = "project_id:%(member_id)s";
    private static final String ANY_VISIBLE = "(project_id:%(project_id)s or " + IMAGE_MEMBER
            + " or 'community':%(visibility)s or 'public':%(visibility)s or 'shared':%(visibility)s)";
    private static final String ADMIN_OR_PROJECT_MEMBER = ADMIN + " or (" + PROJECT_MEMBER + ")";
    private static final String ADMIN_OR_PROJECT_READER = ADMIN + " or (" + PROJECT_READER + ")";

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("default", "");
        r.put("context_is_admin", "role:admin");
        r.put("project_member", PROJECT_MEMBER);
        r.put("project_reader", PROJECT_READER);
        r.put("add_image", ADMIN + " or (" + PROJECT_MEMBER + " and project_id:%(owner)s)");
        r.put("delete_image", ADMIN_OR_PROJECT_MEMBER);
        r.put("get_image", ADMIN + " or (role:reader and " + ANY_VISIBLE + ")");
        r.put("get_images", ADMIN + " or (role:reader and project_id:%(project_id)s)");
        r.put("modify_image", ADMIN_OR_PROJECT_MEMBER);
        r.put("publicize_image", "role:admin");
        r.put("communitize_image", ADMIN_OR_PROJECT_MEMBER);
        r.put("download_image", ADMIN + " or (role:member and " + ANY_VISIBLE + ")");
        r.put("upload_image", ADMIN_OR_PROJECT_MEMBER);
        r.put("deactivate", ADMIN_OR_PROJECT_MEMBER);
        r.put("reactivate", ADMIN_OR_PROJECT_MEMBER);
        r.put("add_member", ADMIN_OR_PROJECT_MEMBER);
        r.put("delete_member", ADMIN_OR_PROJECT_MEMBER);
        r.put("get_member", ADMIN + " or (role:reader and (project_id:%(project_id)s or " + IMAGE_MEMBER + "))");
        r.put("get_members", ADMIN + " or (role:reader and (project_id:%(project_id)s or " + IMAGE_MEMBER + "))");
        r.put("modify_member", ADMIN + " or (role:member and " + IMAGE_MEMBER + ")");
        r.put("copy_image", "role:admin");
        // Metadata definitions: everyone reads (namespace visibility still applies), admins write.
        r.put("metadef_default", "");
        r.put("metadef_admin", "role:admin");
        r.put("get_metadef_namespace", "rule:metadef_default");
        r.put("get_metadef_namespaces", "rule:metadef_default");
        r.put("modify_metadef_namespace", "rule:metadef_admin");
        r.put("add_metadef_namespace", "rule:metadef_admin");
        r.put("delete_metadef_namespace", "rule:metadef_admin");
        r.put("get_metadef_object", "rule:metadef_default");
        r.put("get_metadef_objects", "rule:metadef_default");
        r.put("modify_metadef_object", "rule:metadef_admin");
        r.put("add_metadef_object", "rule:metadef_admin");
        r.put("delete_metadef_object", "rule:metadef_admin");
        r.put("list_metadef_resource_types", "rule:metadef_default");
        r.put("get_metadef_resource_type", "rule:metadef_default");
        r.put("add_metadef_resource_type_association", "rule:metadef_admin");
        r.put("remove_metadef_resource_type_association", "rule:metadef_admin");
        r.put("get_metadef_property", "rule:metadef_default");
        r.put("get_metadef_properties", "rule:metadef_default");
        r.put("modify_metadef_property", "rule:metadef_admin");
        r.put("add_metadef_property", "rule:metadef_admin");
        r.put("remove_metadef_property", "rule:metadef_admin");
        r.put("get_metadef_tag", "rule:metadef_default");
        r.put("get_metadef_tags", "rule:metadef_default");
        r.put("modify_metadef_tag", "rule:metadef_admin");
        r.put("add_metadef_tag", "rule:metadef_admin");
        r.put("add_metadef_tags", "rule:metadef_admin");
        r.put("delete_metadef_tag", "rule:metadef_admin");
        r.put("delete_metadef_tags", "rule:metadef_admin");
        return r;
    }
}
