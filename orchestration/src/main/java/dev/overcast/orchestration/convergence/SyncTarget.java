package dev.overcast.orchestration.convergence;

import java.util.Objects;

/**
 * Whose sync point an input goes to: a node of the graph, or the stack itself (whose sync point
 * collects the graph's final nodes and completes the traversal).
 */
public sealed interface SyncTarget permits SyncTarget.Node, SyncTarget.Stack {

    /** The sync point in front of {@code node}. */
    record Node(NodeKey node) implements SyncTarget {
        public Node {
            Objects.requireNonNull(node, "node");
        }
    }

    /** The stack's own sync point. */
    record Stack() implements SyncTarget {
    }

    static SyncTarget of(NodeKey node) {
        return new Node(node);
    }

    static SyncTarget stack() {
        return new Stack();
    }
}
