package dev.overcast.orchestration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Orchestration's default policy in oslo.policy's language, with Heat's rule names and
 * secure-RBAC-style defaults: a project's members create and change its stacks, its readers
 * read them, admins do anything, and the stack domain users Heat makes for servers
 * ({@code heat_stack_user}) are denied everything but signals.
 *
 * <p>The target of every rule is {@code {"project_id": <the project in the URL>}}.
 */
public final class OrchestrationPolicy {
    private OrchestrationPolicy() {
    }

    private static final String READ = "rule:deny_stack_user and (rule:context_is_admin or rule:project_reader)";
    private static final String WRITE = "rule:deny_stack_user and (rule:context_is_admin or rule:project_member)";

    /** @return rule name → rule text */
    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("context_is_admin", "role:admin");
        r.put("project_member", "role:member and project_id:%(project_id)s");
        r.put("project_reader", "role:reader and project_id:%(project_id)s");
        r.put("deny_stack_user", "not role:heat_stack_user");
        r.put("deny_everybody", "!");
        r.put("build_info:build_info", READ);
        for (String rule : new String[] {"stacks:index", "stacks:detail", "stacks:show", "stacks:lookup",
                "stacks:template", "stacks:environment", "stacks:files", "stacks:list_outputs", "stacks:show_output",
                "stacks:validate_template", "stacks:list_resource_types", "stacks:resource_schema",
                "stacks:generate_template", "stacks:list_template_versions", "stacks:list_template_functions",
                "resource:index", "resource:show", "resource:metadata", "events:index", "events:show",
                "stacks:list_snapshots", "stacks:show_snapshot"}) {
            r.put(rule, READ);
        }
        for (String rule : new String[] {"stacks:create", "stacks:preview", "stacks:preview_update",
                "stacks:preview_update_patch", "stacks:update", "stacks:update_patch",
                "stacks:delete", "stacks:abandon", "actions:action", "actions:suspend", "actions:resume", "actions:check",
                "actions:cancel_update", "actions:cancel_without_rollback", "resource:mark_unhealthy", "stacks:snapshot",
                "stacks:delete_snapshot", "stacks:restore_snapshot"}) {
            r.put(rule, WRITE);
        }
        r.put("stacks:global_index", "rule:context_is_admin");
        for (String rule : new String[] {"software_configs:index", "software_configs:show",
                "software_deployments:index", "software_deployments:show"}) {
            r.put(rule, READ);
        }
        for (String rule : new String[] {"software_configs:create", "software_configs:delete",
                "software_deployments:create", "software_deployments:update", "software_deployments:delete"}) {
            r.put(rule, WRITE);
        }
        r.put("software_configs:global_index", "rule:context_is_admin");
        // A server's agent polls its deployments' metadata with the stack user's credentials.
        r.put("software_deployments:metadata", "(role:heat_stack_user and project_id:%(project_id)s) or "
                + "rule:context_is_admin or rule:project_reader");
        r.put("resource:signal", "");
        return r;
    }
}
