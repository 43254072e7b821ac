package dev.overcast.orchestration.convergence;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sync points of traversals: one per graph node and one for the stack, each holding the
 * inputs its predecessors sent so far. {@link JdbiSyncPointStore} is the shared one;
 * {@link InMemorySyncPointStore} serves a single process and tests.
 */
public interface SyncPointStore {

    /** Creates the empty sync points of a traversal: one per node of {@code graph}, one for the stack. */
    void create(String stackId, String traversalId, ConvergenceGraph graph);

    /**
     * Records {@code input} at {@code target}'s sync point, atomically: of several concurrent
     * recordings, exactly the one that completes the set gets {@link Satisfaction.Completed}.
     *
     * @param predecessors the nodes the sync point waits for (from the graph)
     * @return {@link Satisfaction.Gone} when the traversal's sync points no longer exist
     * @throws IllegalArgumentException when {@code input} is not from a predecessor
     */
    Satisfaction satisfy(String stackId, String traversalId, SyncTarget target, Set<NodeKey> predecessors,
                         NodeInput input);

    /** @return the inputs recorded at {@code target} so far; empty when there is no such sync point */
    Optional<List<NodeInput>> inputs(String stackId, String traversalId, SyncTarget target);

    /** Removes a traversal's sync points (it completed, failed or was superseded). @return how many */
    int deleteTraversal(String stackId, String traversalId);
}
