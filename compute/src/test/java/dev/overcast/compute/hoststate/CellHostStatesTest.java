package dev.overcast.compute.hoststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.ComputeSettings;
import dev.overcast.compute.agent.AgentClient;
import dev.overcast.compute.agent.ComputeAgent;
import dev.overcast.compute.placement.BusPlacementClient;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.compute.scheduler.Flavor;
import dev.overcast.compute.scheduler.HostState;
import dev.overcast.compute.scheduler.RequestSpec;
import dev.overcast.compute.scheduler.ScheduleResult;
import dev.overcast.compute.scheduler.Scheduled;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.scheduler.SchedulerSettings;
import dev.overcast.compute.services.HostAggregates;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.compute.virt.InstanceFlavor;
import dev.overcast.compute.virt.InstanceSpec;
import dev.overcast.compute.instances.PowerState;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.testkit.MutableClock;

/** The scheduler's view of the hosts an agent registered, and the scheduler placing on them. */
class CellHostStatesTest {
    static final MutableClock clock = MutableClock.startingNow();
    static final ComputeSettings settings = new ComputeSettings("nova", Duration.ofSeconds(10), 3,
            Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1));
    @RegisterExtension
    static final ComputeServer server = new ComputeServer(clock, settings);
    static final Aggregate RACK = new Aggregate(1, UUID.randomUUID().toString(), "rack1",
            Map.of("availability_zone", "az1"));
    static ComputeAgent agent;
    static Jdbi cell1;

    @BeforeAll
    static void start() {
        agent = server.startAgent("cell1", FakeDriver.builder().hosts("hs", 3).capacity(8, 16384, 200).build());
        cell1 = server.context().cells().db(server.context().cells().buildable().getFirst());
    }

    static CellHostStates states() {
        HostAggregates membership = host -> host.equals("hs1") ? List.of(RACK) : List.of();
        return new CellHostStates(server.context(), () -> List.of(RACK), membership, Duration.ZERO);
    }

    static String instance(String host, String node, String taskState) {
        String uuid = UUID.randomUUID().toString();
        cell1.useHandle(h -> h.createUpdate("insert into instances (uuid, project_id, user_id, host, node, flavor, "
                        + "vm_state, task_state, created_at) values (:uuid, 'p1', 'u1', :host, :node, '{}', 'active', "
                        + ":task, :now)")
                .bind("uuid", uuid).bind("host", host).bind("node", node).bind("task", taskState)
                .bind("now", clock.instant()).execute());
        return uuid;
    }

    @Test
    void aNodeIsItsRowWithPlacementsRatiosItsInstancesItsServiceAndItsAggregates() {
        String building = instance("hs1", "hs1", "spawning");
        String active = instance("hs1", "hs1", null);
        String noNodeYet = instance("hs1", null, null);
        instance("hs2", "hs2", null);

        HostState hs1 = states().nodesOf("hs1").getFirst();
        var row = new dev.overcast.compute.hypervisors.ComputeNodes(cell1, clock).byHost("hs1").getFirst();

        assertThat(hs1.uuid()).isEqualTo(agent.nodes().get("hs1").uuid());
        assertThat(hs1.node()).isEqualTo("hs1");
        assertThat(hs1.vcpus().total()).isEqualTo(8);
        assertThat(hs1.vcpus().allocationRatio()).isEqualTo(4.0);
        assertThat(hs1.freeVcpus()).isEqualTo(32 - row.vcpusUsed());
        assertThat(hs1.ramMb().used()).isEqualTo(row.memoryMbUsed()).isGreaterThanOrEqualTo(512);
        assertThat(hs1.freeRamMb()).isEqualTo(16384 - row.memoryMbUsed());
        assertThat(hs1.freeDiskGb()).isEqualTo(200 - row.localGbUsed());
        assertThat(hs1.instanceUuids()).containsExactlyInAnyOrder(building, active, noNodeYet);
        assertThat(hs1.numIoOps()).isEqualTo(1);
        assertThat(hs1.service().enabled()).isTrue();
        assertThat(hs1.service().up()).isTrue();
        assertThat(hs1.hypervisorType()).isEqualTo("fake");
        assertThat(hs1.cpuArch()).isEqualTo("x86_64");
        assertThat(hs1.capabilities()).containsEntry("cpu_info:vendor", "Intel");
        assertThat(hs1.aggregates()).containsExactly(RACK);
        assertThat(states().nodesOf("hs3").getFirst().aggregates()).isEmpty();
    }

    @Test
    void statesAreFoundByProviderUuidAndUnknownOnesLeftOut() {
        String hs2 = agent.nodes().get("hs2").uuid();
        String hs3 = agent.nodes().get("hs3").uuid();

        Map<String, HostState> found = states().byProviderUuid(List.of(hs2, hs3, UUID.randomUUID().toString()));

        assertThat(found).containsOnlyKeys(hs2, hs3);
        assertThat(found.get(hs3).host()).isEqualTo("hs3");
        assertThat(states().aggregates()).containsExactly(RACK);
    }

    @Test
    void aDecisionLooksStatesUpInAReadOnlyViewWithoutACopy() {
        String hs2 = agent.nodes().get("hs2").uuid();

        Map<String, HostState> view = states().forDecision(List.of(hs2));

        assertThat(view.get(hs2).host()).isEqualTo("hs2");
        assertThat(view.get(UUID.randomUUID().toString())).isNull();
        assertThatThrownBy(() -> view.remove(hs2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDisabledServiceIsDisabledAndAServiceThatStoppedReportingIsDown() {
        ServiceRecords records = new ServiceRecords(cell1, clock, settings.serviceDownTime());
        ServiceRecord hs3 = records.byHostAndBinary("hs3", ServiceRecord.COMPUTE).orElseThrow();
        records.setDisabled(hs3.id(), true, "broken fan");
        try {
            HostState state = states().nodesOf("hs3").getFirst();
            assertThat(state.service().enabled()).isFalse();
            assertThat(state.service().disabledReason()).isEqualTo("broken fan");

            clock.advance(settings.serviceDownTime().plusSeconds(1));
            assertThat(states().nodesOf("hs3").getFirst().service().up()).isFalse();
        } finally {
            records.setDisabled(hs3.id(), false, null);
            agent.reportNow();
        }
    }

    @Test
    void aSnapshotServesCallsUntilItIsOlderThanItsMaxAge() {
        AtomicLong ticker = new AtomicLong();
        CellHostStates cached = new CellHostStates(server.context(), List::of, HostAggregates.NONE,
                Duration.ofSeconds(1), ticker::get);
        int before = cached.nodesOf("hs2").getFirst().numInstances();
        instance("hs2", "hs2", null);

        assertThat(cached.nodesOf("hs2").getFirst().numInstances()).isEqualTo(before);
        ticker.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cached.nodesOf("hs2").getFirst().numInstances()).isEqualTo(before + 1);
        instance("hs2", "hs2", null);
        cached.invalidate();
        assertThat(cached.nodesOf("hs2").getFirst().numInstances()).isEqualTo(before + 2);
    }

    @Test
    void theSchedulerPlacesOnTheAgentsHostsAndClaimsInPlacement() {
        Scheduler scheduler = new Scheduler(new BusPlacementClient(server.bus(), Duration.ofSeconds(10)),
                new CellHostStates(server.context(), List::of), SchedulerSettings.defaults(), new SplittableRandom(7));
        String uuid = UUID.randomUUID().toString();

        ScheduleResult result = scheduler.select(RequestSpec.of(Flavor.of("m1.small", 2, 2048, 20), "p1", uuid),
                List.of(uuid));

        assertThat(result).isInstanceOf(Scheduled.class);
        HostState chosen = ((Scheduled) result).instances().getFirst().host().host();
        assertThat(chosen.host()).startsWith("hs");
        var allocations = server.placementAdmin().get("/allocations/" + uuid).json().get("allocations");
        assertThat(allocations.get(chosen.uuid()).at("/resources/VCPU").asLong()).isEqualTo(2);
        PowerState state = new AgentClient(server.bus(), Duration.ofSeconds(10)).spawn(chosen.host(), chosen.node(),
                new InstanceSpec(uuid, "instance-00000009", new InstanceFlavor(2, 2048, 20, 0, 0), null, null, null,
                        Map.of()));
        assertThat(state).isEqualTo(PowerState.RUNNING);
    }
}
