package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overcast.compute.scheduler.ServerGroup.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random clouds and random requests through the driver and the in-memory Placement. Host states are refreshed
 * only now and then and other consumers take capacity behind the scheduler's back, so decisions are made on
 * stale data and claims get refused, as in production. Whatever happens, no host may end up over-committed,
 * a request is placed whole or not at all, and group policies hold.
 */
class SchedulerPropertyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    /** Host states as the scheduler last heard of them, refreshed only when told. */
    private static final class StaleView implements HostStates {
        private final FakePlacement placement;
        private Map<String, HostState> snapshot = Map.of();

        StaleView(FakePlacement placement) {
            this.placement = placement;
            refresh();
        }

        void refresh() {
            snapshot = placement.byProviderUuid(placement.providerUuids());
        }

        @Override
        public Map<String, HostState> byProviderUuid(Collection<String> uuids) {
            Map<String, HostState> out = new HashMap<>();
            uuids.forEach(u -> out.put(u, snapshot.get(u)));
            out.values().removeIf(java.util.Objects::isNull);
            return out;
        }

        @Override
        public List<HostState> nodesOf(String host) {
            return snapshot.values().stream().filter(h -> h.host().equals(host)).toList();
        }

        @Override
        public List<Aggregate> aggregates() {
            return placement.aggregates();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomRequestsNeverOverCommitAHostAndArePlacedWholeOrNotAtAll(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FakePlacement placement = new FakePlacement();
        int hostCount = 3 + random.nextInt(25);
        for (int i = 0; i < hostCount; i++) {
            HostState h = host("h" + i)
                    .vcpus(1 + random.nextInt(32), 0, 1.0 + random.nextInt(4))
                    .ram(1024L * (1 + random.nextInt(64)), 0)
                    .disk(10 + random.nextInt(1000), 0)
                    .service(random.nextInt(10) == 0 ? new Service(false, true, "maint") : Service.UP)
                    .build();
            placement.add(h);
        }
        StaleView view = new StaleView(placement);
        SchedulerSettings settings = SchedulerSettings.builder().hostSubsetSize(1 + random.nextInt(3))
                .enabledFilters("ComputeFilter", "ServerGroupAntiAffinityFilter", "ServerGroupAffinityFilter",
                        "NumInstancesFilter")
                .maxInstancesPerHost(1000).build();
        Scheduler scheduler = new Scheduler(placement, view, settings, new SplittableRandom(seed * 31));

        int placedRequests = 0;
        for (int req = 0; req < 60; req++) {
            if (random.nextInt(4) == 0) {
                view.refresh();
            }
            if (random.nextInt(5) == 0) {
                stealCapacity(placement, random, "other-" + req);
            }
            RequestSpec spec = randomRequest(random, req);
            List<String> uuids = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                uuids.add("r" + req + "-vm" + i);
            }
            ScheduleResult result = scheduler.select(spec, uuids);

            assertNoHostIsOverCommitted(placement);
            switch (result) {
                case Scheduled scheduled -> {
                    placedRequests++;
                    assertThat(scheduled.instances()).hasSize(n);
                    uuids.forEach(u -> assertThat(placement.allocationsOf(u)).isNotNull());
                    assertGroupPolicyHolds(spec.instanceGroup(), scheduled);
                }
                case NoValidHost none -> {
                    uuids.forEach(u -> assertThat(placement.allocationsOf(u)).isNull());
                    assertThat(none.message()).startsWith("No valid host was found.");
                }
            }
        }
        assertThat(placedRequests).as("some requests fit").isPositive();
    }

    private static RequestSpec randomRequest(SplittableRandom random, int req) {
        Flavor flavor = Flavor.of("f", 1 + random.nextInt(8), 256 * (1 + random.nextInt(32)), random.nextInt(80));
        RequestSpec spec = RequestSpec.of(flavor, "p" + random.nextInt(3), "r" + req);
        return switch (random.nextInt(4)) {
            case 0 -> spec.withInstanceGroup(new ServerGroup("g" + req, Policy.ANTI_AFFINITY, 1 + random.nextInt(2),
                    Map.of()));
            case 1 -> spec.withInstanceGroup(ServerGroup.of("g" + req, Policy.AFFINITY));
            default -> spec;
        };
    }

    /** Another scheduler's claim, through Placement so it respects capacity. */
    private static void stealCapacity(FakePlacement placement, SplittableRandom random, String consumer) {
        List<String> uuids = new ArrayList<>(placement.providerUuids());
        String target = uuids.get(random.nextInt(uuids.size()));
        placement.claim(consumer, "p", "u", Map.of(target, Map.of("VCPU", 1L + random.nextInt(4),
                "MEMORY_MB", 512L * (1 + random.nextInt(8)))));
    }

    private static void assertNoHostIsOverCommitted(FakePlacement placement) {
        for (String uuid : placement.providerUuids()) {
            for (String rc : List.of("VCPU", "MEMORY_MB", "DISK_GB")) {
                assertThat(placement.used(uuid, rc)).as("%s %s", uuid, rc)
                        .isLessThanOrEqualTo(placement.capacity(uuid, rc));
            }
        }
    }

    private static void assertGroupPolicyHolds(ServerGroup group, Scheduled scheduled) {
        if (group == null) {
            return;
        }
        Map<String, Integer> perHost = new HashMap<>();
        scheduled.instances().forEach(s -> perHost.merge(s.host().host().host(), 1, Integer::sum));
        if (group.policy() == Policy.ANTI_AFFINITY) {
            assertThat(perHost.values()).allMatch(count -> count <= group.maxServerPerHost());
        } else if (group.policy() == Policy.AFFINITY) {
            assertThat(perHost).hasSize(1);
        }
    }
}
