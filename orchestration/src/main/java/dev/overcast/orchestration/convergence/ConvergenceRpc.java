package dev.overcast.orchestration.convergence;

import java.util.List;
import java.util.Objects;

import dev.overcast.core.bus.Dispatcher;
import dev.overcast.core.bus.Handler;
import dev.overcast.core.bus.Method;
import dev.overcast.core.bus.Target;

/**
 * The convergence workers' API on the bus, topic {@code engine_worker} (Heat's worker topic):
 * any worker may take any item. Version 1.0:
 * <ul>
 * <li>{@code check_resource} (cast): run one node of a traversal, the UPDATE or CLEANUP step of
 *     one resource, with the inputs its predecessors handed over. A worker drops an item whose
 *     traversal is no longer the stack's current one.</li>
 * </ul>
 * Work items are casts: a worker that dies with one leaves the resource locked by a dead engine,
 * and the next traversal (or the engine's own restart) takes it over; see {@link ResourceLocks}.
 */
public final class ConvergenceRpc {
    private ConvergenceRpc() {
    }

    public static final String TOPIC = "engine_worker";
    public static final String VERSION = "1.0";

    /** {@code check_resource} 1.0. */
    public static final Method CHECK_RESOURCE = Method.of("check_resource", "1.0");

    /** Any worker. */
    public static Target workers() {
        return Target.of(TOPIC);
    }

    /**
     * One work item: check one node of a traversal.
     *
     * @param stackId     the stack
     * @param traversalId the traversal the item belongs to
     * @param resourceKey the resource key of the node (see {@link NodeKey#resource()})
     * @param isUpdate    the UPDATE step (true) or the CLEANUP step (false)
     * @param inputData   what the node's predecessors handed over
     */
    public record CheckResource(String stackId, String traversalId, String resourceKey, boolean isUpdate,
                                List<NodeInput> inputData) {
        public CheckResource {
            requireText(stackId, "stackId");
            requireText(traversalId, "traversalId");
            requireText(resourceKey, "resourceKey");
            inputData = List.copyOf(inputData == null ? List.of() : inputData);
        }

        /** The item that checks {@code decision}'s node for {@code traversalId} of {@code stackId}. */
        public static CheckResource of(String stackId, String traversalId, Decision.CheckNode decision) {
            return new CheckResource(stackId, traversalId, decision.node().resource(), decision.node().update(),
                    decision.inputs());
        }

        /** @return the graph node this item checks */
        public NodeKey node() {
            return new NodeKey(resourceKey, isUpdate);
        }

        private static void requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException("check_resource needs a " + name);
            }
        }
    }

    /** What a worker answers (nothing: items are casts). */
    public record NoReply() {
    }

    /** A worker's dispatcher: {@code check_resource} up to {@link #VERSION}, handled by {@code handler}. */
    public static Dispatcher dispatcher(Handler<CheckResource, NoReply> handler) {
        return Dispatcher.builder(VERSION)
                .on(CHECK_RESOURCE.name(), CheckResource.class, handler)
                .build();
    }
}
