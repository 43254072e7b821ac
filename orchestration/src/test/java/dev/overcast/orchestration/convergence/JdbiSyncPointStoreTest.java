package dev.overcast.orchestration.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.overcast.orchestration.template.DependencyGraph;
import dev.overcast.testkit.MutableClock;
import tools.jackson.databind.node.StringNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiSyncPointStoreTest {
    private static final int RACERS = 16;

    private ConvergenceDatabase database;
    private JdbiSyncPointStore store;

    @BeforeAll
    void open() {
        database = new ConvergenceDatabase();
        store = new JdbiSyncPointStore(database.jdbi(), MutableClock.startingNow());
    }

    @AfterAll
    void close() {
        database.close();
    }

    private static NodeKey u(String id) {
        return NodeKey.update(id);
    }

    private static NodeData data(String id) {
        return new NodeData(id, "name-" + id, "ref-" + id, Map.of("first_address", StringNode.valueOf("10.0.0.1")),
                "CREATE", "COMPLETE");
    }

    /** {@code fanIn} nodes that one node "join" requires. */
    private static ConvergenceGraph fanIn(int width) {
        Map<NodeKey, Set<NodeKey>> edges = new LinkedHashMap<>();
        Set<NodeKey> all = new LinkedHashSet<>();
        for (int i = 0; i < width; i++) {
            edges.put(u("p" + i), Set.of());
            all.add(u("p" + i));
        }
        edges.put(u("join"), all);
        return ConvergenceGraph.of(edges);
    }

    @Test
    void theLastInputCompletesTheSyncPointAndHandsOverEveryInput() {
        ConvergenceGraph graph = fanIn(2);
        store.create("s1", "t1", graph);
        SyncTarget join = SyncTarget.of(u("join"));
        Set<NodeKey> predecessors = graph.requires(u("join"));

        Satisfaction first = store.satisfy("s1", "t1", join, predecessors, new NodeInput(u("p0"), data("p0")));
        Satisfaction second = store.satisfy("s1", "t1", join, predecessors, new NodeInput(u("p1"), data("p1")));

        assertThat(first).isEqualTo(new Satisfaction.Waiting(Set.of(u("p1"))));
        assertThat(second).isEqualTo(new Satisfaction.Completed(
                List.of(new NodeInput(u("p0"), data("p0")), new NodeInput(u("p1"), data("p1")))));
        assertThat(store.inputs("s1", "t1", join)).contains(((Satisfaction.Completed) second).inputs());
    }

    @Test
    void aRepeatedInputChangesNothingAndFiresNothing() {
        ConvergenceGraph graph = fanIn(1);
        store.create("s2", "t1", graph);
        SyncTarget join = SyncTarget.of(u("join"));

        Satisfaction first = store.satisfy("s2", "t1", join, Set.of(u("p0")), new NodeInput(u("p0"), data("p0")));
        Satisfaction again = store.satisfy("s2", "t1", join, Set.of(u("p0")), new NodeInput(u("p0"), data("p0")));

        assertThat(first).isInstanceOf(Satisfaction.Completed.class);
        assertThat(again).isEqualTo(new Satisfaction.Duplicate());
    }

    @Test
    void inputsWithoutDataAndTheStacksSyncPointAreStoredToo() {
        ConvergenceGraph graph = ConvergenceGraph.of(Map.of(NodeKey.cleanup("x"), Set.of()));
        store.create("s3", "t1", graph);

        Satisfaction done = store.satisfy("s3", "t1", SyncTarget.stack(), graph.finalNodes(),
                new NodeInput(NodeKey.cleanup("x"), null));

        assertThat(done).isEqualTo(new Satisfaction.Completed(List.of(new NodeInput(NodeKey.cleanup("x"), null))));
    }

    @Test
    void anInputFromANodeThatIsNotAPredecessorIsRefused() {
        store.create("s4", "t1", fanIn(1));

        assertThatThrownBy(() -> store.satisfy("s4", "t1", SyncTarget.of(u("join")), Set.of(u("p0")),
                new NodeInput(u("elsewhere"), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("update:elsewhere is not a predecessor");
    }

    @Test
    void deletingATraversalsSyncPointsLeavesOtherTraversalsAndMakesLateInputsGone() {
        ConvergenceGraph graph = fanIn(2);
        store.create("s5", "old", graph);
        store.create("s5", "new", graph);

        int deleted = store.deleteTraversal("s5", "old");

        assertThat(deleted).isEqualTo(4);
        assertThat(store.satisfy("s5", "old", SyncTarget.of(u("join")), graph.requires(u("join")),
                new NodeInput(u("p0"), data("p0")))).isEqualTo(new Satisfaction.Gone());
        assertThat(store.inputs("s5", "new", SyncTarget.stack())).contains(List.of());
    }

    @Test
    void sixteenRacingPredecessorsCompleteTheSyncPointExactlyOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            ConvergenceGraph graph = fanIn(RACERS);
            String traversal = "race-" + round;
            store.create("s6", traversal, graph);
            Set<NodeKey> predecessors = graph.requires(u("join"));
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Satisfaction>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                NodeKey from = u("p" + i);
                racers.add(() -> {
                    go.await();
                    return store.satisfy("s6", traversal, SyncTarget.of(u("join")), predecessors,
                            new NodeInput(from, data(from.resource())));
                });
            }
            List<Satisfaction> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(RACERS)) {
                List<Future<Satisfaction>> futures = racers.stream().map(pool::submit).toList();
                go.countDown();
                for (Future<Satisfaction> future : futures) {
                    outcomes.add(future.get());
                }
            }

            List<Satisfaction> completed = outcomes.stream().filter(o -> o instanceof Satisfaction.Completed).toList();
            assertThat(completed).hasSize(1);
            assertThat(((Satisfaction.Completed) completed.getFirst()).inputs()).hasSize(RACERS);
            assertThat(outcomes).filteredOn(o -> o instanceof Satisfaction.Waiting).hasSize(RACERS - 1);
        }
    }

    @Test
    void aRandomTraversalOnEightWorkersChecksEveryNodeOnceAndCompletesOnce() throws Exception {
        for (long seed = 0; seed < 3; seed++) {
            Random random = new Random(seed);
            ConvergenceGraph graph = RandomStacks.randomDag(random, 60);
            TraversalRun run = new TraversalRun(graph, store, "s7", "walk-" + seed);

            run.runConcurrently(8);

            assertThat(run.violations).isEmpty();
            assertThat(run.checks.keySet()).isEqualTo(graph.nodes());
            assertThat(run.checks.values()).allMatch(count -> count.get() == 1);
            assertThat(run.stackCompletions.get()).isOne();
        }
    }

    @Test
    void aThousandResourceFanOutAndChainCompleteOnceOnEightWorkers() throws Exception {
        Map<String, Set<String>> fanOut = new LinkedHashMap<>();
        Map<String, Set<String>> chain = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        fanOut.put("root", Set.of());
        ids.put("root", "root");
        for (int i = 0; i < 1000; i++) {
            fanOut.put("r" + i, Set.of("root"));
            chain.put("r" + i, i == 0 ? Set.of() : Set.of("r" + (i - 1)));
            ids.put("r" + i, "r" + i);
        }
        for (Map<String, Set<String>> shape : List.of(fanOut, chain)) {
            ConvergenceGraph graph = ConvergenceGraph.forCreate(DependencyGraph.of(shape), ids);
            TraversalRun run = new TraversalRun(graph, store, "s8", "big-" + shape.size());

            run.runConcurrently(8);

            assertThat(run.violations).isEmpty();
            assertThat(run.checks).hasSize(shape.size());
            assertThat(run.stackCompletions.get()).isOne();
        }
    }
}
