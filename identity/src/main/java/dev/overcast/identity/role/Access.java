package dev.overcast.identity.role;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;

/** Where a user has any role: the projects and domains they may scope a token to. */
public final class Access {
    private Access() {
    }

    public static List<ProjectRow> projectsOf(Handle h, String userId) {
        RoleStore roles = h.attach(RoleStore.class);
        Set<String> actors = actors(roles, userId);
        List<AssignmentRow> assignments = roles.assignmentsOf(List.copyOf(actors));
        List<ProjectRow> out = new ArrayList<>();
        if (assignments.isEmpty()) {
            return out;
        }
        for (ProjectRow project : h.attach(ProjectStore.class).list(false)) {
            if (!EffectiveRoles.granted(assignments, actors, RoleResolver.projectScope(h, project)).isEmpty()) {
                out.add(project);
            }
        }
        return out;
    }

    public static List<ProjectRow> domainsOf(Handle h, String userId) {
        RoleStore roles = h.attach(RoleStore.class);
        Set<String> actors = actors(roles, userId);
        List<AssignmentRow> assignments = roles.assignmentsOf(List.copyOf(actors));
        List<ProjectRow> out = new ArrayList<>();
        for (ProjectRow domain : h.attach(ProjectStore.class).list(true)) {
            if (!EffectiveRoles.granted(assignments, actors, new EffectiveRoles.OnDomain(domain.id())).isEmpty()) {
                out.add(domain);
            }
        }
        return out;
    }

    public static boolean hasSystemRoles(Handle h, String userId) {
        RoleStore roles = h.attach(RoleStore.class);
        Set<String> actors = actors(roles, userId);
        return !EffectiveRoles.granted(roles.assignmentsOf(List.copyOf(actors)), actors,
                new EffectiveRoles.OnSystem()).isEmpty();
    }

    private static Set<String> actors(RoleStore roles, String userId) {
        Set<String> actors = new HashSet<>(roles.groupsOf(userId));
        actors.add(userId);
        return actors;
    }
}
