package dev.overcast.compute.virt.fake;

import dev.overcast.compute.instances.PowerState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.overcast.compute.virt.InstanceFlavor;
import dev.overcast.compute.virt.InstanceInfo;
import dev.overcast.compute.virt.InstanceNotFoundException;
import dev.overcast.compute.virt.InstanceSpec;
import dev.overcast.compute.virt.NodeResources;
import dev.overcast.compute.virt.SpawnFailedException;
import dev.overcast.testkit.MutableClock;

class FakeDriverTest {
    static final InstanceFlavor SMALL = new InstanceFlavor(2, 2048, 20, 0, 0);

    static InstanceSpec spec(String name, InstanceFlavor flavor) {
        return new InstanceSpec(UUID.randomUUID().toString(), name, flavor, "cirros", null, null, Map.of());
    }

    @Test
    void aHostWithOneNodeHasANodeNamedAfterIt() {
        FakeDriver driver = FakeDriver.builder().hosts("compute", 3).build();

        assertThat(driver.hosts()).containsExactly("compute1", "compute2", "compute3");
        assertThat(driver.nodes("compute2")).extracting(NodeResources::node).containsExactly("compute2");
        assertThat(driver.nodes("nowhere")).isEmpty();
    }

    @Test
    void hostsWithManyNodesNameThemAfterTheHostAndTheirNumber() {
        FakeDriver driver = FakeDriver.builder().hosts(List.of("big")).nodesPerHost(3)
                .capacity(8, 4096, 100)
                .capacity("big-node2", new FakeDriver.Capacity(64, 262144, 2000))
                .build();

        List<NodeResources> nodes = driver.nodes("big");
        assertThat(nodes).extracting(NodeResources::node).containsExactly("big-node1", "big-node2", "big-node3");
        assertThat(nodes).extracting(NodeResources::vcpus).containsExactly(8, 64, 8);
        assertThat(nodes.get(1).memoryMb()).isEqualTo(262144);
        assertThat(nodes.getFirst().hypervisorType()).isEqualTo("fake");
        assertThat(nodes.getFirst().traits()).contains("COMPUTE_NET_ATTACH_INTERFACE");
    }

