package dev.overcast.identity.role;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default policy for roles, inference rules, grants and role assignments, after
 * Keystone's secure-RBAC defaults: {@code admin} does everything, a system {@code reader}
 * reads everything, and a domain {@code reader} may list the role assignments of its domain
 * and of the domain's projects.
 */
public final class RolePolicy {
    private RolePolicy() {
    }

    private static final String ADMIN = "rule:admin_required";
    private static final String ADMIN_OR_SYSTEM_READER = ADMIN + " or (role:reader and system_scope:all)";

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        for (String read : new String[] {"get_role", "list_roles", "get_implied_role", "check_implied_role",
                "list_implied_roles", "list_role_inference_rules", "check_grant", "list_grants",
                "check_system_grant_for_user", "list_system_grants_for_user",
                "check_system_grant_for_group", "list_system_grants_for_group"}) {
            r.put("identity:" + read, ADMIN_OR_SYSTEM_READER);
        }
        for (String write : new String[] {"create_role", "update_role", "delete_role", "create_implied_role",
                "delete_implied_role", "create_grant", "revoke_grant",
                "create_system_grant_for_user", "revoke_system_grant_for_user",
                "create_system_grant_for_group", "revoke_system_grant_for_group"}) {
            r.put("identity:" + write, ADMIN);
        }
        r.put("identity:list_role_assignments", ADMIN_OR_SYSTEM_READER
                + " or (role:reader and domain_id:%(target.domain.id)s)");
        r.put("identity:list_role_assignments_for_tree", ADMIN_OR_SYSTEM_READER
                + " or (role:reader and domain_id:%(target.domain.id)s)");
        return r;
    }
}
