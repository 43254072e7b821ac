package dev.overcast.placement.allocations;

import static dev.overcast.placement.allocations.Fixtures.consumer;
import static dev.overcast.placement.allocations.Fixtures.dictWithGeneration;
import static dev.overcast.placement.allocations.Fixtures.total;
import static dev.overcast.placement.allocations.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

/**
 * Claims racing on real threads against a real database (H2, or PostgreSQL with
 * {@code -Dovercast.test.db=postgresql}): however many race, no inventory is over-committed.
 */
class ConcurrentClaimsTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;
    static Claims claims;

    @BeforeAll
    static void start() {
        admin = server.admin("1.39");
        claims = new Claims(server.service().context());
    }

    /** Runs every task on its own virtual thread, all released at once by a latch; returns their results. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    /** What the database holds on a provider, summed from its allocations (not from the index). */
    static long allocatedInDatabase(String rp, String resourceClass) {
        long sum = 0;
        for (var consumer : admin.get("/resource_providers/" + rp + "/allocations").json().get("allocations")) {
            sum += consumer.at("/resources/" + resourceClass).asLong(0);
        }
        return sum;
    }

    @Test
    void manyInProcessClaimsRacingForTheLastUnitsWinExactlyAsManyAsAreLeft() throws Exception {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(100)));
        assertThat(claims.claim(consumer(), "p", "u", "INSTANCE", Map.of(rp, Map.of("VCPU", 93L)))).isTrue();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tasks.add(() -> claims.claim(consumer(), "p", "u", "INSTANCE", Map.of(rp, Map.of("VCPU", 1L))));
        }
        List<Boolean> results = race(tasks);

        assertThat(results.stream().filter(won -> won).count()).isEqualTo(7);
        assertThat(usage(admin, rp, "VCPU")).isEqualTo(100);
        assertThat(allocatedInDatabase(rp, "VCPU")).isEqualTo(100);
    }

    @Test
    void racingClaimsThatCannotBeMadeAreRefusedAloneWhileTheOthersCommittedWithThemStand() throws Exception {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(10)));
        List<Callable<Boolean>> fit = new ArrayList<>();
        List<Callable<Boolean>> never = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            fit.add(() -> claims.claim(consumer(), "p", "u", "INSTANCE", Map.of(rp, Map.of("VCPU", 1L))));
            never.add(() -> claims.claim(consumer(), "p", "u", "INSTANCE", Map.of(rp, Map.of("VCPU", 11L))));
            never.add(() -> claims.claim(consumer(), "p", "u", "INSTANCE", Map.of(rp, Map.of("DISK_GB", 1L))));
            never.add(() -> claims.claim(consumer(), "p", "u", "INSTANCE", Map.of(consumer(), Map.of("VCPU", 1L))));
        }
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < fit.size(); i++) {
            tasks.add(fit.get(i));
            tasks.addAll(never.subList(3 * i, 3 * i + 3));
        }
        List<Boolean> results = race(tasks);

        for (int i = 0; i < results.size(); i++) {
            if (i % 4 != 0) {
                assertThat(results.get(i)).as("claim %d can never be made", i).isFalse();
            }
        }
        assertThat(results.stream().filter(won -> won).count()).isEqualTo(10);
        assertThat(usage(admin, rp, "VCPU")).isEqualTo(10);
        assertThat(allocatedInDatabase(rp, "VCPU")).isEqualTo(10);
    }

    @Test
    void httpClaimsRacingForTheLastUnitsGetExactlyThatMany204sAndTheRest409() throws Exception {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(3), "MEMORY_MB", total(1024)));
        ApiClient v128 = server.admin("1.28");
        List<Callable<ApiClient.Reply>> tasks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            tasks.add(() -> v128.put("/allocations/" + consumer(),
                    dictWithGeneration(Map.of(rp, Map.of("VCPU", 1, "MEMORY_MB", 64)), null)));
        }
        List<ApiClient.Reply> replies = race(tasks);

        assertThat(replies.stream().filter(r -> r.status() == 204).count()).isEqualTo(3);
        assertThat(replies.stream().filter(r -> r.status() == 409)).hasSize(21)
                .allSatisfy(r -> assertThat(Fixtures.detail(r)).contains("would exceed the capacity"));
        assertThat(usage(admin, rp, "VCPU")).isEqualTo(3);
        assertThat(usage(admin, rp, "MEMORY_MB")).isEqualTo(192);
        assertThat(allocatedInDatabase(rp, "VCPU")).isEqualTo(3);
    }

    @Test
    void writersRacingToCreateTheSameConsumerLeaveExactlyOneWinner() throws Exception {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(100)));
        String c = consumer();
        ApiClient v128 = server.admin("1.28");
        List<Callable<ApiClient.Reply>> tasks = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            int amount = i;
            tasks.add(() -> v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", amount)), null)));
        }
        List<ApiClient.Reply> replies = race(tasks);

        assertThat(replies.stream().filter(r -> r.status() == 204).count()).isEqualTo(1);
        assertThat(replies.stream().filter(r -> r.status() != 204))
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(Fixtures.code(r)).isEqualTo("placement.concurrent_update");
                });
        long held = admin.get("/allocations/" + c).json().at("/allocations/" + rp + "/resources/VCPU").asLong();
        assertThat(usage(admin, rp, "VCPU")).isEqualTo(held);
        assertThat(admin.get("/allocations/" + c).json().get("consumer_generation").asLong()).isEqualTo(1);
    }

    @Test
    void claimsNamingTwoProvidersInEitherOrderNeitherDeadlockNorOverCommit() throws Exception {
        String wide = Fixtures.provider(admin, Map.of("VCPU", total(1000)));
        String narrow = Fixtures.provider(admin, Map.of("DISK_GB", total(15)));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Map<String, Map<String, Long>> allocations = new LinkedHashMap<>();
            if (i % 2 == 0) {
                allocations.put(wide, Map.of("VCPU", 1L));
                allocations.put(narrow, Map.of("DISK_GB", 1L));
            } else {
                allocations.put(narrow, Map.of("DISK_GB", 1L));
                allocations.put(wide, Map.of("VCPU", 1L));
            }
            tasks.add(() -> claims.claim(consumer(), "p", "u", null, allocations));
        }
        List<Boolean> results = race(tasks);

        assertThat(results.stream().filter(won -> won).count()).isEqualTo(15);
        assertThat(usage(admin, narrow, "DISK_GB")).isEqualTo(15);
        assertThat(usage(admin, wide, "VCPU")).as("each winner took one of each").isEqualTo(15);
    }

    @Test
    void consumersMovingBetweenProvidersWhileOthersClaimAndReleaseNeverOverCommit() throws Exception {
        List<String> providers = List.of(Fixtures.provider(admin, Map.of("VCPU", total(6))),
                Fixtures.provider(admin, Map.of("VCPU", total(6))), Fixtures.provider(admin, Map.of("VCPU", total(6))));
        List<String> consumers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            consumers.add(consumer());
        }
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            long seed = t;
            tasks.add(() -> {
                Random random = new Random(seed);
                int won = 0;
                for (int step = 0; step < 25; step++) {
                    String c = consumers.get(random.nextInt(consumers.size()));
                    if (random.nextInt(5) == 0) {
                        claims.release(c);
                        continue;
                    }
                    Map<String, Map<String, Long>> allocations = new LinkedHashMap<>();
                    allocations.put(providers.get(random.nextInt(3)), Map.of("VCPU", 1L + random.nextInt(3)));
                    won += claims.claim(c, "p", "u", null, allocations) ? 1 : 0;
                }
                return won;
            });
        }
        assertThat(race(tasks).stream().mapToInt(Integer::intValue).sum()).isPositive();

        long everyConsumersShare = 0;
        for (String c : consumers) {
            for (var rp : admin.get("/allocations/" + c).json().get("allocations")) {
                everyConsumersShare += rp.at("/resources/VCPU").asLong();
            }
        }
        long total = 0;
        for (String rp : providers) {
            long inDatabase = allocatedInDatabase(rp, "VCPU");
            assertThat(inDatabase).isLessThanOrEqualTo(6);
            assertThat(usage(admin, rp, "VCPU")).as("the index agrees with the database").isEqualTo(inDatabase);
            total += inDatabase;
        }
        assertThat(total).isEqualTo(everyConsumersShare);
    }
}