    @Test
    void aCapacityForANodeThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> FakeDriver.builder().hosts(List.of("a")).capacity("b",
                new FakeDriver.Capacity(1, 1, 1)).build()).hasMessageContaining("b");
    }

    @Test
    void aSpawnedInstanceRunsAndUsesItsNode() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).capacity(4, 8192, 100).build();
        InstanceSpec vm = spec("instance-00000001", SMALL);

        assertThat(driver.spawn("h1", null, vm)).isEqualTo(PowerState.RUNNING);

        NodeResources node = driver.nodes("h1").getFirst();
        assertThat(node.vcpusUsed()).isEqualTo(2);
        assertThat(node.memoryMbUsed()).isEqualTo(2048);
        assertThat(node.localGbUsed()).isEqualTo(20);
        assertThat(node.runningVms()).isEqualTo(1);
        assertThat(driver.instances("h1")).extracting(InstanceInfo::uuid, InstanceInfo::powerState, InstanceInfo::node)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(vm.uuid(), PowerState.RUNNING, "h1"));
    }

    @Test
    void spawningTheSameInstanceAgainSucceedsWithoutASecondOne() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).build();
        InstanceSpec vm = spec("twice", SMALL);
        driver.spawn("h1", "h1", vm);

        assertThat(driver.spawn("h1", "h1", vm)).isEqualTo(PowerState.RUNNING);
        assertThat(driver.nodes("h1").getFirst().runningVms()).isEqualTo(1);
    }

    @Test
    void spawningAnInstanceAnotherHostRunsFailsForGood() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 2).build();
        InstanceSpec vm = spec("elsewhere", SMALL);
        driver.spawn("h1", null, vm);

        assertThatThrownBy(() -> driver.spawn("h2", null, vm))
                .isInstanceOfSatisfying(SpawnFailedException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void destroyingRemovesTheInstanceAndDestroyingAgainIsFine() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).build();
        InstanceSpec vm = spec("gone", SMALL);
        driver.spawn("h1", null, vm);

        driver.destroy("h1", vm.uuid());
        driver.destroy("h1", vm.uuid());
        driver.destroy("h1", UUID.randomUUID().toString());

        assertThat(driver.instances("h1")).isEmpty();
        assertThat(driver.nodes("h1").getFirst().vcpusUsed()).isZero();
    }

    @Test
    void aHostOnlySeesItsOwnInstances() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 2).build();
        InstanceSpec vm = spec("mine", SMALL);
        driver.spawn("h1", null, vm);

        driver.destroy("h2", vm.uuid());

        assertThat(driver.instances("h1")).hasSize(1);
        assertThat(driver.instances("h2")).isEmpty();
        assertThatThrownBy(() -> driver.consoleOutput("h2", vm.uuid())).isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void powerStatesFollowNovasCodes() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).build();
        InstanceSpec vm = spec("power", SMALL);
        driver.spawn("h1", null, vm);

        assertThat(driver.powerOff("h1", vm.uuid())).isEqualTo(PowerState.SHUTDOWN);
        assertThat(PowerState.SHUTDOWN.code()).isEqualTo(4);
        assertThat(driver.powerOff("h1", vm.uuid())).isEqualTo(PowerState.SHUTDOWN);
        assertThat(driver.powerOn("h1", vm.uuid())).isEqualTo(PowerState.RUNNING);
        assertThat(PowerState.RUNNING.code()).isEqualTo(1);
        assertThat(driver.reboot("h1", vm.uuid(), true)).isEqualTo(PowerState.RUNNING);
        assertThat(PowerState.of(0)).isEqualTo(PowerState.NOSTATE);
        assertThatThrownBy(() -> driver.powerOn("h1", UUID.randomUUID().toString()))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void theConsoleLogShowsTheInstanceBootingUnderItsName() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).build();
        InstanceSpec vm = spec("instance-0000002a", SMALL);
        driver.spawn("h1", null, vm);

        String first = driver.consoleOutput("h1", vm.uuid());
        assertThat(first).contains("Linux version", vm.uuid()).endsWith("instance-0000002a login: \n");

        driver.reboot("h1", vm.uuid(), false);
        String after = driver.consoleOutput("h1", vm.uuid());
        assertThat(after).startsWith(first.substring(0, first.length() - 1)).contains("reboot: Restarting system");
        assertThat(after.split("instance-0000002a login:", -1)).hasSize(3);
    }

    @Test
    void anInstanceThatDoesNotFitItsNodeFailsRetryably() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).capacity(4, 3000, 100).build();
        driver.spawn("h1", null, spec("first", SMALL));

        assertThatThrownBy(() -> driver.spawn("h1", null, spec("second", SMALL)))
                .isInstanceOfSatisfying(SpawnFailedException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("Insufficient compute resources");
                });
        assertThat(driver.nodes("h1").getFirst().runningVms()).isEqualTo(1);
    }

    @Test
    void theNextSpawnsFailAsToldThenSpawnsWorkAgain() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).build();
        driver.failNextSpawns(2);

        assertThatThrownBy(() -> driver.spawn("h1", null, spec("a", SMALL)))
                .isInstanceOfSatisfying(SpawnFailedException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> driver.spawn("h1", null, spec("b", SMALL))).isInstanceOf(SpawnFailedException.class);
        assertThat(driver.spawn("h1", null, spec("c", SMALL))).isEqualTo(PowerState.RUNNING);
        assertThat(driver.instances("h1")).hasSize(1);

        driver.failNextSpawns(1, false);
        assertThatThrownBy(() -> driver.spawn("h1", null, spec("d", SMALL)))
                .isInstanceOfSatisfying(SpawnFailedException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aFailureRateFailsThatShareOfSpawnsAndTheSameSeedFailsTheSameOnes() {
        List<Boolean> first = outcomes(new Random(42));
        List<Boolean> second = outcomes(new Random(42));

        assertThat(first).isEqualTo(second);
        long failed = first.stream().filter(ok -> !ok).count();
        assertThat(failed).isBetween(200L, 400L);
    }

    private static List<Boolean> outcomes(Random random) {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).capacity(1, 1_000_000, 1_000_000)
                .failureRate(0.3, random).build();
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            try {
                driver.spawn("h1", null, spec("vm" + i, new InstanceFlavor(1, 1, 0, 0, 0)));
                out.add(true);
            } catch (SpawnFailedException e) {
                assertThat(e.retryable()).isTrue();
                out.add(false);
            }
        }
        return out;
    }

    @Test
    void aRateOfZeroNeverFailsAndARateOfOneAlwaysDoes() {
        FakeDriver never = FakeDriver.builder().hosts("h", 1).failureRate(0, new Random(1)).build();
        FakeDriver always = FakeDriver.builder().hosts("h", 1).failureRate(1, new Random(1)).build();

        assertThat(never.spawn("h1", null, spec("ok", SMALL))).isEqualTo(PowerState.RUNNING);
        assertThatThrownBy(() -> always.spawn("h1", null, spec("no", SMALL))).isInstanceOf(SpawnFailedException.class);
    }

    @Test
    void aNodeOfAnotherHostIsNotAPlaceToSpawn() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 2).build();

        assertThatThrownBy(() -> driver.spawn("h1", "h2", spec("wrong", SMALL)))
                .isInstanceOfSatisfying(SpawnFailedException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> driver.spawn("h9", null, spec("wrong", SMALL))).isInstanceOf(SpawnFailedException.class);
    }

    @Test
    void theUptimeCountsFromWhenTheDriverStarted() {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T08:00:00Z"));
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).clock(clock).build();
        clock.advance(Duration.ofDays(3).plusHours(2).plusMinutes(5));

        assertThat(driver.uptime("h1")).isEqualTo(" 10:05:00 up 3 days,  2:05,  1 user,  load average: 0.00, 0.00, 0.00");
    }

    @Test
    void aSpawnWithALatencyStillSpawns() {
        FakeDriver driver = FakeDriver.builder().hosts("h", 1).spawnLatency(Duration.ofMillis(1)).build();

        assertThat(driver.spawn("h1", null, spec("slow", SMALL))).isEqualTo(PowerState.RUNNING);
        assertThatThrownBy(() -> FakeDriver.builder().spawnLatency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
