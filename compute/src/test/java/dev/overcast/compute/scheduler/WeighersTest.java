package dev.overcast.compute.scheduler;

import static dev.overcast.compute.scheduler.TestHosts.aggregate;
import static dev.overcast.compute.scheduler.TestHosts.byUuid;
import static dev.overcast.compute.scheduler.TestHosts.candidates;
import static dev.overcast.compute.scheduler.TestHosts.host;
import static dev.overcast.compute.scheduler.TestHosts.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.overcast.compute.scheduler.ServerGroup.Policy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeighersTest {

    /** The weight of each host, by host name, with only the given weigher enabled and every host passing. */
    private static Map<String, Double> weights(SchedulerSettings.Builder settings, RequestSpec r, HostState... hosts) {
        SchedulerSettings s = settings.enabledFilters().maxAttempts(hosts.length).build();
        List<HostState> list = List.of(hosts);
        Selected selected = (Selected) Decider.decide(r, candidates(list, r), byUuid(list), s, new SplittableRandom(1));
        Map<String, Double> out = new HashMap<>();
        selected.hosts().forEach(h -> out.put(h.host().host(), h.weight()));
        return out;
    }

    private static SchedulerSettings.Builder only(String weigher) {
        return SchedulerSettings.builder().weighers(weigher);
    }

    @Test
    void rawWeightsAreNovas() {
        HostState h = host("h").vcpus(16, 4, 2.0).ram(32768, 8192).disk(500, 100).ioOps(3).instanceCount(5)
                .failedBuilds(2).build();
        RequestSpec r = request();
        assertThat(new RAMWeigher(1).weigh(h, r)).isEqualTo(24576);
        assertThat(new CPUWeigher(1).weigh(h, r)).isEqualTo(28);
        assertThat(new DiskWeigher(1).weigh(h, r)).isEqualTo(400);
        assertThat(new IoOpsWeigher(-1).weigh(h, r)).isEqualTo(3);
        assertThat(new NumInstancesWeigher(0).weigh(h, r)).isEqualTo(5);
        assertThat(new BuildFailureWeigher(1e6).weigh(h, r)).isEqualTo(-2);
    }

    @Test
    void softAffinityWeighersCountTheGroupsMembersOnTheHost() {
        HostState a = host("a").build();
        RequestSpec soft = request().withInstanceGroup(new ServerGroup("G", Policy.SOFT_AFFINITY, 1, Map.of("a", 2)));
        RequestSpec softAnti = request().withInstanceGroup(
                new ServerGroup("G", Policy.SOFT_ANTI_AFFINITY, 1, Map.of("a", 2)));
        assertThat(new ServerGroupSoftAffinityWeigher(1).weigh(a, soft)).isEqualTo(2);
        assertThat(new ServerGroupSoftAffinityWeigher(1).weigh(a, softAnti)).isZero();
        assertThat(new ServerGroupSoftAntiAffinityWeigher(1).weigh(a, softAnti)).isEqualTo(-2);
        assertThat(new ServerGroupSoftAntiAffinityWeigher(1).weigh(a, request())).isZero();
    }

    @Test
    void weightsAreNormalisedFromZeroForTheLeastToOneForTheMost() {
        Map<String, Double> w = weights(only("RAMWeigher"), request(),
                host("low").ram(1000, 0).build(), host("mid").ram(1500, 0).build(), host("high").ram(2000, 0).build());
        assertThat(w).containsEntry("low", 0.0).containsEntry("mid", 0.5).containsEntry("high", 1.0);
    }

    @Test
    void equalRawWeightsCountAsZero() {
        Map<String, Double> w = weights(only("RAMWeigher"), request(), host("a").build(), host("b").build());
        assertThat(w.values()).containsOnly(0.0);
    }

    @Test
    void theMultiplierScalesAndCanInvertTheNormalisedWeight() {
        Map<String, Double> w = weights(only("RAMWeigher").ramWeightMultiplier(-2.0), request(),
                host("small").ram(1000, 0).build(), host("big").ram(3000, 0).build());
        assertThat(w).containsEntry("small", 0.0).containsEntry("big", -2.0);
    }

    @Test
    void ioOpsWeigherPrefersIdleHostsByDefault() {
        Map<String, Double> w = weights(only("IoOpsWeigher"), request(),
                host("idle").ioOps(0).build(), host("busy").ioOps(4).build());
        assertThat(w.get("idle")).isGreaterThan(w.get("busy"));
    }

    @Test
    void numInstancesWeigherIsIgnoredByDefault() {
        Map<String, Double> w = weights(only("NumInstancesWeigher"), request(),
                host("empty").build(), host("full").instanceCount(10).build());
        assertThat(w.values()).containsOnly(0.0);
    }

    @Test
    void cpuAndDiskWeighersSpreadByFreeAmounts() {
        Map<String, Double> cpu = weights(only("CPUWeigher"), request(),
                host("a").vcpus(8, 6).build(), host("b").vcpus(8, 2).build());
        Map<String, Double> disk = weights(only("DiskWeigher"), request(),
                host("a").disk(100, 90).build(), host("b").disk(100, 10).build());
        assertThat(cpu).containsEntry("a", 0.0).containsEntry("b", 1.0);
        assertThat(disk).containsEntry("a", 0.0).containsEntry("b", 1.0);
    }

    @Test
    void softAntiAffinityPrefersHostsWithFewerMembers() {
        RequestSpec r = request().withInstanceGroup(
                new ServerGroup("G", Policy.SOFT_ANTI_AFFINITY, 1, Map.of("a", 3, "b", 1)));
        Map<String, Double> w = weights(only("ServerGroupSoftAntiAffinityWeigher"), r,
                host("a").build(), host("b").build(), host("c").build());
        assertThat(w.get("c")).isEqualTo(1.0);
        assertThat(w.get("b")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(w.get("a")).isEqualTo(0.0);
    }

    @Test
    void softAffinityPrefersHostsWithMoreMembers() {
        RequestSpec r = request().withInstanceGroup(new ServerGroup("G", Policy.SOFT_AFFINITY, 1, Map.of("a", 2)));
        Map<String, Double> w = weights(only("ServerGroupSoftAffinityWeigher"), r, host("a").build(),
                host("b").build());
        assertThat(w).containsEntry("a", 1.0).containsEntry("b", 0.0);
    }

    @Test
    void aFailingNodeSinksBelowEveryOtherConsideration() {
        Map<String, Double> w = weights(SchedulerSettings.builder(), request(),
                host("roomy-but-failing").ram(65536, 0).vcpus(64, 0).failedBuilds(1).build(),
                host("tight").ram(4096, 3000).vcpus(4, 3).build());
        assertThat(w.get("tight")).isGreaterThan(w.get("roomy-but-failing"));
        assertThat(w.get("tight") - w.get("roomy-but-failing")).isGreaterThan(999_990);
    }

    @Test
    void anAggregateOverridesTheMultiplierForItsHosts() {
        Aggregate packing = aggregate("pack", Map.of("ram_weight_multiplier", "-1.0"));
        Map<String, Double> w = weights(only("RAMWeigher"), request(),
                host("packed").ram(2000, 0).aggregate(packing).build(), host("spread").ram(3000, 0).build(),
                host("low").ram(1000, 0).build());
        assertThat(w).containsEntry("packed", -0.5).containsEntry("spread", 1.0).containsEntry("low", 0.0);
    }

    @Test
    void weighersAddUp() {
        Map<String, Double> w = weights(only("RAMWeigher").weighers("RAMWeigher", "CPUWeigher"), request(),
                host("a").ram(2000, 0).vcpus(8, 0).build(), host("b").ram(1000, 0).vcpus(16, 0).build(),
                host("c").ram(2000, 0).vcpus(16, 0).build());
        assertThat(w).containsEntry("a", 1.0).containsEntry("b", 1.0).containsEntry("c", 2.0);
    }
}
