package dev.overcast.compute.agent;

import dev.overcast.compute.instances.PowerState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.ComputeSettings;
import dev.overcast.compute.hypervisors.ComputeNode;
import dev.overcast.compute.hypervisors.ComputeNodes;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.compute.virt.InstanceFlavor;
import dev.overcast.compute.virt.InstanceInfo;
import dev.overcast.compute.virt.InstanceSpec;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.core.bus.RemoteError;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.MutableClock;
import tools.jackson.databind.JsonNode;

/** The agent over the in-process bus, reporting to the real Placement and to cell1's database. */
class ComputeAgentTest {
    static final MutableClock clock = MutableClock.startingNow();
    static final ComputeSettings settings = new ComputeSettings("nova", Duration.ofSeconds(10), 3,
            Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1));
    @RegisterExtension
    static final ComputeServer server = new ComputeServer(clock, settings);
    static final InstanceFlavor SMALL = new InstanceFlavor(2, 2048, 20, 0, 0);
    static FakeDriver driver;
    static ComputeAgent agent;
    static AgentClient client;
    static Jdbi cell1;
    static ApiClient placement;

    @BeforeAll
    static void start() {
        driver = FakeDriver.builder().hosts("cn", 3).capacity(8, 16384, 200).clock(clock).build();
        agent = server.startAgent("cell1", driver);
        client = new AgentClient(server.bus(), Duration.ofSeconds(10));
        cell1 = server.context().cells().db(server.context().cells().buildable().stream()
                .filter(c -> "cell1".equals(c.name())).findFirst().orElseThrow());
        placement = server.placementAdmin();
    }

    static InstanceSpec spec(String name) {
        return new InstanceSpec(UUID.randomUUID().toString(), name, SMALL, "cirros", null, "ssh-ed25519 AAAA", Map.of());
    }

    static ServiceRecords services() {
        return new ServiceRecords(cell1, clock, settings.serviceDownTime());
    }

    static ComputeNode node(String name) {
        return agent.nodes().get(name);
    }

    @Test
    void eachHostIsAnUpComputeServiceWithOneNode() {
        Map<String, ServiceRecord> computes = services().byBinary(ServiceRecord.COMPUTE);

        assertThat(computes).containsOnlyKeys("cn1", "cn2", "cn3");
        assertThat(computes.values()).allSatisfy(s -> {
            assertThat(s.topic()).isEqualTo("compute");
            assertThat(s.disabled()).isFalse();
            assertThat(services().isUp(s)).isTrue();
        });
        List<ComputeNode> nodes = new ComputeNodes(cell1, clock).byHost("cn2");
        assertThat(nodes).singleElement().satisfies(n -> {
            assertThat(n.hypervisorHostname()).isEqualTo("cn2");
            assertThat(n.serviceId()).isEqualTo(computes.get("cn2").id());
            assertThat(n.vcpus()).isEqualTo(8);
            assertThat(n.memoryMb()).isEqualTo(16384);
            assertThat(n.hypervisorType()).isEqualTo("fake");
        });
    }

    @Test
    void eachNodeIsAProviderWithNovasInventoriesAndTraits() {
        ComputeNode cn1 = node("cn1");
        JsonNode provider = placement.get("/resource_providers/" + cn1.uuid()).json();
        JsonNode inventories = placement.get("/resource_providers/" + cn1.uuid() + "/inventories").json();
        JsonNode traits = placement.get("/resource_providers/" + cn1.uuid() + "/traits").json();

        assertThat(provider.get("name").asString()).isEqualTo("cn1");
        assertThat(inventories.at("/inventories/VCPU/total").asLong()).isEqualTo(8);
        assertThat(inventories.at("/inventories/VCPU/allocation_ratio").asDouble()).isEqualTo(4.0);
        assertThat(inventories.at("/inventories/MEMORY_MB/total").asLong()).isEqualTo(16384);
        assertThat(inventories.at("/inventories/MEMORY_MB/reserved").asLong()).isEqualTo(512);
        assertThat(inventories.at("/inventories/MEMORY_MB/allocation_ratio").asDouble()).isEqualTo(1.0);
        assertThat(inventories.at("/inventories/DISK_GB/total").asLong()).isEqualTo(200);
        assertThat(traits.get("traits")).extracting(JsonNode::asString)
                .contains("COMPUTE_NODE", "COMPUTE_NET_ATTACH_INTERFACE", "COMPUTE_IMAGE_TYPE_QCOW2")
                .doesNotContain("COMPUTE_STATUS_DISABLED");
    }

    @Test
    void anInstanceSpawnedOverTheBusRunsAndCanBeDrivenUntilDestroyed() {
        InstanceSpec vm = spec("instance-00000001");

        assertThat(client.spawn("cn1", "cn1", vm)).isEqualTo(PowerState.RUNNING);
        assertThat(client.spawn("cn1", "cn1", vm)).isEqualTo(PowerState.RUNNING);
        assertThat(client.instances("cn1")).extracting(InstanceInfo::uuid).containsOnlyOnce(vm.uuid());
        assertThat(client.powerOff("cn1", vm.uuid())).isEqualTo(PowerState.SHUTDOWN);
        assertThat(client.powerOn("cn1", vm.uuid())).isEqualTo(PowerState.RUNNING);
        assertThat(client.reboot("cn1", vm.uuid(), false)).isEqualTo(PowerState.RUNNING);
        assertThat(client.consoleOutput("cn1", vm.uuid(), null)).contains("instance-00000001 login:");
        assertThat(client.consoleOutput("cn1", vm.uuid(), 1)).isEqualTo("instance-00000001 login: \n");

        client.destroy("cn1", vm.uuid());
        client.destroy("cn1", vm.uuid());
        assertThat(client.instances("cn1")).extracting(InstanceInfo::uuid).doesNotContain(vm.uuid());
    }

    @Test
    void aHostAnswersOnlyForItsOwnInstances() {
        InstanceSpec vm = spec("instance-00000002");
        client.spawn("cn2", null, vm);

        assertThatThrownBy(() -> client.consoleOutput("cn3", vm.uuid(), null))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.className()).endsWith("InstanceNotFoundException");
                    assertThat(e.retryable()).isFalse();
                });
        client.destroy("cn2", vm.uuid());
    }

    @Test
    void aFailedSpawnSaysWhetherAnotherHostMayBeTriedAndCountsAsAFailedBuild() {
        driver.failNextSpawns(1);
        assertThatThrownBy(() -> client.spawn("cn3", null, spec("unlucky")))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.remoteMessage()).contains("Simulated failure");
                });
        driver.failNextSpawns(1, false);
        assertThatThrownBy(() -> client.spawn("cn3", null, spec("doomed")))
                .isInstanceOfSatisfying(RemoteError.class, e -> assertThat(e.retryable()).isFalse());

        agent.reportNow();
        assertThat(new ComputeNodes(cell1, clock).byHost("cn3").getFirst().failedBuilds()).isEqualTo(2);

        InstanceSpec lucky = spec("lucky");
        client.spawn("cn3", null, lucky);
        agent.reportNow();
        assertThat(new ComputeNodes(cell1, clock).byHost("cn3").getFirst().failedBuilds()).isZero();
        client.destroy("cn3", lucky.uuid());
    }

    @Test
    void aReportWritesWhatTheNodesInstancesUse() {
        InstanceSpec vm = spec("instance-00000003");
        client.spawn("cn2", null, vm);
        agent.reportNow();

        ComputeNode cn2 = new ComputeNodes(cell1, clock).byHost("cn2").getFirst();
        assertThat(cn2.vcpusUsed()).isEqualTo(2);
        assertThat(cn2.memoryMbUsed()).isEqualTo(2048 + 512);
        assertThat(cn2.localGbUsed()).isEqualTo(20);
        assertThat(cn2.runningVms()).isEqualTo(1);

        client.destroy("cn2", vm.uuid());
        agent.reportNow();
        assertThat(new ComputeNodes(cell1, clock).byHost("cn2").getFirst().memoryMbUsed()).isEqualTo(512);
    }

    @Test
    void aServiceThatStopsReportingGoesDownAndComesBackUpWhenItReports() {
        ServiceRecord before = services().byHostAndBinary("cn1", ServiceRecord.COMPUTE).orElseThrow();
        clock.advance(settings.serviceDownTime().plusSeconds(1));
        assertThat(services().isUp(services().byHostAndBinary("cn1", ServiceRecord.COMPUTE).orElseThrow())).isFalse();

        agent.reportNow();

        ServiceRecord after = services().byHostAndBinary("cn1", ServiceRecord.COMPUTE).orElseThrow();
        assertThat(services().isUp(after)).isTrue();
        assertThat(after.reportCount()).isGreaterThan(before.reportCount());
        assertThat(after.lastSeenUp()).isEqualTo(clock.instant());
    }

    @Test
    void disablingAServiceInTheDatabaseReachesPlacementAtTheNextReport() {
        ServiceRecord cn3 = services().byHostAndBinary("cn3", ServiceRecord.COMPUTE).orElseThrow();
        services().setDisabled(cn3.id(), true, "maintenance");
        agent.reportNow();
        assertThat(traits(node("cn3").uuid())).contains("COMPUTE_STATUS_DISABLED", "COMPUTE_NODE");

        services().setDisabled(cn3.id(), false, null);
        agent.reportNow();
        assertThat(traits(node("cn3").uuid())).doesNotContain("COMPUTE_STATUS_DISABLED").contains("COMPUTE_NODE");
    }

    @Test
    void aProviderDeletedBehindTheAgentsBackIsReportedAgainAtAFullSync() {
        String uuid = node("cn2").uuid();
        assertThat(placement.delete("/resource_providers/" + uuid).status()).isEqualTo(204);

        for (int i = 0; i < ComputeAgent.FULL_SYNC_EVERY; i++) {
            agent.reportNow();
        }

        assertThat(placement.get("/resource_providers/" + uuid).status()).isEqualTo(200);
        assertThat(placement.get("/resource_providers/" + uuid + "/inventories").json()
                .at("/inventories/VCPU/total").asLong()).isEqualTo(8);
    }

    static List<String> traits(String uuid) {
        return placement.get("/resource_providers/" + uuid + "/traits").json().get("traits").valueStream()
                .map(JsonNode::asString).toList();
    }
}
