package dev.overcast.orchestration.engine;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs one step per node of a dependency graph, each after the nodes it requires, at most
 * {@code parallel} at a time on virtual threads. After the first failure no new step starts;
 * the running ones finish. This is the legacy engine's scheduler: the whole operation lives in
 * the memory of one process, which is why that process holds the stack's lock.
 */
final class DagRunner {
    /** One node's step. */
    @FunctionalInterface
    interface Step {
        void run(String node) throws Exception;
    }

    /**
     * What happened.
     *
     * @param done    nodes whose step succeeded, in completion order
     * @param failure the first failure by node, empty when none failed
     */
    record Result(Set<String> done, Map<String, Exception> failure, boolean stopped) {
        boolean succeeded() {
            return failure.isEmpty() && !stopped;
        }
    }

    private record Finished(String node, Exception error) {
    }

    private DagRunner() {
    }

    /**
     * @param requires every node (iteration order breaks ties) with the nodes it requires; a
     *                 required node that is not a key counts as done
     */
    static Result run(Map<String, Set<String>> requires, int parallel, Step step) {
        return run(requires, parallel, step, () -> false);
    }

    /** As {@link #run(Map, int, Step)}; once {@code stop} says so, no new step starts. */
    static Result run(Map<String, Set<String>> requires, int parallel, Step step,
            java.util.function.BooleanSupplier stop) {
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, Set<String>> requiredBy = new HashMap<>();
        ArrayDeque<String> ready = new ArrayDeque<>();
        requires.forEach((node, needs) -> {
            int count = 0;
            for (String need : needs) {
                if (requires.containsKey(need)) {
                    count++;
                    requiredBy.computeIfAbsent(need, k -> new LinkedHashSet<>()).add(node);
                }
            }
            waitingOn.put(node, count);
            if (count == 0) {
                ready.add(node);
            }
        });
        Set<String> done = new LinkedHashSet<>();
        Map<String, Exception> failure = new LinkedHashMap<>();
        BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        int running = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                while (failure.isEmpty() && !stop.getAsBoolean() && running < parallel && !ready.isEmpty()) {
                    String node = ready.poll();
                    running++;
                    executor.execute(() -> {
                        try {
                            step.run(node);
                            finished.add(new Finished(node, null));
                        } catch (Exception e) {
                            finished.add(new Finished(node, e));
                        }
                    });
                }
                if (running == 0) {
                    break;
                }
                Finished f = take(finished);
                running--;
                if (f.error() != null) {
                    if (failure.isEmpty()) {
                        failure.put(f.node(), f.error());
                    }
                    continue;
                }
                done.add(f.node());
                for (String dependent : requiredBy.getOrDefault(f.node(), Set.of())) {
                    if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                        ready.add(dependent);
                    }
                }
            }
        }
        return new Result(done, failure, done.size() < requires.size() && failure.isEmpty());
    }

    private static Finished take(BlockingQueue<Finished> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a stack operation", e);
        }
    }
}
