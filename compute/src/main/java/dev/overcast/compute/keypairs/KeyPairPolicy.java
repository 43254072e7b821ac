package dev.overcast.compute.keypairs;

import java.util.Map;

/**
 * Nova's key pair rules: a user manages its own key pairs, admins anyone's (naming the user
 * with {@code user_id} from 2.10).
 */
public final class KeyPairPolicy {
    private KeyPairPolicy() {
    }

    private static final String ADMIN_OR_OWNER = "(rule:context_is_admin) or user_id:%(user_id)s";

    static final String INDEX = "os_compute_api:os-keypairs:index";
    static final String CREATE = "os_compute_api:os-keypairs:create";
    static final String SHOW = "os_compute_api:os-keypairs:show";
    static final String DELETE = "os_compute_api:os-keypairs:delete";

    public static final Map<String, String> RULES = Map.of(
            INDEX, ADMIN_OR_OWNER,
            CREATE, ADMIN_OR_OWNER,
            SHOW, ADMIN_OR_OWNER,
            DELETE, ADMIN_OR_OWNER);
}
