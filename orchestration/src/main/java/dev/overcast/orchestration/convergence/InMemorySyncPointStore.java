package dev.overcast.orchestration.convergence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SyncPointStore} in this process's memory, for a single engine without a shared database
 * and for tests. Each call holds the store's lock, so recordings are as atomic as the database's.
 */
public final class InMemorySyncPointStore implements SyncPointStore {

    private record Key(String stackId, String traversalId, SyncTarget target) {
    }

    private final Map<Key, List<NodeInput>> points = new HashMap<>();

    @Override
    public synchronized void create(String stackId, String traversalId, ConvergenceGraph graph) {
        for (NodeKey node : graph.nodes()) {
            points.put(new Key(stackId, traversalId, SyncTarget.of(node)), List.of());
        }
        points.put(new Key(stackId, traversalId, SyncTarget.stack()), List.of());
    }

    @Override
    public synchronized Satisfaction satisfy(String stackId, String traversalId, SyncTarget target,
                                             Set<NodeKey> predecessors, NodeInput input) {
        Key key = new Key(stackId, traversalId, target);
        List<NodeInput> recorded = points.get(key);
        if (recorded == null) {
            return new Satisfaction.Gone();
        }
        SyncPoints.Step step = SyncPoints.record(recorded, input, predecessors);
        points.put(key, step.inputs());
        return step.outcome();
    }

    @Override
    public synchronized Optional<List<NodeInput>> inputs(String stackId, String traversalId, SyncTarget target) {
        return Optional.ofNullable(points.get(new Key(stackId, traversalId, target))).map(ArrayList::new);
    }

    @Override
    public synchronized int deleteTraversal(String stackId, String traversalId) {
        int before = points.size();
        points.keySet().removeIf(key -> key.stackId().equals(stackId) && key.traversalId().equals(traversalId));
        return before - points.size();
    }
}
