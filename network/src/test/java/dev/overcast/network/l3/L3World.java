package dev.overcast.network.l3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A Network server with only the l3 feature, over a {@link FakeCore} and a {@link TestQuota}, and
 * the set-ups the l3 tests share: an external network, a project's network with a subnet, ports.
 */
final class L3World {
    final FakeCore core = new FakeCore();
    final TestQuota quotas = new TestQuota();
    /** What Compute was told: "server port" per changed port. */
    final List<String> computeEvents = new CopyOnWriteArrayList<>();
    private volatile L3Feature feature;
    final NetworkServer server = new NetworkServer(ctx -> {
        feature = new L3Feature(ctx, core, quotas, (serverId, portId, deleted) ->
                computeEvents.add(serverId + " " + portId + (deleted ? " deleted" : "")));
        return List.of(feature);
    });

    /** The server's l3 feature, for what the ports feature will call ({@link L3Feature#portEvents()}). */
    L3PortEvents portEvents() {
        return feature.portEvents();
    }

    /** An external network (owned by admin) with one IPv4 subnet; its gateway is the .1 address. */
    L3Ports.NetworkInfo external(String cidr, boolean isDefault) {
        L3Ports.NetworkInfo net = core.addNetwork("admin", "public", true, false, isDefault);
        core.addSubnet(net.id(), cidr, gateway(cidr));
        return core.network(null, net.id());
    }

    /** A project's network with one subnet whose gateway is the .1 address. */
    L3Ports.SubnetInfo privateSubnet(String project, String cidr) {
        L3Ports.NetworkInfo net = core.addNetwork(project, "private", false, false, false);
        return core.addSubnet(net.id(), cidr, gateway(cidr));
    }

    /** A router of the client's project, optionally with a gateway; its id. */
    String router(ApiClient client, String externalNetworkId) {
        Map<String, Object> body = externalNetworkId == null ? Map.of("name", "r")
                : Map.of("name", "r", "external_gateway_info", Map.of("network_id", externalNetworkId));
        ApiClient.Reply reply = client.post("/v2.0/routers", Map.of("router", body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().at("/router/id").asString();
    }

    void attach(ApiClient client, String routerId, String subnetId) {
        ApiClient.Reply reply = client.put("/v2.0/routers/" + routerId + "/add_router_interface",
                Map.of("subnet_id", subnetId));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** A user port on the subnet's network with one address from it. */
    L3Ports.PortInfo port(String project, L3Ports.SubnetInfo subnet) {
        return core.addPort(project, subnet.networkId(), List.of(new L3Ports.FixedIpRequest(subnet.id(), null)));
    }

    static String gateway(String cidr) {
        String base = cidr.substring(0, cidr.indexOf('/'));
        return base.substring(0, base.lastIndexOf('.')) + "." + (Integer.parseInt(base.substring(base.lastIndexOf('.') + 1)) + 1);
    }

    static String error(ApiClient.Reply reply) {
        return reply.json().at("/NeutronError/message").asString();
    }

    static String errorType(ApiClient.Reply reply) {
        return reply.json().at("/NeutronError/type").asString();
    }

    static JsonNode body(ApiClient.Reply reply) {
        return reply.json();
    }
}
