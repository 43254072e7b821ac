package dev.overcast.orchestration.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.overcast.testkit.MutableClock;

/**
 * The decider and the stores together, the way the worker will combine them: a superseded
 * traversal drains away, a failure stops a traversal, on H2 or PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraversalLifecycleTest {
    private ConvergenceDatabase database;
    private TraversalStore traversals;
    private SyncPointStore syncPoints;

    @BeforeAll
    void open() {
        database = new ConvergenceDatabase();
        MutableClock clock = MutableClock.startingNow();
        traversals = new JdbiTraversalStore(database.jdbi(), clock);
        syncPoints = new JdbiSyncPointStore(database.jdbi(), clock);
    }

    @AfterAll
    void close() {
        database.close();
    }

    /** A chain a → b → c. */
    private static ConvergenceGraph chain() {
        Map<NodeKey, Set<NodeKey>> edges = new LinkedHashMap<>();
        edges.put(NodeKey.update("a"), Set.of());
        edges.put(NodeKey.update("b"), Set.of(NodeKey.update("a")));
        edges.put(NodeKey.update("c"), Set.of(NodeKey.update("b")));
        return ConvergenceGraph.of(edges);
    }

    /** A single-threaded applier: work items tagged with their traversal, steps that may fail. */
    private final class Engine {
        record Item(String traversal, ConvergenceGraph graph, Decision decision) {
        }

        final String stack;
        final Deque<Item> queue = new ArrayDeque<>();
        final List<String> log = new ArrayList<>();
        String failing;

        Engine(String stack) {
            this.stack = stack;
        }

        void begin(String expected, String traversal, ConvergenceGraph graph) {
            assertThat(traversals.begin(stack, expected, traversal)).isTrue();
            syncPoints.create(stack, traversal, graph);
            Decider.start(graph, TraversalAction.UPDATE).forEach(d -> queue.add(new Item(traversal, graph, d)));
        }

        /** Runs queued work; stops after {@code steps} items (all when negative). */
        void run(int steps) {
            for (int i = 0; (steps < 0 || i < steps) && !queue.isEmpty(); i++) {
                Item item = queue.poll();
                String current = traversals.current(stack).orElseThrow();
                if (item.decision() instanceof Decision.CheckNode
                        && Decider.admit(current, item.traversal()).isPresent()) {
                    log.add("dropped " + item.traversal());
                    continue;
                }
                for (Decision next : apply(item)) {
                    queue.add(new Item(item.traversal(), item.graph(), next));
                }
            }
        }

        private List<Decision> apply(Item item) {
            return switch (item.decision()) {
                case Decision.CheckNode check -> {
                    if (check.node().resource().equals(failing)) {
                        yield List.of(Decider.afterFailure(check.node(), "Resource UPDATE failed: boom",
                                TraversalAction.UPDATE, false));
                    }
                    log.add(item.traversal() + " " + check.node());
                    yield Decider.afterSuccess(item.graph(), check.node(), new NodeData(check.node().resource(),
                            check.node().resource(), "ref", Map.of(), "UPDATE", "COMPLETE"));
                }
                case Decision.Notify notify -> Decider.onSatisfied(notify.target(), syncPoints.satisfy(stack,
                        item.traversal(), notify.target(), notify.predecessors(), notify.input()),
                        TraversalAction.UPDATE);
                case Decision.CompleteStack complete -> {
                    if (traversals.end(stack, item.traversal())) {
                        syncPoints.deleteTraversal(stack, item.traversal());
                        log.add(item.traversal() + " COMPLETE");
                    }
                    yield List.of();
                }
                case Decision.FailStack fail -> {
                    if (traversals.end(stack, item.traversal())) {
                        syncPoints.deleteTraversal(stack, item.traversal());
                        log.add(item.traversal() + " FAILED: " + fail.reason());
                    }
                    yield List.of();
                }
                case Decision.RollBack rollBack -> throw new AssertionError("rollback is disabled here");
                case Decision.Drop drop -> {
                    log.add("dropped " + item.traversal() + ": " + drop.why());
                    yield List.of();
                }
            };
        }
    }

    @Test
    void aTraversalRunsItsNodesInOrderAndCompletesOnce() {
        Engine engine = new Engine("plain");
        engine.begin(Traversals.NONE, "t1", chain());

        engine.run(-1);

        assertThat(engine.log).containsExactly("t1 update:a", "t1 update:b", "t1 update:c", "t1 COMPLETE");
        assertThat(traversals.current("plain")).contains(Traversals.NONE);
        assertThat(syncPoints.inputs("plain", "t1", SyncTarget.stack())).isEmpty();
    }

    @Test
    void aNewTraversalSupersedesARunningOneWhoseRemainingWorkIsDropped() {
        Engine engine = new Engine("superseded");
        engine.begin(Traversals.NONE, "t1", chain());
        engine.run(2); // a is checked, its output recorded at b's sync point, b's check queued

        engine.begin("t1", "t2", chain());
        syncPoints.deleteTraversal("superseded", "t1");
        engine.run(-1);

        assertThat(engine.log).containsExactly("t1 update:a", "dropped t1", "t2 update:a", "t2 update:b",
                "t2 update:c", "t2 COMPLETE");
    }

    @Test
    void aFailedNodeFailsTheStackOnceAndWorkStillInFlightFindsItsSyncPointsGone() {
        Map<NodeKey, Set<NodeKey>> edges = new LinkedHashMap<>();
        edges.put(NodeKey.update("x"), Set.of());
        edges.put(NodeKey.update("a"), Set.of());
        edges.put(NodeKey.update("join"), Set.of(NodeKey.update("a"), NodeKey.update("x")));
        Engine engine = new Engine("failing");
        engine.failing = "x";
        engine.begin(Traversals.NONE, "t1", ConvergenceGraph.of(edges));

        engine.run(-1); // x fails; a's output reaches join's sync point only after the failure

        assertThat(engine.log).containsExactly("t1 update:a", "t1 FAILED: Resource UPDATE failed: boom",
                "dropped t1: the traversal's sync points are gone");
        assertThat(traversals.current("failing")).contains(Traversals.NONE);
    }
}
