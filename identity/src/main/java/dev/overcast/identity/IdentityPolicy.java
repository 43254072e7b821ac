package dev.overcast.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.identity.catalog.CatalogPolicy;
import dev.overcast.identity.credential.CredentialPolicy;
import dev.overcast.identity.group.GroupPolicy;
import dev.overcast.identity.role.RolePolicy;
import dev.overcast.identity.user.UserPolicy;

/**
 * Identity's default policy, in oslo.policy's language, after Keystone's secure-RBAC
 * defaults: {@code admin} may do anything, a system or domain {@code reader} may read what
 * is in its scope, and a user may read and manage what is their own. An operator's policy
 * file overrides any rule by name.
 */
public final class IdentityPolicy {
    private IdentityPolicy() {
    }

    public static final String ADMIN = "rule:admin_required";
    private static final String SYSTEM_READER = "(role:reader and system_scope:all)";
    private static final String ADMIN_OR_SYSTEM_READER = ADMIN + " or " + SYSTEM_READER;

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("admin_required", "role:admin");
        r.put("service_role", "role:service");
        r.put("service_or_admin", "rule:admin_required or rule:service_role");
        r.put("owner", "user_id:%(user_id)s");
        r.put("admin_or_owner", "rule:admin_required or rule:owner");
        r.put("token_subject", "user_id:%(target.token.user_id)s");
        r.put("service_admin_or_token_subject", "rule:service_or_admin or rule:token_subject");
        r.put("domain_reader", "(role:reader and domain_id:%(target.domain.id)s)");

        r.put("identity:validate_token", "rule:service_admin_or_token_subject");
        r.put("identity:check_token", "rule:service_admin_or_token_subject");
        r.put("identity:revoke_token", "rule:service_admin_or_token_subject");
        r.put("identity:list_revoke_events", "rule:service_or_admin");
        for (String s : new String[] {"catalog", "projects", "domains", "system"}) {
            r.put("identity:get_auth_" + s, "@");
        }

        r.put("identity:list_domains", ADMIN_OR_SYSTEM_READER);
        r.put("identity:get_domain", ADMIN_OR_SYSTEM_READER + " or token.domain.id:%(target.domain.id)s"
                + " or domain_id:%(target.domain.id)s or project_domain_id:%(target.domain.id)s");
        r.put("identity:create_domain", ADMIN);
        r.put("identity:update_domain", ADMIN);
        r.put("identity:delete_domain", ADMIN);

        String projectReader = ADMIN_OR_SYSTEM_READER
                + " or (role:reader and domain_id:%(target.project.domain_id)s)"
                + " or project_id:%(target.project.id)s";
        r.put("identity:get_project", projectReader);
        r.put("identity:list_projects", ADMIN_OR_SYSTEM_READER + " or (role:reader and domain_id:%(domain_id)s)");
        r.put("identity:list_user_projects", ADMIN_OR_SYSTEM_READER + " or user_id:%(target.user.id)s");
        r.put("identity:create_project", ADMIN + " or (role:admin and domain_id:%(target.project.domain_id)s)");
        r.put("identity:update_project", ADMIN);
        r.put("identity:delete_project", ADMIN);
        r.put("identity:get_project_tags", projectReader);
        r.put("identity:get_project_tag", projectReader);
        String projectTagWriter = ADMIN + " or (role:member and project_id:%(target.project.id)s)";
        r.put("identity:update_project_tags", projectTagWriter);
        r.put("identity:create_project_tag", projectTagWriter);
        r.put("identity:delete_project_tags", projectTagWriter);
        r.put("identity:delete_project_tag", projectTagWriter);
        r.putAll(CatalogPolicy.defaults());

        r.put("identity:create_trust", "user_id:%(trust.trustor_user_id)s");
        r.put("identity:list_trusts", ADMIN_OR_SYSTEM_READER);
        r.put("identity:get_trust", ADMIN_OR_SYSTEM_READER);
        r.put("identity:delete_trust", ADMIN);
        for (String entity : new String[] {"policy", "consumer", "identity_provider", "protocol", "mapping",
                "service_provider"}) {
            String plural = entity.equals("policy") ? "policies" : entity + "s";
            r.put("identity:list_" + plural, ADMIN_OR_SYSTEM_READER);
            r.put("identity:get_" + entity, ADMIN_OR_SYSTEM_READER);
            r.put("identity:create_" + entity, ADMIN);
            r.put("identity:update_" + entity, ADMIN);
            r.put("identity:delete_" + entity, ADMIN);
        }
        r.putAll(UserPolicy.defaults());
        r.putAll(GroupPolicy.defaults());
        r.putAll(CredentialPolicy.defaults());
        r.putAll(RolePolicy.defaults());
        return r;
    }
}
