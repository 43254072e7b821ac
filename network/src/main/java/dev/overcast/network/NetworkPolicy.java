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
        securityGroupsAndQuotas(r);
        return r;
    }

    /** Security groups and rules (a rule's project is its group's), and quotas (admins only). */
    private static void securityGroupsAndQuotas(Map<String, String> r) {
        r.put("create_security_group", "rule:admin_or_project_member");
        r.put("get_security_group", "rule:admin_or_project_reader");
        r.put("update_security_group", "rule:admin_or_project_member");
        r.put("delete_security_group", "rule:admin_or_project_member");
        r.put("create_security_group_rule", "rule:admin_or_project_member");
        r.put("get_security_group_rule", "rule:admin_or_project_reader");
        r.put("delete_security_group_rule", "rule:admin_or_project_member");
        r.put("get_quota", "rule:admin_only");
        r.put("update_quota", "rule:admin_only");
        r.put("delete_quota", "rule:admin_only");
    }
}
