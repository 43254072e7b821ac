package dev.overcast.network.subnetpools;

import java.util.LinkedHashMap;
import java.util.Map;

/** Neutron's default rules for subnet pools (secure RBAC): shared and default pools are an admin's. */
public final class SubnetPoolRules {
    private SubnetPoolRules() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("create_subnetpool", "rule:admin_or_project_member");
        r.put("create_subnetpool:shared", "rule:admin_only");
        r.put("create_subnetpool:is_default", "rule:admin_only");
        r.put("get_subnetpool", "rule:admin_or_project_reader or rule:shared");
        r.put("update_subnetpool", "rule:admin_or_project_member");
        r.put("update_subnetpool:is_default", "rule:admin_only");
        r.put("delete_subnetpool", "rule:admin_or_project_member");
        return r;
    }
}
