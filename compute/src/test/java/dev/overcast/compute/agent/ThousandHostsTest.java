package dev.overcast.compute.agent;

import dev.overcast.compute.instances.PowerState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.virt.InstanceFlavor;
import dev.overcast.compute.virt.InstanceSpec;

/** One agent simulating a thousand hosts, as the scale benchmark runs it. */
class ThousandHostsTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static ComputeAgent agent;

    @BeforeAll
    static void start() {
        agent = server.startAgent(1000);
    }

    @Test
    void aThousandHostsAreServicesNodesProvidersAndMappedToTheirCell() {
        assertThat(agent.hosts()).hasSize(1000);
        assertThat(agent.nodes()).hasSize(1000);
        var providers = server.placementAdmin().get("/resource_providers").json().get("resource_providers");
        assertThat(providers).hasSize(1000);
        assertThat(server.context().cells().hosts().cellOf("compute1000")).hasValueSatisfying(c ->
                assertThat(c.name()).isEqualTo("cell1"));
    }

    @Test
    void everyHostAnswersOnTheBusAndReportsItsUsage() {
        AgentClient client = new AgentClient(server.bus(), Duration.ofSeconds(10));
        for (int i = 1; i <= 1000; i++) {
            InstanceSpec vm = new InstanceSpec(UUID.randomUUID().toString(), "vm" + i,
                    new InstanceFlavor(1, 512, 1, 0, 0), null, null, null, Map.of());
            assertThat(client.spawn("compute" + i, null, vm)).isEqualTo(PowerState.RUNNING);
        }

        agent.reportNow();

        var nodes = new dev.overcast.compute.hypervisors.ComputeNodes(server.context().cells().db(
                server.context().cells().buildable().getFirst()), server.context().clock()).all();
        assertThat(nodes).hasSize(1000).allSatisfy(n -> assertThat(n.runningVms()).isEqualTo(1));
    }
}
