package dev.overcast.identity.role;

/**
 * One role assignment: an actor (user or group) has a role on a target (project, domain or
 * the system), optionally inherited down the target's project tree.
 */
public record AssignmentRow(String type, String actorId, String targetId, String roleId, boolean inherited) {
    public static final String USER_PROJECT = "UserProject";
    public static final String GROUP_PROJECT = "GroupProject";
    public static final String USER_DOMAIN = "UserDomain";
    public static final String GROUP_DOMAIN = "GroupDomain";
    public static final String USER_SYSTEM = "UserSystem";
    public static final String GROUP_SYSTEM = "GroupSystem";
    public static final String SYSTEM = "system";

    public boolean isGroup() {
        return type.startsWith("Group");
    }

    public boolean onProject() {
        return type.endsWith("Project");
    }

    public boolean onDomain() {
        return type.endsWith("Domain");
    }

    public boolean onSystem() {
        return type.endsWith("System");
    }
}
