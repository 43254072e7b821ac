package dev.overcast.identity.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns stored assignments into what {@code GET /v3/role_assignments?effective} lists, from a
 * snapshot and without a database: group assignments become one per member, inherited ones
 * one per project they reach, and each role brings the roles it implies. Domain-specific
 * roles never appear in the effective list (they only carry their implied roles), as in
 * Keystone.
 */
public final class AssignmentExpansion {
    private AssignmentExpansion() {
    }

    /**
     * One listed assignment: {@code row} is what is shown (actor, role, target), {@code source}
     * the stored grant it came from, {@code viaGroupId} the group it came through and
     * {@code priorRoleId} the granted role when {@code row}'s role is implied by it.
     */
    public record Listed(AssignmentRow row, AssignmentRow source, String viaGroupId, String priorRoleId) {
        public static Listed stored(AssignmentRow row) {
            return new Listed(row, row, null, null);
        }
    }

    /**
     * What expansion needs to know.
     *
     * @param membersOf the user ids of a group
     * @param projectsBelow the projects (not domains) under a project or domain, at any depth
     * @param implies the inference rules, prior role id to implied role ids
     * @param domainSpecificRoles the ids of roles that belong to a domain
     */
    public record World(Function<String, List<String>> membersOf, Function<String, List<String>> projectsBelow,
                        Map<String, List<String>> implies, Set<String> domainSpecificRoles) {
    }

    public static List<Listed> effective(List<AssignmentRow> stored, World world) {
        List<Listed> out = new ArrayList<>();
        for (AssignmentRow grant : stored) {
            for (AssignmentRow toUser : toUsers(grant, world)) {
                for (AssignmentRow onTarget : toTargets(toUser, world)) {
                    for (String role : EffectiveRoles.withImplied(Set.of(onTarget.roleId()), world.implies())) {
                        if (world.domainSpecificRoles().contains(role)) {
                            continue;
                        }
                        AssignmentRow shown = new AssignmentRow(onTarget.type(), onTarget.actorId(),
                                onTarget.targetId(), role, false);
                        out.add(new Listed(shown, grant, grant.isGroup() ? grant.actorId() : null,
                                role.equals(grant.roleId()) ? null : grant.roleId()));
                    }
                }
            }
        }
        return out;
    }

    private static List<AssignmentRow> toUsers(AssignmentRow grant, World world) {
        if (!grant.isGroup()) {
            return List.of(grant);
        }
        String userType = "User" + grant.type().substring("Group".length());
        return world.membersOf().apply(grant.actorId()).stream()
                .map(user -> new AssignmentRow(userType, user, grant.targetId(), grant.roleId(), grant.inherited()))
                .toList();
    }

    private static List<AssignmentRow> toTargets(AssignmentRow grant, World world) {
        if (!grant.inherited()) {
            return List.of(grant);
        }
        return world.projectsBelow().apply(grant.targetId()).stream()
                .map(project -> new AssignmentRow(AssignmentRow.USER_PROJECT, grant.actorId(), project,
                        grant.roleId(), false))
                .toList();
    }
}
