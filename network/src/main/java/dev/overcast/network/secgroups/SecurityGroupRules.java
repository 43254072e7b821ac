package dev.overcast.network.secgroups;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's default rules for security groups and their rules (secure RBAC): members manage
 * their project's groups, readers read them, admins any project's. A rule's target is its own
 * project, which is its group's.
 */
public final class SecurityGroupRules {
    private SecurityGroupRules() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        for (String resource : new String[] {"security_group", "security_group_rule"}) {
            r.put("create_" + resource, "rule:admin_or_project_member");
            r.put("get_" + resource, "rule:admin_or_project_reader");
            r.put("delete_" + resource, "rule:admin_or_project_member");
        }
        r.put("update_security_group", "rule:admin_or_project_member");
        return r;
    }
}
