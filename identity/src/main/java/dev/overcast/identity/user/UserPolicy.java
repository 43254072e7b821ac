package dev.overcast.identity.user;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.identity.IdentityPolicy;

/**
 * Policy defaults for users, after Keystone's secure-RBAC ones: an admin manages users, a
 * system reader or a reader of the user's domain reads them, and a user may read themselves
 * and their own groups. Changing one's own password needs no policy: it is proven by the
 * original password.
 */
public final class UserPolicy {
    private UserPolicy() {
    }

    private static final String READER = IdentityPolicy.ADMIN + " or (role:reader and system_scope:all)";

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        String userReader = READER + " or (role:reader and domain_id:%(target.user.domain_id)s)";
        r.put("identity:get_user", userReader + " or user_id:%(target.user.id)s");
        r.put("identity:list_users", READER + " or (role:reader and domain_id:%(target.domain_id)s)");
        r.put("identity:list_groups_for_user", userReader + " or user_id:%(target.user.id)s");
        r.put("identity:create_user", IdentityPolicy.ADMIN);
        r.put("identity:update_user", IdentityPolicy.ADMIN);
        r.put("identity:delete_user", IdentityPolicy.ADMIN);
        return r;
    }
}
