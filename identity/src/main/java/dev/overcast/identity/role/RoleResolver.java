package dev.overcast.identity.role;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;

/** Reads the snapshot {@link EffectiveRoles} decides on, for one user and scope. */
public final class RoleResolver {
    private final Jdbi jdbi;

    public RoleResolver(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The effective roles (implied ones included, domain-specific ones left out) of a user on a scope. */
    public List<RoleRow> rolesOf(String userId, EffectiveRoles.Scope scope) {
        return jdbi.withHandle(h -> rolesOf(h, userId, scope));
    }

    public static List<RoleRow> rolesOf(Handle h, String userId, EffectiveRoles.Scope scope) {
        RoleStore store = h.attach(RoleStore.class);
        Set<String> actors = new HashSet<>(store.groupsOf(userId));
        actors.add(userId);
        Set<String> granted = EffectiveRoles.granted(store.assignmentsOf(List.copyOf(actors)), actors, scope);
        if (granted.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> implies = store.inferenceRules().stream().collect(Collectors.groupingBy(
                RoleStore.ImpliedRole::priorRoleId,
                Collectors.mapping(RoleStore.ImpliedRole::impliedRoleId, Collectors.toList())));
        Set<String> all = EffectiveRoles.withImplied(granted, implies);
        return store.findAll(List.copyOf(all)).stream().filter(RoleRow::isGlobal)
                .sorted(java.util.Comparator.comparing(RoleRow::name)).toList();
    }

    /** The scope of a project: its ancestors up to (not including) its domain. */
    public static EffectiveRoles.Scope projectScope(Handle h, ProjectRow project) {
        ProjectStore projects = h.attach(ProjectStore.class);
        List<String> ancestors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String parent = project.parentId();
        while (parent != null && !parent.equals(project.domainId()) && seen.add(parent)) {
            var row = projects.find(parent);
            if (row.isEmpty() || row.get().isDomain()) {
                break;
            }
            ancestors.add(parent);
            parent = row.get().parentId();
        }
        return new EffectiveRoles.OnProject(project.id(), ancestors, project.domainId());
    }
}
