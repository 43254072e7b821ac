package dev.overcast.orchestration.convergence;

import java.util.List;
import java.util.Set;

/**
 * What recording one input at a sync point did. Exactly one of the predecessors' deliveries
 * gets {@link Completed}: the one that filled the set. A repeated delivery (the bus delivers at
 * least once) gets {@link Duplicate} and must not fire anything.
 */
public sealed interface Satisfaction {

    /** The input filled the set: the caller, and only it, fires the successor with these inputs. */
    record Completed(List<NodeInput> inputs) implements Satisfaction {
        public Completed {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * The input was recorded; these predecessors have not reported yet (the stack's sync point
     * in {@link JdbiSyncPointStore} does not list them).
     */
    record Waiting(Set<NodeKey> missing) implements Satisfaction {
        public Waiting {
            missing = Set.copyOf(missing);
        }
    }

    /** This predecessor had already reported; nothing changed. */
    record Duplicate() implements Satisfaction {
    }

    /**
     * There is no such sync point: the traversal was superseded or finished and its sync points
     * removed. The caller drops the work.
     */
    record Gone() implements Satisfaction {
    }
}
