package dev.overcast.identity.role;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which roles an actor holds on a scope, from a snapshot: the assignments of the
 * user and the user's groups, the scope's project ancestry and the inference rules. Pure,
 * so it is tested without a database.
 *
 * <p>Keystone's rules: a project gets the direct project assignments, the inherited ones of
 * its ancestor projects and the inherited ones of its domain; a domain gets its direct
 * domain assignments; the system its system assignments. Implied roles are then added,
 * transitively.
 */
public final class EffectiveRoles {
    private EffectiveRoles() {
    }

    /** What is being scoped to. */
    public sealed interface Scope permits OnProject, OnDomain, OnSystem {
    }

    /** A project, with its ancestor projects (nearest first, not including the domain) and its domain. */
    public record OnProject(String projectId, List<String> ancestorProjectIds, String domainId) implements Scope {
    }

    public record OnDomain(String domainId) implements Scope {
    }

    public record OnSystem() implements Scope {
    }

    /** Role ids directly or by inheritance granted to any of {@code actorIds} on the scope. */
    public static Set<String> granted(Collection<AssignmentRow> assignments, Set<String> actorIds, Scope scope) {
        Set<String> roles = new LinkedHashSet<>();
        for (AssignmentRow a : assignments) {
            if (actorIds.contains(a.actorId()) && applies(a, scope)) {
                roles.add(a.roleId());
            }
        }
        return roles;
    }

    static boolean applies(AssignmentRow a, Scope scope) {
        return switch (scope) {
            case OnProject p -> a.onProject() && (!a.inherited() && a.targetId().equals(p.projectId())
                    || a.inherited() && p.ancestorProjectIds().contains(a.targetId()))
                    || a.onDomain() && a.inherited() && a.targetId().equals(p.domainId());
            case OnDomain d -> a.onDomain() && !a.inherited() && a.targetId().equals(d.domainId());
            case OnSystem s -> a.onSystem();
        };
    }

    /** {@code roles} plus every role they imply, transitively (cycles are harmless). */
    public static Set<String> withImplied(Set<String> roles, Map<String, List<String>> implies) {
        Set<String> out = new LinkedHashSet<>(roles);
        Deque<String> todo = new ArrayDeque<>(roles);
        while (!todo.isEmpty()) {
            for (String next : implies.getOrDefault(todo.pop(), List.of())) {
                if (out.add(next)) {
                    todo.push(next);
                }
            }
        }
        return out;
    }
}
