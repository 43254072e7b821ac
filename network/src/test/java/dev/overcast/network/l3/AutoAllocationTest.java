package dev.overcast.network.l3;

import static dev.overcast.network.l3.L3World.error;
import static dev.overcast.network.l3.L3World.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;

/** The first tests run before the deployment has a default external network; the rest after. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoAllocationTest {
    static final L3World world = new L3World();
    @RegisterExtension
    static final NetworkServer server = world.server;

    @Test
    @Order(1)
    void withoutADefaultExternalNetworkItIsADeploymentError() {
        world.external("172.31.0.0/24", false);

        var reply = server.member("u", "a1").get("/v2.0/auto-allocated-topology/a1");
        var dryRun = server.member("u", "a1").get("/v2.0/auto-allocated-topology/a1?fields=dry-run");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(errorType(reply)).isEqualTo("AutoAllocationFailure");
        assertThat(error(reply)).isEqualTo("Deployment error: No default router:external network.");
        assertThat(dryRun.status()).isEqualTo(409);
        assertThat(world.core.allPorts()).isEmpty();
    }

    @Test
    @Order(2)
    void aDryRunOnlyChecksTheRequirements() {
        world.external("172.31.1.0/24", true);

        var reply = server.member("u", "a2").get("/v2.0/auto-allocated-topology/a2?fields=dry-run");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/auto_allocated_topology/id").asString()).isEqualTo("dry-run=pass");
        assertThat(reply.json().at("/auto_allocated_topology/tenant_id").asString()).isEqualTo("a2");
        assertThat(world.core.allPorts()).isEmpty();
    }

    @Test
    @Order(3)
    void theFirstRequestBuildsANetworkBehindARouterAndLaterOnesAnswerIt() {
        ApiClient member = server.member("u", "a3");

        var first = member.get("/v2.0/auto-allocated-topology/a3");
        var second = member.get("/v2.0/auto-allocated-topology/None");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String networkId = first.json().at("/auto_allocated_topology/id").asString();
        assertThat(first.json().at("/auto_allocated_topology/project_id").asString()).isEqualTo("a3");
        assertThat(second.json().at("/auto_allocated_topology/id").asString()).isEqualTo(networkId);
        var network = world.core.network(null, networkId);
        assertThat(network.name()).isEqualTo("auto_allocated_network");
        assertThat(network.projectId()).isEqualTo("a3");
        var subnet = world.core.subnet(null, network.subnetIds().getFirst());
        assertThat(subnet.name()).isEqualTo("auto_allocated_subnet_v4");
        assertThat(subnet.cidr()).isEqualTo(AutoAllocation.cidrFor("a3")).endsWith("/26").startsWith("10.");
        var routers = member.get("/v2.0/routers").json().get("routers");
        assertThat(routers).hasSize(1);
        assertThat(routers.get(0).get("name").asString()).isEqualTo("auto_allocated_router");
        assertThat(routers.get(0).at("/external_gateway_info/network_id").asString())
                .isEqualTo(world.core.defaultExternalNetwork(null).id());
        assertThat(world.core.allPorts()).anySatisfy(p -> {
            assertThat(p.deviceOwner()).isEqualTo("network:router_interface");
            assertThat(p.fixedIps().getFirst().ipAddress()).isEqualTo(subnet.gatewayIp());
        });
    }

    @Test
    @Order(4)
    void concurrentFirstRequestsBuildOneTopology() throws Exception {
        ApiClient member = server.member("u", "a4");
        List<Future<ApiClient.Reply>> replies = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> member.get("/v2.0/auto-allocated-topology/a4")));
            }
        }

        List<String> ids = new ArrayList<>();
        for (Future<ApiClient.Reply> reply : replies) {
            assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
            ids.add(reply.get().json().at("/auto_allocated_topology/id").asString());
        }
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(member.get("/v2.0/routers").json().get("routers")).hasSize(1);
        assertThat(world.core.allPorts()).filteredOn(p -> p.deviceOwner().equals("network:router_interface")
                && p.projectId().equals("a4")).hasSize(1);
    }

    @Test
    @Order(5)
    void aMemberAsksOnlyForItsOwnProjectAndAnAdminForAny() {
        var other = server.member("u", "a5").get("/v2.0/auto-allocated-topology/someone-else");
        var byAdmin = server.admin().get("/v2.0/auto-allocated-topology/a6");

        assertThat(other.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().at("/auto_allocated_topology/tenant_id").asString()).isEqualTo("a6");
    }

    @Test
    @Order(6)
    void deletingTheTopologyRemovesItsRouterAndNetwork() {
        ApiClient member = server.member("u", "a7");
        String networkId = member.get("/v2.0/auto-allocated-topology/a7").json()
                .at("/auto_allocated_topology/id").asString();

        assertThat(member.delete("/v2.0/auto-allocated-topology/a7").status()).isEqualTo(204);

        assertThat(world.core.hasNetwork(networkId)).isFalse();
        assertThat(member.get("/v2.0/routers").json().get("routers")).isEmpty();
        assertThat(world.core.allPorts()).noneMatch(p -> p.networkId().equals(networkId));
        assertThat(member.delete("/v2.0/auto-allocated-topology/a7").status()).isEqualTo(204);
        String again = member.get("/v2.0/auto-allocated-topology/a7").json()
                .at("/auto_allocated_topology/id").asString();
        assertThat(again).isNotEqualTo(networkId);
    }

    @Test
    @Order(7)
    void aTopologyWhoseNetworkIsInUseIsNotDeletedAtAll() {
        ApiClient member = server.member("u", "a8");
        String networkId = member.get("/v2.0/auto-allocated-topology/a8").json()
                .at("/auto_allocated_topology/id").asString();
        var subnet = world.core.subnet(null, world.core.network(null, networkId).subnetIds().getFirst());
        world.core.bind(world.port("a8", subnet).id(), "server-1", "compute:nova");

        var reply = member.delete("/v2.0/auto-allocated-topology/a8");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(errorType(reply)).isEqualTo("NetworkInUse");
        assertThat(member.get("/v2.0/routers").json().get("routers")).hasSize(1);
        assertThat(member.get("/v2.0/auto-allocated-topology/a8").json().at("/auto_allocated_topology/id").asString())
                .isEqualTo(networkId);
    }

    @Test
    @Order(8)
    void otherFieldsAreRefusedAndAReaderMayNotDelete() {
        var fields = server.member("u", "a9").get("/v2.0/auto-allocated-topology/a9?fields=id");

        assertThat(fields.status()).isEqualTo(400);
        assertThat(error(fields)).isEqualTo("Bad auto_allocate request: Unrecognized field.");
        assertThat(server.reader("r", "a9").delete("/v2.0/auto-allocated-topology/a9").status()).isEqualTo(403);
    }
}
