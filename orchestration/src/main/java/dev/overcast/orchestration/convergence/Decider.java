package dev.overcast.orchestration.convergence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The convergence engine's pure decisions, from a snapshot: what to do when a traversal starts,
 * when a node finished, when a sync point filled, when a node failed. It does no I/O; the
 * applier (the worker) records inputs at sync points, sends work items and updates the stack,
 * and comes back here with what it learnt.
 *
 * <p>The flow of one traversal: {@link #start} checks the graph's start nodes; each node that
 * succeeds gives {@link #afterSuccess} one {@link Decision.Notify} per dependant (and one for the
 * stack when nothing depends on it); the applier records each at its sync point, and the one
 * recording that completes a sync point gives {@link #onSatisfied} the inputs, which checks the
 * dependant (or completes the stack). Because only the completing recording goes on, every node
 * is checked once and the stack completes once, however the deliveries race.
 */
public final class Decider {
    private Decider() {
    }

    /**
     * The first decisions of a traversal: check every start node; an empty graph (a create of an
     * empty template, a delete of an empty stack) completes at once.
     */
    public static List<Decision> start(ConvergenceGraph graph, TraversalAction action) {
        if (graph.nodes().isEmpty()) {
            return List.of(new Decision.CompleteStack(action));
        }
        return graph.startNodes().stream().map(node -> (Decision) new Decision.CheckNode(node, List.of())).toList();
    }

    /**
     * What follows {@code done}'s success: one {@link Decision.Notify} per node that waits for it,
     * and one for the stack when it is a final node. UPDATE nodes receive the output; CLEANUP
     * nodes receive no data (only the fact that they may go), as in Heat; nor does the stack,
     * whose sync point can collect thousands of final nodes (a fan-out) and rewrites its inputs
     * on every recording; the stack's outputs are resolved from the resources.
     *
     * @throws IllegalArgumentException when {@code done} is not in the graph
     */
    public static List<Decision> afterSuccess(ConvergenceGraph graph, NodeKey done, NodeData output) {
        List<Decision> out = new ArrayList<>();
        for (NodeKey dependant : graph.requiredBy(done)) {
            NodeInput input = new NodeInput(done, dependant.update() ? output : null);
            out.add(new Decision.Notify(SyncTarget.of(dependant), graph.requires(dependant), input));
        }
        if (graph.requiredBy(done).isEmpty()) {
            out.add(new Decision.Notify(SyncTarget.stack(), graph.finalNodes(), new NodeInput(done, null)));
        }
        return List.copyOf(out);
    }

    /**
     * What follows a recording at a sync point: a completed node sync point checks its node; a
     * completed stack sync point completes the stack; anything else waits.
     *
     * @return the decision, or an empty list when there is nothing to do yet
     */
    public static List<Decision> onSatisfied(SyncTarget target, Satisfaction satisfaction, TraversalAction action) {
        return switch (satisfaction) {
            case Satisfaction.Completed completed -> switch (target) {
                case SyncTarget.Node node -> List.of(new Decision.CheckNode(node.node(), completed.inputs()));
                case SyncTarget.Stack stack -> List.of(new Decision.CompleteStack(action));
            };
            case Satisfaction.Waiting waiting -> List.of();
            case Satisfaction.Duplicate duplicate -> List.of();
            case Satisfaction.Gone gone -> List.of(new Decision.Drop("the traversal's sync points are gone"));
        };
    }

    /**
     * What follows a node's failure: the traversal stops; the stack rolls back when its action
     * rolls back in Heat (create, update, restore, adopt) and rollback is enabled, and fails
     * otherwise. A failed rollback or delete fails the stack.
     */
    public static Decision afterFailure(NodeKey failed, String reason, TraversalAction action, boolean rollbackEnabled) {
        String why = reason == null || reason.isBlank() ? "Resource " + failed.resource() + " failed" : reason;
        if (rollbackEnabled && action.rollsBack()) {
            return new Decision.RollBack(action, why);
        }
        return new Decision.FailStack(action, why);
    }

    /**
     * Whether a work item of {@code itemTraversal} may run while the stack's current traversal is
     * {@code currentTraversal}: a superseded (or finished) traversal's work is dropped.
     *
     * @return empty when the item may run, else the drop
     */
    public static Optional<Decision.Drop> admit(String currentTraversal, String itemTraversal) {
        if (Traversals.isCurrent(currentTraversal, itemTraversal)) {
            return Optional.empty();
        }
        return Optional.of(new Decision.Drop("traversal " + itemTraversal + " was superseded by "
                + (currentTraversal == null || currentTraversal.isEmpty() ? "none" : currentTraversal)));
    }

    /**
     * What a worker does with the outcome of taking a resource's lock: go on when it holds the
     * lock (taken over from a dead engine included); leave the resource when a live engine
     * holds it. That engine re-checks the resource for the current traversal when it finishes
     * (see {@link #retrigger}), so nothing is lost.
     *
     * @return empty to go on, else the drop
     */
    public static Optional<Decision.Drop> onLock(LockOutcome outcome) {
        return switch (outcome) {
            case LockOutcome.Acquired acquired -> Optional.empty();
            case LockOutcome.TakenOver takenOver -> Optional.empty();
            case LockOutcome.Busy busy -> Optional.of(new Decision.Drop("resource " + busy.resourceId()
                    + " is locked by engine " + busy.holderEngineId() + " for traversal " + busy.holderTraversalId()));
        };
    }

    /**
     * Which node of the current traversal to re-check after a step of a superseded traversal
     * finished on {@code resourceKey} (Heat's retrigger): the new traversal may have reached the
     * resource while it was locked and dropped its item. The resource's UPDATE node when the
     * current graph has one, else its CLEANUP node; and only when that node's sync point already
     * holds every input (otherwise the node was not reached yet and will be, normally).
     *
     * @param current  the current traversal's graph
     * @param recorded the inputs recorded at the candidate node's sync point, by node
     * @return the check to send, if any
     */
    public static Optional<Decision.CheckNode> retrigger(ConvergenceGraph current, String resourceKey,
                                                         Function<NodeKey, List<NodeInput>> recorded) {
        NodeKey update = NodeKey.update(resourceKey);
        NodeKey cleanup = NodeKey.cleanup(resourceKey);
        NodeKey node = current.contains(update) ? update : current.contains(cleanup) ? cleanup : null;
        if (node == null) {
            return Optional.empty();
        }
        List<NodeInput> inputs = current.requires(node).isEmpty() ? List.of() : recorded.apply(node);
        Set<NodeKey> from = new HashSet<>();
        inputs.forEach(input -> from.add(input.from()));
        if (!from.containsAll(current.requires(node))) {
            return Optional.empty();
        }
        return Optional.of(new Decision.CheckNode(node, inputs));
    }

    /**
     * The graph node a checked row reports as. A row in the graph reports as itself. A
     * replacement made during this traversal is not in the graph (the graph was built before the
     * UPDATE step decided to replace): it stands in for the row it replaces, as Heat's
     * replacements do, so that every worker works from the same graph; its real id travels in its
     * {@link NodeData}, and dependants record that id in their {@code requires}.
     *
     * @param resourceId the row that was checked
     * @param update     whether the UPDATE step was run
     * @param replaces   the row it replaces, or null
     * @return empty when neither is in the graph: the row is not part of this traversal
     */
    public static Optional<NodeKey> nodeFor(ConvergenceGraph graph, String resourceId, boolean update,
                                            String replaces) {
        NodeKey own = new NodeKey(resourceId, update);
        if (graph.contains(own)) {
            return Optional.of(own);
        }
        if (replaces != null && graph.contains(new NodeKey(replaces, update))) {
            return Optional.of(new NodeKey(replaces, update));
        }
        return Optional.empty();
    }

    /**
     * The ids of the rows a resource requires after its UPDATE step: the real ids its UPDATE
     * predecessors handed over (replacements included). Stored as the row's {@code requires},
     * they order its CLEANUP in the next traversal.
     */
    public static Set<String> requiresFrom(List<NodeInput> inputs) {
        Set<String> ids = new LinkedHashSet<>();
        for (NodeInput input : inputs) {
            if (input.from().update() && input.data() != null) {
                ids.add(input.data().resourceId());
            }
        }
        return ids;
    }
}
