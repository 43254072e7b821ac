package dev.overcast.identity.credential;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Default rules for application credentials, access rules, credentials and EC2
 * credentials, after Keystone's secure-RBAC defaults: an {@code admin} may manage anyone's,
 * a system reader may read them, and a user may manage their own. Creating an application
 * credential is the owner's alone, since it delegates the owner's own roles.
 */
public final class CredentialPolicy {
    private CredentialPolicy() {
    }

    private static final String ADMIN = "rule:admin_required";
    private static final String SYSTEM_READER = "(role:reader and system_scope:all)";
    private static final String USER_OWNER = "user_id:%(target.user.id)s";
    private static final String CREDENTIAL_OWNER = "user_id:%(target.credential.user_id)s";

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        String userReader = ADMIN + " or " + SYSTEM_READER + " or " + USER_OWNER;
        String userWriter = ADMIN + " or " + USER_OWNER;
        r.put("identity:create_application_credential", USER_OWNER);
        r.put("identity:get_application_credential", userReader);
        r.put("identity:list_application_credentials", userReader);
        r.put("identity:delete_application_credential", userWriter);

        r.put("identity:get_access_rule", userReader);
        r.put("identity:list_access_rules", userReader);
        r.put("identity:delete_access_rule", userWriter);

        String credentialReader = ADMIN + " or " + SYSTEM_READER + " or " + CREDENTIAL_OWNER;
        String credentialWriter = ADMIN + " or " + CREDENTIAL_OWNER;
        r.put("identity:get_credential", credentialReader);
        r.put("identity:list_credentials", credentialReader);
        r.put("identity:create_credential", credentialWriter);
        r.put("identity:update_credential", credentialWriter);
        r.put("identity:delete_credential", credentialWriter);

        r.put("identity:ec2_get_credential", userReader);
        r.put("identity:ec2_list_credentials", userReader);
        r.put("identity:ec2_create_credential", userWriter);
        r.put("identity:ec2_delete_credential", userWriter);
        return r;
    }
}
