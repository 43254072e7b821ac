package dev.overcast.orchestration.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.node.IntNode;

class DeciderTest {

    private static final NodeKey A = NodeKey.update("a");
    private static final NodeKey B = NodeKey.update("b");
    private static final NodeKey OLD = NodeKey.cleanup("old");

    /** b requires a; the old row is cleaned after b. */
    private static ConvergenceGraph graph() {
        Map<NodeKey, Set<NodeKey>> edges = new LinkedHashMap<>();
        edges.put(A, Set.of());
        edges.put(B, Set.of(A));
        edges.put(OLD, Set.of(B));
        return ConvergenceGraph.of(edges);
    }

    private static NodeData data(String id) {
        return new NodeData(id, id, "ref-" + id, Map.of("value", IntNode.valueOf(3)), "CREATE", "COMPLETE");
    }

    @Test
    void aTraversalStartsByCheckingTheNodesThatNeedNothing() {
        assertThat(Decider.start(graph(), TraversalAction.CREATE))
                .containsExactly(new Decision.CheckNode(A, List.of()));
    }

    @Test
    void aTraversalOfAnEmptyGraphCompletesAtOnce() {
        assertThat(Decider.start(ConvergenceGraph.forDelete(List.of()), TraversalAction.DELETE))
                .containsExactly(new Decision.CompleteStack(TraversalAction.DELETE));
    }

    @Test
    void aFinishedNodeHandsItsOutputToTheUpdateNodesWaitingForIt() {
        assertThat(Decider.afterSuccess(graph(), A, data("a")))
                .containsExactly(new Decision.Notify(SyncTarget.of(B), Set.of(A), new NodeInput(A, data("a"))));
    }

    @Test
    void aFinishedNodeTellsACleanupNodeToGoWithoutData() {
        assertThat(Decider.afterSuccess(graph(), B, data("b")))
                .containsExactly(new Decision.Notify(SyncTarget.of(OLD), Set.of(B), new NodeInput(B, null)));
    }

    @Test
    void aFinalNodeReportsToTheStacksSyncPointWithoutData() {
        assertThat(Decider.afterSuccess(graph(), OLD, data("old")))
                .containsExactly(new Decision.Notify(SyncTarget.stack(), Set.of(OLD), new NodeInput(OLD, null)));
    }

