package dev.overcast.orchestration.convergence;

import java.util.Objects;
import java.util.UUID;

/**
 * Traversal ids. Each stack operation runs as a traversal with a fresh id recorded as the stack's
 * current traversal; every work item carries the id it was made for, and a worker drops an item
 * whose id is no longer current. So a new update supersedes a running one simply by replacing the
 * id: the old traversal's work drains away without a coordinator.
 */
public final class Traversals {
    /** The current-traversal value of a stack with no traversal running. */
    public static final String NONE = "";

    private Traversals() {
    }

    /** A fresh traversal id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether work of {@code itemTraversal} may run while the stack's current one is {@code current}. */
    public static boolean isCurrent(String current, String itemTraversal) {
        Objects.requireNonNull(itemTraversal, "itemTraversal");
        return current != null && !current.isEmpty() && current.equals(itemTraversal);
    }
}
