package dev.overcast.network.subnets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's default rules for subnets (secure RBAC): the network's owner (or an admin) creates
 * and manages them; a project reads its own and those of shared and external networks.
 */
public final class SubnetRules {
    private SubnetRules() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("network_shared", "'True':%(network:shared)s");
        r.put("network_external", "'True':%(network:router:external)s");
        r.put("create_subnet", "rule:admin_only or rule:network_owner");
        r.put("get_subnet", "rule:admin_or_project_reader or rule:network_shared or rule:network_external");
        r.put("update_subnet", "rule:admin_only or rule:network_owner");
        r.put("delete_subnet", "rule:admin_only or rule:network_owner");
        return r;
    }
}
