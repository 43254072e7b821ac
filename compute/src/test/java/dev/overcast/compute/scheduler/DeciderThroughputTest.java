package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.aggregate;
import static dev.overcast.compute.scheduler.TestHosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.overcast.compute.scheduler.ServerGroup.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of the hot path at the benchmark's scale: 10,000 hosts, 1,000 candidates per decision, the
 * default filters and every weigher. The bound is loose (CI machines vary); it catches an accidental quadratic
 * step or per-host parsing, not a few per cent.
 */
class DeciderThroughputTest {

    @Test
    void aDecisionOverAThousandCandidatesTakesUnderFiveMilliseconds() {
        SplittableRandom random = new SplittableRandom(3);
        List<Aggregate> aggregates = List.of(aggregate("az1", Map.of("availability_zone", "az1")),
                aggregate("ssd", Map.of("ssd", "true")));
        Map<String, HostState> byUuid = new HashMap<>();
        List<HostState> hosts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            HostState h = host("h" + i).vcpus(64, random.nextInt(64), 4.0).ram(262_144, random.nextInt(262_144))
                    .disk(2000, random.nextInt(2000)).ioOps(random.nextInt(8)).instanceCount(random.nextInt(20))
                    .aggregate(aggregates.get(i % 2)).failedBuilds(random.nextInt(50) == 0 ? 1 : 0)
                    .capability("cpu_info:vendor", i % 3 == 0 ? "AMD" : "Intel").build();
            hosts.add(h);
            byUuid.put(h.uuid(), h);
        }
        RequestSpec request = RequestSpec.of(Flavor.of("m1.large", 4, 8192, 40)
                        .withExtraSpecs(Map.of("capabilities:cpu_info:vendor", "Intel", "hw:cpu_policy", "shared")),
                "p1", "vm")
                .withImageProperties(Map.of("hw_architecture", "x86_64", "img_hv_type", "qemu"))
                .withInstanceGroup(new ServerGroup("G", Policy.ANTI_AFFINITY, 2, Map.of("h1", 2, "h4", 1)));
        List<List<Candidate>> batches = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            batches.add(TestHosts.candidates(hosts.subList(b * 500, b * 500 + 1000 > 10_000 ? 10_000 : b * 500 + 1000),
                    request));
        }
        Decider decider = new Decider(SchedulerSettings.builder().hostSubsetSize(2)
                .enabledFilters(SchedulerSettings.DEFAULT_FILTERS).build());
        SplittableRandom draw = new SplittableRandom(1);
        for (int i = 0; i < 3000; i++) {
            decider.decide(request, batches.get(i % batches.size()), byUuid, draw);
        }
        int decisions = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < decisions; i++) {
            assertThat(decider.decide(request, batches.get(i % batches.size()), byUuid, draw))
                    .isInstanceOf(Selected.class);
        }
        double perSecond = decisions / ((System.nanoTime() - start) / 1e9);
        System.out.printf("Decider: %.0f decisions/s over ~1000 candidates on one thread%n", perSecond);
        assertThat(perSecond).isGreaterThan(200);
    }
}
