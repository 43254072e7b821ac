package dev.overcast.placement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Placement's default policy, after upstream's secure-RBAC defaults: admins and services
 * (Nova's scheduler and compute agents) manage everything; a project's readers may read
 * their own usages.
 */
public final class PlacementPolicy {
    private PlacementPolicy() {
    }

    private static final String ADMIN_OR_SERVICE = "rule:admin_or_service";
    private static final String ADMIN_OR_SERVICE_OR_PROJECT_READER =
            "rule:admin_or_service or (role:reader and project_id:%(project_id)s)";

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("admin_or_service", "role:admin or role:service");
        for (String resource : new String[] {"resource_providers", "resource_providers:inventories",
                "resource_classes"}) {
            for (String action : new String[] {"list", "create", "show", "update", "delete"}) {
                r.put("placement:" + resource + ":" + action, ADMIN_OR_SERVICE);
            }
        }
        r.put("placement:resource_providers:aggregates:list", ADMIN_OR_SERVICE);
        r.put("placement:resource_providers:aggregates:update", ADMIN_OR_SERVICE);
        r.put("placement:resource_providers:usages", ADMIN_OR_SERVICE);
        r.put("placement:resource_providers:allocations:list", ADMIN_OR_SERVICE);
        r.put("placement:resource_providers:traits:list", ADMIN_OR_SERVICE);
        r.put("placement:resource_providers:traits:update", ADMIN_OR_SERVICE);
        r.put("placement:resource_providers:traits:delete", ADMIN_OR_SERVICE);
        r.put("placement:traits:list", ADMIN_OR_SERVICE);
        r.put("placement:traits:show", ADMIN_OR_SERVICE);
        r.put("placement:traits:update", ADMIN_OR_SERVICE);
        r.put("placement:traits:delete", ADMIN_OR_SERVICE);
        r.put("placement:allocations:manage", ADMIN_OR_SERVICE);
        r.put("placement:allocations:list", ADMIN_OR_SERVICE);
        r.put("placement:allocations:update", ADMIN_OR_SERVICE);
        r.put("placement:allocations:delete", ADMIN_OR_SERVICE);
        r.put("placement:allocation_candidates:list", ADMIN_OR_SERVICE);
        r.put("placement:reshaper:reshape", ADMIN_OR_SERVICE);
        r.put("placement:usages", ADMIN_OR_SERVICE_OR_PROJECT_READER);
        return r;
    }
}
