package dev.overcast.orchestration.convergence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a whole traversal through the {@link Decider} and a {@link SyncPointStore}, the way
 * workers will: each finished node's notifications are recorded at sync points and only a
 * completing recording goes on. Records what a correct engine must guarantee, so the tests can
 * check it: which node was checked how often, whether its requirements had finished, how often
 * the stack completed.
 */
final class TraversalRun {
    private final ConvergenceGraph graph;
    private final SyncPointStore store;
    private final String stackId;
    private final String traversalId;

    final Map<NodeKey, AtomicInteger> checks = new ConcurrentHashMap<>();
    final Set<NodeKey> finished = ConcurrentHashMap.newKeySet();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger stackCompletions = new AtomicInteger();

    TraversalRun(ConvergenceGraph graph, SyncPointStore store, String stackId, String traversalId) {
        this.graph = graph;
        this.store = store;
        this.stackId = stackId;
        this.traversalId = traversalId;
        store.create(stackId, traversalId, graph);
    }

    /**
     * Runs the traversal in one thread, taking the next piece of work at random; each
     * notification is delivered twice with probability 1/4 (the bus delivers at least once).
     */
    void runShuffled(Random random) {
        List<Decision> work = new ArrayList<>(Decider.start(graph, TraversalAction.UPDATE));
        while (!work.isEmpty()) {
            Decision next = work.remove(random.nextInt(work.size()));
            if (next instanceof Decision.Notify notify && random.nextInt(4) == 0) {
                work.add(notify);
            }
            work.addAll(apply(next));
        }
    }

    /** Runs the traversal on {@code threads} threads, every piece of work a task of its own. */
    void runConcurrently(int threads) throws InterruptedException {
        AtomicInteger outstanding = new AtomicInteger();
        CountDownLatch quiet = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            class Submitter {
                void submit(Decision decision) {
                    outstanding.incrementAndGet();
                    pool.execute(() -> {
                        try {
                            apply(decision).forEach(this::submit);
                        } catch (RuntimeException e) {
                            violations.add("work failed: " + e);
                        } finally {
                            if (outstanding.decrementAndGet() == 0) {
                                quiet.countDown();
                            }
                        }
                    });
                }
            }
            Submitter submitter = new Submitter();
            List<Decision> first = Decider.start(graph, TraversalAction.UPDATE);
            outstanding.incrementAndGet(); // hold the count up while the first items go in
            first.forEach(submitter::submit);
            if (outstanding.decrementAndGet() == 0) {
                quiet.countDown();
            }
            if (!quiet.await(5, TimeUnit.MINUTES)) {
                violations.add("the traversal did not settle");
            }
        }
    }

    private List<Decision> apply(Decision decision) {
        return switch (decision) {
            case Decision.CheckNode check -> check(check);
            case Decision.Notify notify -> Decider.onSatisfied(notify.target(),
                    store.satisfy(stackId, traversalId, notify.target(), notify.predecessors(), notify.input()),
                    TraversalAction.UPDATE);
            case Decision.CompleteStack complete -> {
                stackCompletions.incrementAndGet();
                yield List.of();
            }
            case Decision.Drop drop -> {
                violations.add("dropped: " + drop.why());
                yield List.of();
            }
            case Decision.FailStack fail -> throw new AssertionError("no node fails here");
            case Decision.RollBack rollBack -> throw new AssertionError("no node fails here");
        };
    }

    private List<Decision> check(Decision.CheckNode check) {
        NodeKey node = check.node();
        if (checks.computeIfAbsent(node, key -> new AtomicInteger()).incrementAndGet() > 1) {
            violations.add(node + " checked more than once");
        }
        for (NodeKey need : graph.requires(node)) {
            if (!finished.contains(need)) {
                violations.add(node + " checked before " + need + " finished");
            }
        }
        Set<NodeKey> from = new java.util.HashSet<>();
        check.inputs().forEach(input -> from.add(input.from()));
        if (!from.equals(graph.requires(node))) {
            violations.add(node + " got inputs from " + from + " instead of " + graph.requires(node));
        }
        finished.add(node);
        NodeData output = new NodeData(node.resource(), "name-" + node.resource(), "ref-" + node.resource(),
                Map.of(), node.update() ? "UPDATE" : "DELETE", "COMPLETE");
        return Decider.afterSuccess(graph, node, output);
    }
}
