package dev.overcast.identity.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Default rules for regions, services, endpoints and OS-EP-FILTER, after Keystone's
 * secure-RBAC defaults: anyone with a token may read regions (clients pick a region before
 * they know anything else), the catalog's other parts are read by an admin or a system
 * reader, and only an admin changes them.
 */
public final class CatalogPolicy {
    private CatalogPolicy() {
    }

    private static final String ADMIN = "rule:admin_required";
    private static final String ADMIN_OR_SYSTEM_READER = ADMIN + " or (role:reader and system_scope:all)";

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("identity:get_region", "@");
        r.put("identity:list_regions", "@");
        for (String entity : new String[] {"region", "service", "endpoint", "endpoint_group"}) {
            r.put("identity:create_" + entity, ADMIN);
            r.put("identity:update_" + entity, ADMIN);
            r.put("identity:delete_" + entity, ADMIN);
        }
        for (String entity : new String[] {"service", "endpoint", "endpoint_group"}) {
            r.put("identity:get_" + entity, ADMIN_OR_SYSTEM_READER);
            r.put("identity:list_" + entity + "s", ADMIN_OR_SYSTEM_READER);
        }
        r.put("identity:list_projects_associated_with_endpoint_group", ADMIN_OR_SYSTEM_READER);
        r.put("identity:list_endpoints_associated_with_endpoint_group", ADMIN_OR_SYSTEM_READER);
        r.put("identity:get_endpoint_group_in_project", ADMIN_OR_SYSTEM_READER);
        r.put("identity:list_endpoint_groups_for_project", ADMIN_OR_SYSTEM_READER);
        r.put("identity:add_endpoint_group_to_project", ADMIN);
        r.put("identity:remove_endpoint_group_from_project", ADMIN);
        r.put("identity:check_endpoint_in_project", ADMIN_OR_SYSTEM_READER);
        r.put("identity:list_endpoints_for_project", ADMIN_OR_SYSTEM_READER);
        r.put("identity:list_projects_for_endpoint", ADMIN_OR_SYSTEM_READER);
        r.put("identity:add_endpoint_to_project", ADMIN);
        r.put("identity:remove_endpoint_from_project", ADMIN);
        return r;
    }
}
