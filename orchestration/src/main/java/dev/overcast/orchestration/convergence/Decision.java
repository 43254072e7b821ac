package dev.overcast.orchestration.convergence;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What the {@link Decider} tells the applier to do next; consumed by one exhaustive switch. */
public sealed interface Decision {

    /**
     * Check (run the step of) {@code node} with the inputs its predecessors handed over: put a
     * {@link ConvergenceRpc.CheckResource} on the bus.
     */
    record CheckNode(NodeKey node, List<NodeInput> inputs) implements Decision {
        public CheckNode {
            Objects.requireNonNull(node, "node");
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * Record {@code input} at {@code target}'s sync point, which waits for {@code predecessors};
     * whichever recording {@link Satisfaction.Completed completes} it goes on with
     * {@link Decider#onSatisfied}.
     */
    record Notify(SyncTarget target, Set<NodeKey> predecessors, NodeInput input) implements Decision {
        public Notify {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(input, "input");
            predecessors = Set.copyOf(predecessors);
        }
    }

    /** Every final node is done: mark the stack {@code action}_COMPLETE and drop the traversal's sync points. */
    record CompleteStack(TraversalAction action) implements Decision {
    }

    /**
     * A node failed and the stack does not roll back: mark it {@code action}_FAILED with the
     * reason and drop the traversal's sync points, which stops the nodes still in flight.
     */
    record FailStack(TraversalAction action, String reason) implements Decision {
    }

    /**
     * A node failed and the stack rolls back: mark it {@code action}_FAILED, then start a
     * ROLLBACK traversal (to the previous template; to an empty one after a failed create), whose
     * new traversal id supersedes this one.
     */
    record RollBack(TraversalAction failedAction, String reason) implements Decision {
    }

    /** The work item belongs to a traversal that is no longer the stack's current one: drop it. */
    record Drop(String why) implements Decision {
    }
}
