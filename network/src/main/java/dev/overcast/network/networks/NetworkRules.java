package dev.overcast.network.networks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's default rules for networks (secure RBAC): members create and manage their project's
 * networks, everyone sees shared and external ones, only admins share, make external or choose
 * provider segments, and only admins see the segments.
 */
public final class NetworkRules {
    private NetworkRules() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("shared", "'True':%(shared)s");
        r.put("external", "'True':%(router:external)s");
        r.put("network_owner", "role:member and project_id:%(network:project_id)s");
        r.put("service_api", "role:service");
        r.put("create_network", "rule:admin_or_project_member");
        r.put("get_network", "rule:admin_or_project_reader or rule:shared or rule:external");
        r.put("update_network", "rule:admin_or_project_member");
        r.put("delete_network", "rule:admin_or_project_member");
        for (String action : new String[] {"create_network", "update_network"}) {
            r.put(action + ":shared", "rule:admin_only");
            r.put(action + ":router:external", "rule:admin_only");
            r.put(action + ":is_default", "rule:admin_only");
            r.put(action + ":port_security_enabled", "rule:admin_or_project_member");
            r.put(action + ":provider:network_type", "rule:admin_only");
            r.put(action + ":provider:physical_network", "rule:admin_only");
            r.put(action + ":provider:segmentation_id", "rule:admin_only");
        }
        r.put("get_network:router:external", "");
        r.put("get_network:provider:network_type", "rule:admin_only");
        r.put("get_network:provider:physical_network", "rule:admin_only");
        r.put("get_network:provider:segmentation_id", "rule:admin_only");
        return r;
    }
}