    @Test
    void aNodeOutsideTheGraphIsRefused() {
        assertThatThrownBy(() -> Decider.afterSuccess(graph(), NodeKey.update("zz"), data("zz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update:zz is not in this traversal");
    }

    @Test
    void onlyACompletedSyncPointGoesOn() {
        List<NodeInput> inputs = List.of(new NodeInput(A, data("a")));
        assertThat(Decider.onSatisfied(SyncTarget.of(B), new Satisfaction.Completed(inputs), TraversalAction.CREATE))
                .containsExactly(new Decision.CheckNode(B, inputs));
        assertThat(Decider.onSatisfied(SyncTarget.stack(), new Satisfaction.Completed(inputs), TraversalAction.CREATE))
                .containsExactly(new Decision.CompleteStack(TraversalAction.CREATE));
        assertThat(Decider.onSatisfied(SyncTarget.of(B), new Satisfaction.Waiting(Set.of(A)), TraversalAction.CREATE))
                .isEmpty();
        assertThat(Decider.onSatisfied(SyncTarget.of(B), new Satisfaction.Duplicate(), TraversalAction.CREATE))
                .isEmpty();
        assertThat(Decider.onSatisfied(SyncTarget.of(B), new Satisfaction.Gone(), TraversalAction.CREATE))
                .singleElement().isInstanceOf(Decision.Drop.class);
    }

    @ParameterizedTest(name = "{0} with rollback {1}: {2}")
    @CsvSource({
            "CREATE, true, RollBack", "CREATE, false, FailStack",
            "UPDATE, true, RollBack", "UPDATE, false, FailStack",
            "RESTORE, true, RollBack", "ADOPT, true, RollBack",
            "DELETE, true, FailStack", "DELETE, false, FailStack",
            "ROLLBACK, true, FailStack", "ROLLBACK, false, FailStack"})
    void aFailedNodeStopsTheTraversalAndRollsBackOnlyWhenHeatWould(TraversalAction action, boolean rollback,
                                                                   String expected) {
        Decision decision = Decider.afterFailure(A, "Resource CREATE failed: boom", action, rollback);

        assertThat(decision.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(decision).isIn(new Decision.RollBack(action, "Resource CREATE failed: boom"),
                new Decision.FailStack(action, "Resource CREATE failed: boom"));
    }

    @Test
    void aFailureWithoutAReasonNamesTheResource() {
        assertThat(Decider.afterFailure(A, null, TraversalAction.CREATE, false))
                .isEqualTo(new Decision.FailStack(TraversalAction.CREATE, "Resource a failed"));
    }

    @Test
    void workOfASupersededOrFinishedTraversalIsDropped() {
        assertThat(Decider.admit("t2", "t2")).isEmpty();
        assertThat(Decider.admit("t2", "t1")).contains(new Decision.Drop("traversal t1 was superseded by t2"));
        assertThat(Decider.admit(Traversals.NONE, "t1")).contains(new Decision.Drop("traversal t1 was superseded by none"));
    }

    @Test
    void aWorkerGoesOnWithALockItHoldsAndLeavesOneALiveEngineHolds() {
        assertThat(Decider.onLock(new LockOutcome.Acquired("r", "e1", "t1"))).isEmpty();
        assertThat(Decider.onLock(new LockOutcome.TakenOver("r", "e1", "t1", "e0", "t0"))).isEmpty();
        assertThat(Decider.onLock(new LockOutcome.Busy("r", "e0", "t0")))
                .contains(new Decision.Drop("resource r is locked by engine e0 for traversal t0"));
    }

    @Test
    void aResourceFinishedBySupersededWorkIsReCheckedWhenTheNewTraversalAlreadyReachedIt() {
        List<NodeInput> fromA = List.of(new NodeInput(A, data("a")));

        assertThat(Decider.retrigger(graph(), "b", node -> fromA)).contains(new Decision.CheckNode(B, fromA));
        assertThat(Decider.retrigger(graph(), "a", node -> List.of())).contains(new Decision.CheckNode(A, List.of()));
        assertThat(Decider.retrigger(graph(), "old", node -> List.of(new NodeInput(B, null))))
                .contains(new Decision.CheckNode(OLD, List.of(new NodeInput(B, null))));
    }

    @Test
    void aResourceTheNewTraversalHasNotReachedOrDoesNotHaveIsNotReChecked() {
        assertThat(Decider.retrigger(graph(), "b", node -> List.of())).isEmpty();
        assertThat(Decider.retrigger(graph(), "elsewhere", node -> List.of())).isEmpty();
    }

    @Test
    void aReplacementMadeDuringTheTraversalReportsAsTheRowItReplaces() {
        assertThat(Decider.nodeFor(graph(), "b", true, null)).contains(B);
        assertThat(Decider.nodeFor(graph(), "b2", true, "b")).contains(B);
        assertThat(Decider.nodeFor(graph(), "b2", false, "b")).isEmpty();
        assertThat(Decider.nodeFor(graph(), "stray", true, null)).isEmpty();
    }

    @Test
    void aResourceRequiresTheRealRowsItsUpdatePredecessorsHandedOver() {
        List<NodeInput> inputs = List.of(new NodeInput(A, data("a-replacement")), new NodeInput(OLD, null),
                new NodeInput(NodeKey.update("c"), data("c")));

        assertThat(Decider.requiresFrom(inputs)).containsExactly("a-replacement", "c");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRandomDagInRandomOrderChecksEveryNodeOnceAfterItsRequirementsAndCompletesOnce(long seed) {
        Random random = new Random(seed);
        ConvergenceGraph graph = RandomStacks.randomDag(random, 1 + random.nextInt(40));
        TraversalRun run = new TraversalRun(graph, new InMemorySyncPointStore(), "stack", "t" + seed);

        run.runShuffled(random);

        assertThat(run.violations).isEmpty();
        assertThat(run.checks.keySet()).isEqualTo(graph.nodes());
        assertThat(run.checks.values()).allMatch(count -> count.get() == 1);
        assertThat(run.stackCompletions.get()).isOne();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRandomStackUpdateInRandomOrderChecksEveryNodeOnceAndCompletesOnce(long seed) {
        Random random = new Random(seed);
        ConvergenceGraph graph = RandomStacks.randomUpdate(random).graph();
        TraversalRun run = new TraversalRun(graph, new InMemorySyncPointStore(), "stack", "t" + seed);

        run.runShuffled(random);

        assertThat(run.violations).isEmpty();
        assertThat(run.checks.keySet()).isEqualTo(graph.nodes());
        assertThat(run.stackCompletions.get()).isOne();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("concurrentSeeds")
    void aRandomDagRunOnEightThreadsChecksEveryNodeOnceAndCompletesOnce(long seed) throws InterruptedException {
        Random random = new Random(seed);
        ConvergenceGraph graph = RandomStacks.randomDag(random, 50 + random.nextInt(150));
        TraversalRun run = new TraversalRun(graph, new InMemorySyncPointStore(), "stack", "t" + seed);

        run.runConcurrently(8);

        assertThat(run.violations).isEmpty();
        assertThat(run.checks.keySet()).isEqualTo(graph.nodes());
        assertThat(run.checks.values()).allMatch(count -> count.get() == 1);
        assertThat(run.stackCompletions.get()).isOne();
    }

    static LongStream concurrentSeeds() {
        return LongStream.range(1000, 1020);
    }
}
