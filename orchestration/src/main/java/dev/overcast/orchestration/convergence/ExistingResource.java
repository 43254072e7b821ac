package dev.overcast.orchestration.convergence;

import java.util.Objects;
import java.util.Set;

/**
 * A resource row of the stack as it is before a traversal starts: what the graph builder needs
 * to order its CLEANUP step.
 *
 * @param id       the row's id (the key of its nodes)
 * @param name     the resource's name in the template that made it
 * @param requires the ids of the rows this one needed when it was last created or updated
 *                 (ids that no longer exist are ignored)
 * @param replaces the id of the older row this one replaces, or null
 */
public record ExistingResource(String id, String name, Set<String> requires, String replaces) {

    public ExistingResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        requires = Set.copyOf(requires == null ? Set.of() : requires);
    }
}
