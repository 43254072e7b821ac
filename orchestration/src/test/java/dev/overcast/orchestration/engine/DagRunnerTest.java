package dev.overcast.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DagRunnerTest {

    static Stream<Long> seeds() {
        return LongStreamHolder.SEEDS.stream();
    }

    private static final class LongStreamHolder {
        static final List<Long> SEEDS = IntStream.range(0, 20).mapToObj(i -> 1000L + i).toList();
    }

    /** A random DAG: each node requires some of the nodes before it. */
    private static Map<String, Set<String>> randomGraph(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(40);
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Set<String> needs = new LinkedHashSet<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(5) == 0) {
                    needs.add("n" + j);
                }
            }
            requires.put("n" + i, needs);
        }
        return requires;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyNodeRunsOnceAfterEverythingItRequires(long seed) {
        Map<String, Set<String>> requires = randomGraph(seed);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        var result = DagRunner.run(requires, 4, order::add);
        assertThat(result.succeeded()).isTrue();
        assertThat(order).hasSameSizeAs(requires.keySet()).doesNotHaveDuplicates();
        requires.forEach((node, needs) -> needs.forEach(need ->
                assertThat(order.indexOf(need)).isLessThan(order.indexOf(node))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverMoreStepsRunAtOnceThanAllowed(long seed) {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        DagRunner.run(randomGraph(seed), 3, node -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
        });
        assertThat(most.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void afterAFailureNothingThatNeedsItRuns() {
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        requires.put("a", Set.of());
        requires.put("b", Set.of("a"));
        requires.put("c", Set.of("b"));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        var result = DagRunner.run(requires, 2, node -> {
            ran.add(node);
            if (node.equals("b")) {
                throw new IllegalStateException("b broke");
            }
        });
        assertThat(result.failure()).containsOnlyKeys("b");
        assertThat(ran).containsExactly("a", "b");
        assertThat(result.done()).containsExactly("a");
    }
}
