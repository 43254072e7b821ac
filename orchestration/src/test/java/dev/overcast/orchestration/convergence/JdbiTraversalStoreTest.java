package dev.overcast.orchestration.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.overcast.testkit.MutableClock;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbiTraversalStoreTest {
    private ConvergenceDatabase database;
    private TraversalStore traversals;

    @BeforeAll
    void open() {
        database = new ConvergenceDatabase();
        traversals = new JdbiTraversalStore(database.jdbi(), MutableClock.startingNow());
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void aStackNeverSeenHasNoTraversalAndItsFirstOneStartsFromNone() {
        assertThat(traversals.current("s1")).isEmpty();

        assertThat(traversals.begin("s1", Traversals.NONE, "t1")).isTrue();

        assertThat(traversals.current("s1")).contains("t1");
    }

    @Test
    void aNewTraversalSupersedesTheRunningOneAndItsWorkIsDropped() {
        traversals.begin("s2", Traversals.NONE, "t1");

        assertThat(traversals.begin("s2", "t1", "t2")).isTrue();

        String current = traversals.current("s2").orElseThrow();
        assertThat(Traversals.isCurrent(current, "t1")).isFalse();
        assertThat(Decider.admit(current, "t1")).isPresent();
        assertThat(Decider.admit(current, "t2")).isEmpty();
    }

    @Test
    void startingFromAStaleTraversalLosesToWhoeverChangedItFirst() {
        traversals.begin("s3", Traversals.NONE, "t1");
        traversals.begin("s3", "t1", "t2");

        assertThat(traversals.begin("s3", "t1", "t3")).isFalse();
        assertThat(traversals.begin("s3", Traversals.NONE, "t4")).isFalse();
        assertThat(traversals.current("s3")).contains("t2");
    }

    @Test
    void aTraversalEndsOnceAndThenNothingOfItRuns() {
        traversals.begin("s4", Traversals.NONE, "t1");

        assertThat(traversals.end("s4", "t1")).isTrue();
        assertThat(traversals.end("s4", "t1")).isFalse();

        assertThat(traversals.current("s4")).contains(Traversals.NONE);
        assertThat(Traversals.isCurrent(traversals.current("s4").orElseThrow(), "t1")).isFalse();
        assertThat(traversals.begin("s4", Traversals.NONE, "t2")).isTrue();
    }

    @Test
    void endingNeedsTheTraversalsId() {
        assertThatThrownBy(() -> traversals.end("s5", Traversals.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end needs the id of the traversal to end");
    }

    @Test
    void aForgottenStackStartsAfresh() {
        traversals.begin("s6", Traversals.NONE, "t1");

        traversals.forget("s6");

        assertThat(traversals.current("s6")).isEmpty();
    }

    @Test
    void ofSixteenEnginesRacingToSupersedeTheSameTraversalExactlyOneWins() throws Exception {
        for (String expected : List.of(Traversals.NONE, "first")) {
            String stack = "race-" + expected;
            if (!expected.isEmpty()) {
                traversals.begin(stack, Traversals.NONE, expected);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String next = "next-" + i;
                racers.add(() -> {
                    go.await();
                    return traversals.begin(stack, expected, next);
                });
            }
            List<Boolean> wins = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                List<Future<Boolean>> futures = racers.stream().map(pool::submit).toList();
                go.countDown();
                for (Future<Boolean> future : futures) {
                    wins.add(future.get());
                }
            }

            assertThat(wins).containsOnlyOnce(true);
            assertThat(traversals.current(stack).orElseThrow()).startsWith("next-");
        }
    }
}
