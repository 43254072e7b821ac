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
        return r;
    }
}
