package dev.overcast.network;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Network's default policy, in oslo.policy's language, after Neutron's secure-RBAC defaults:
 * a project's members manage its resources, readers read them, admins do anything, and some
 * attributes (provider networks, port bindings) are admin-only. Each feature adds its rules
 * below the common ones.
 *
 * <p>The target of a rule is the resource as the API shows it ({@code project_id} is its
 * owner); a rule that depends on the resource's network also gets {@code network:project_id}
 * and {@code network:shared}.
 */
public final class NetworkPolicy {
    private NetworkPolicy() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("default", "rule:admin_or_project_member");
        r.put("context_is_admin", "role:admin");
        r.put("admin_only", "rule:context_is_admin");
        r.put("project_member", "role:member and project_id:%(project_id)s");
        r.put("project_reader", "role:reader and project_id:%(project_id)s");
        r.put("admin_or_project_member", "rule:context_is_admin or rule:project_member");
        r.put("admin_or_project_reader", "rule:context_is_admin or rule:project_reader");
        r.putAll(dev.overcast.network.networks.NetworkRules.defaults());
        r.putAll(dev.overcast.network.subnets.SubnetRules.defaults());
        r.putAll(dev.overcast.network.ports.PortRules.defaults());
        r.putAll(dev.overcast.network.subnetpools.SubnetPoolRules.defaults());
        r.putAll(dev.overcast.network.secgroups.SecurityGroupRules.defaults());
        r.putAll(dev.overcast.network.quotas.QuotaRules.defaults());
        l3(r);
        return r;
    }

    /** Routers, floating IPs and auto-allocated topologies (the l3 feature), as Neutron names them. */
    private static void l3(Map<String, String> r) {
        String member = "rule:admin_or_project_member";
        String reader = "rule:admin_or_project_reader";
        String admin = "rule:admin_only";
        for (String action : new String[] {"create_router", "update_router"}) {
            r.put(action, member);
            r.put(action + ":external_gateway_info", member);
            r.put(action + ":external_gateway_info:network_id", member);
            r.put(action + ":external_gateway_info:enable_snat", admin);
            r.put(action + ":external_gateway_info:external_fixed_ips", admin);
            r.put(action + ":distributed", admin);
            r.put(action + ":ha", admin);
        }
        r.put("get_router", reader);
        r.put("delete_router", member);
        r.put("add_router_interface", member);
        r.put("remove_router_interface", member);
        r.put("add_extraroutes", member);
        r.put("remove_extraroutes", member);
        r.put("create_floatingip", member);
        r.put("create_floatingip:floating_ip_address", admin);
        r.put("get_floatingip", reader);
        r.put("update_floatingip", member);
        r.put("delete_floatingip", member);
        r.put("get_floatingip_pool", reader);
        r.put("get_auto_allocated_topology", reader);
        r.put("delete_auto_allocated_topology", member);
    }
}
