package dev.overcast.identity.group;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.identity.IdentityPolicy;

/**
 * Policy defaults for groups and membership, after Keystone's secure-RBAC ones: an admin
 * manages them; a system reader, or a reader of the group's domain, reads them.
 */
public final class GroupPolicy {
    private GroupPolicy() {
    }

    public static Map<String, String> defaults() {
        String reader = IdentityPolicy.ADMIN + " or (role:reader and system_scope:all)";
        String groupReader = reader + " or (role:reader and domain_id:%(target.group.domain_id)s)";
        Map<String, String> r = new LinkedHashMap<>();
        r.put("identity:get_group", groupReader);
        r.put("identity:list_groups", reader + " or (role:reader and domain_id:%(target.domain_id)s)");
        r.put("identity:list_users_in_group", groupReader);
        r.put("identity:check_user_in_group", groupReader);
        r.put("identity:create_group", IdentityPolicy.ADMIN);
        r.put("identity:update_group", IdentityPolicy.ADMIN);
        r.put("identity:delete_group", IdentityPolicy.ADMIN);
        r.put("identity:add_user_to_group", IdentityPolicy.ADMIN);
        r.put("identity:remove_user_from_group", IdentityPolicy.ADMIN);
        return r;
    }
}
