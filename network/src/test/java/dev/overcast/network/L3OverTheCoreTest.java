package dev.overcast.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Routers, floating IPs and auto-allocated topologies over the real core, as the all-in-one
 * wires them: their ports come from the core's IPAM, the ports API refuses to delete them, and
 * Compute hears when a server's port gains a floating IP.
 */
class L3OverTheCoreTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static String id(ApiClient.Reply reply, String resource) {
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return reply.json().path(resource).path("id").asString();
    }

    private static String externalNetwork(String name, String cidr, boolean isDefault) {
        ApiClient admin = server.admin();
        String net = id(admin.post("/v2.0/networks", Map.of("network", Map.of("name", name, "router:external", true,
                "is_default", isDefault))), "network");
        id(admin.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", net, "ip_version", 4, "cidr", cidr))),
                "subnet");
        return net;
    }

    @Test
    void aFloatingIpReachesAServerPortThroughARouterAndComputeHearsOfIt() {
        String external = externalNetwork("public", "172.24.4.0/24", false);
        ApiClient member = server.member("u", "p-fip");
        String net = id(member.post("/v2.0/networks", Map.of("network", Map.of("name", "private"))), "network");
        String subnet = id(member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", net, "ip_version", 4,
                "cidr", "10.20.0.0/24"))), "subnet");
        String router = id(member.post("/v2.0/routers", Map.of("router", Map.of("name", "r",
                "external_gateway_info", Map.of("network_id", external)))), "router");
        var added = member.put("/v2.0/routers/" + router + "/add_router_interface", Map.of("subnet_id", subnet));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        String interfacePort = added.json().path("port_id").asString();
        assertThat(member.get("/v2.0/ports/" + interfacePort).json().at("/port/fixed_ips/0/ip_address").asString())
                .isEqualTo("10.20.0.1");
        var refused = member.delete("/v2.0/ports/" + interfacePort);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/NeutronError/type").asString()).isEqualTo("ServicePortInUse");
        assertThat(server.admin().delete("/v2.0/networks/" + external).status())
                .as("a router's gateway keeps its network").isEqualTo(409);

        String port = id(server.admin().post("/v2.0/ports", Map.of("port", Map.of("network_id", net,
                "project_id", "p-fip", "device_id", "server-1", "device_owner", "compute:nova"))), "port");
        var fip = member.post("/v2.0/floatingips", Map.of("floatingip", Map.of("floating_network_id", external,
                "port_id", port)));
        assertThat(fip.status()).as(fip.body()).isEqualTo(201);
        assertThat(fip.json().at("/floatingip/floating_ip_address").asString()).startsWith("172.24.4.");
        assertThat(fip.json().at("/floatingip/router_id").asString()).isEqualTo(router);
        assertThat(server.portEvents()).contains("network-changed server-1 " + port);

        assertThat(server.admin().delete("/v2.0/ports/" + port).status()).isEqualTo(204);
        String fipId = fip.json().at("/floatingip/id").asString();
        var after = member.get("/v2.0/floatingips/" + fipId).json().path("floatingip");
        assertThat(after.path("port_id").isNull()).as("the deleted port's floating IP is let go").isTrue();
        assertThat(server.portEvents()).contains("network-vif-deleted server-1 " + port);
    }

    /** Runs {@code calls} at once; returns their replies in order. */
    private static List<ApiClient.Reply> atOnce(List<Callable<ApiClient.Reply>> calls) throws Exception {
        List<ApiClient.Reply> replies = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiClient.Reply>> futures = new ArrayList<>();
            for (Callable<ApiClient.Reply> call : calls) {
                futures.add(pool.submit(call));
            }
            for (Future<ApiClient.Reply> f : futures) {
                replies.add(f.get());
            }
        }
        return replies;
    }

    @Test
    void floatingIpsAndRouterGatewaysCreatedAtOnceAllGetAnAddressOfTheirOwn() throws Exception {
        String external = externalNetwork("public-race", "172.26.0.0/24", false);
        ApiClient member = server.member("u", "p-race");
        List<Callable<ApiClient.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // a project may have 10 routers
            calls.add(() -> member.post("/v2.0/floatingips", Map.of("floatingip",
                    Map.of("floating_network_id", external))));
            calls.add(() -> member.post("/v2.0/floatingips", Map.of("floatingip",
                    Map.of("floating_network_id", external))));
            int n = i;
            calls.add(() -> member.post("/v2.0/routers", Map.of("router", Map.of("name", "r" + n,
                    "external_gateway_info", Map.of("network_id", external)))));
        }

        List<ApiClient.Reply> replies = atOnce(calls);

        List<String> addresses = new ArrayList<>();
        for (ApiClient.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            JsonNode body = reply.json();
            addresses.add(body.has("floatingip") ? body.at("/floatingip/floating_ip_address").asString()
                    : body.at("/router/external_gateway_info/external_fixed_ips/0/ip_address").asString());
        }
        assertThat(addresses).hasSize(24).doesNotHaveDuplicates().allMatch(a -> a.startsWith("172.26.0."));
    }

    @Test
    void anAutoAllocatedTopologyIsMadeOnFirstUseOnTheDefaultExternalNetwork() {
        externalNetwork("public-default", "172.25.0.0/24", true);
        ApiClient member = server.member("u", "p-auto");
        var topology = member.get("/v2.0/auto-allocated-topology/p-auto");
        assertThat(topology.status()).as(topology.body()).isEqualTo(200);
        String net = topology.json().at("/auto_allocated_topology/id").asString();
        assertThat(member.get("/v2.0/auto-allocated-topology/p-auto").json().at("/auto_allocated_topology/id")
                .asString()).isEqualTo(net);
        assertThat(member.get("/v2.0/subnets?network_id=" + net).json().path("subnets").size()).isEqualTo(1);
        assertThat(member.get("/v2.0/routers").json().path("routers").size()).isEqualTo(1);
        var port = member.post("/v2.0/ports", Map.of("port", Map.of("network_id", net)));
        assertThat(port.status()).as(port.body()).isEqualTo(201);
        assertThat(member.delete("/v2.0/ports/" + port.json().at("/port/id").asString()).status()).isEqualTo(204);
        assertThat(member.delete("/v2.0/auto-allocated-topology/p-auto").status()).isEqualTo(204);
        assertThat(member.get("/v2.0/networks/" + net).status()).isEqualTo(404);
    }
}
