package dev.overcast.orchestration.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
class ResourceLocksTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    private ConvergenceDatabase database;
    private MutableClock clock;
    private EngineRegistry engines;
    private ResourceLocks locks;

    @BeforeAll
    void open() {
        database = new ConvergenceDatabase();
        clock = MutableClock.startingNow();
        engines = new EngineRegistry(database.jdbi(), clock, LEASE);
        locks = new ResourceLocks(database.jdbi(), engines, clock);
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void anEngineIsAliveUntilItsLeaseLapsesAndEachHeartbeatExtendsIt() {
        engines.heartbeat("e-alive");
        clock.advance(Duration.ofSeconds(20));
        engines.heartbeat("e-alive");
        clock.advance(Duration.ofSeconds(20));

        assertThat(engines.isAlive("e-alive")).isTrue();
        assertThat(engines.liveEngines()).contains("e-alive");

        clock.advance(Duration.ofSeconds(11));

        assertThat(engines.isAlive("e-alive")).isFalse();
        assertThat(engines.liveEngines()).doesNotContain("e-alive");
    }

    @Test
    void anEngineNeverSeenOrRetiredIsDead() {
        engines.heartbeat("e-retiring");

        engines.retire("e-retiring");

        assertThat(engines.isAlive("e-retiring")).isFalse();
        assertThat(engines.isAlive("e-never")).isFalse();
    }

    @Test
    void aLeaseMustBePositive() {
        assertThatThrownBy(() -> new EngineRegistry(database.jdbi(), clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an engine lease must be positive, not PT0S");
    }

    @Test
    void aFreeLockIsAcquiredAndItsHolderRecorded() {
        engines.heartbeat("e1");

        LockOutcome outcome = locks.acquire("r-free", "e1", "t1");

        assertThat(outcome).isEqualTo(new LockOutcome.Acquired("r-free", "e1", "t1"));
        assertThat(locks.holder("r-free")).hasValueSatisfying(holder -> {
            assertThat(holder.engineId()).isEqualTo("e1");
            assertThat(holder.traversalId()).isEqualTo("t1");
            assertThat(holder.acquiredAtMillis()).isEqualTo(clock.millis());
        });
    }

    @Test
    void aLockIsBusyEvenForTheEngineHoldingIt() {
        engines.heartbeat("e-again");
        locks.acquire("r-again", "e-again", "t1");

        assertThat(locks.acquire("r-again", "e-again", "t2")).isEqualTo(new LockOutcome.Busy("r-again", "e-again", "t1"));
        assertThat(locks.releaseAll("e-again")).isEqualTo(1);
        assertThat(locks.acquire("r-again", "e-again", "t2"))
                .isEqualTo(new LockOutcome.Acquired("r-again", "e-again", "t2"));
    }

    @Test
    void aLockHeldByALiveEngineIsBusy() {
        engines.heartbeat("e1");
        engines.heartbeat("e2");
        locks.acquire("r-busy", "e1", "t1");

        assertThat(locks.acquire("r-busy", "e2", "t2")).isEqualTo(new LockOutcome.Busy("r-busy", "e1", "t1"));
        assertThat(locks.holder("r-busy").orElseThrow().engineId()).isEqualTo("e1");
    }

    @Test
    void aLockHeldByAnEngineWhoseLeaseLapsedIsTakenOver() {
        engines.heartbeat("e-dying");
        locks.acquire("r-orphan", "e-dying", "t1");
        clock.advance(LEASE.plusSeconds(1));
        engines.heartbeat("e-survivor");

        LockOutcome outcome = locks.acquire("r-orphan", "e-survivor", "t2");

        assertThat(outcome).isEqualTo(new LockOutcome.TakenOver("r-orphan", "e-survivor", "t2", "e-dying", "t1"));
        assertThat(locks.holder("r-orphan").orElseThrow().engineId()).isEqualTo("e-survivor");
    }

    @Test
    void theLocksOfDeadEnginesAreListedForRecovery() {
        MutableClock own = MutableClock.startingNow();
        EngineRegistry registry = new EngineRegistry(database.jdbi(), own, LEASE);
        ResourceLocks recovery = new ResourceLocks(database.jdbi(), registry, own);
        registry.heartbeat("rec-crashing");
        recovery.acquire("rec-1", "rec-crashing", "t1");
        own.advance(Duration.ofSeconds(20));
        registry.heartbeat("rec-living");
        recovery.acquire("rec-2", "rec-living", "t1");
        recovery.acquire("rec-3", "rec-unknown", "t1");
        own.advance(Duration.ofSeconds(20));

        assertThat(recovery.heldByDeadEngines()).extracting(ResourceLocks.Holder::resourceId)
                .contains("rec-1", "rec-3")
                .doesNotContain("rec-2");
    }

    @Test
    void onlyTheHolderReleasesALockAndThenItIsFree() {
        engines.heartbeat("e1");
        engines.heartbeat("e2");
        locks.acquire("r-release", "e1", "t1");

        assertThat(locks.release("r-release", "e2")).isFalse();
        assertThat(locks.release("r-release", "e1")).isTrue();

        assertThat(locks.holder("r-release")).isEmpty();
        assertThat(locks.acquire("r-release", "e2", "t1")).isEqualTo(new LockOutcome.Acquired("r-release", "e2", "t1"));
    }

    @Test
    void ofSixteenEnginesRacingForAFreeLockExactlyOneGetsIt() throws Exception {
        List<String> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racers.add("racer-" + i);
            engines.heartbeat("racer-" + i);
        }

        List<LockOutcome> outcomes = race(racers, "r-contended");

        assertThat(outcomes).filteredOn(o -> o instanceof LockOutcome.Acquired).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof LockOutcome.Busy).hasSize(15);
    }

    @Test
    void ofSixteenEnginesRacingToTakeOverADeadEnginesLockExactlyOneGetsIt() throws Exception {
        engines.heartbeat("e-dead");
        locks.acquire("r-dead", "e-dead", "t0");
        clock.advance(LEASE.plusSeconds(1));
        List<String> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racers.add("heir-" + i);
            engines.heartbeat("heir-" + i);
        }

        List<LockOutcome> outcomes = race(racers, "r-dead");

        assertThat(outcomes).filteredOn(o -> o instanceof LockOutcome.TakenOver).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof LockOutcome.Busy).hasSize(15);
    }

    private List<LockOutcome> race(List<String> racers, String resource) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<LockOutcome>> calls = new ArrayList<>();
        for (String engine : racers) {
            calls.add(() -> {
                go.await();
                return locks.acquire(resource, engine, "t-" + engine);
            });
        }
        List<LockOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers.size())) {
            List<Future<LockOutcome>> futures = calls.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<LockOutcome> future : futures) {
                outcomes.add(future.get());
            }
        }
        return outcomes;
    }
}
