package dev.overcast.network.l3;

import static dev.overcast.network.l3.L3World.error;
import static dev.overcast.network.l3.L3World.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class FloatingIpApiTest {
    static final L3World world = new L3World();
    @RegisterExtension
    static final NetworkServer server = world.server;

    /** A project's network behind a router with a gateway on {@code ext}, and a port on it. */
    private record Reachable(L3Ports.SubnetInfo subnet, String routerId, L3Ports.PortInfo port) {
    }

    private Reachable reachable(ApiClient member, String project, L3Ports.NetworkInfo ext, String cidr) {
        var subnet = world.privateSubnet(project, cidr);
        String routerId = world.router(member, ext.id());
        world.attach(member, routerId, subnet.id());
        return new Reachable(subnet, routerId, world.port(project, subnet));
    }

    private static ApiClient.Reply create(ApiClient client, Map<String, Object> fip) {
        return client.post("/v2.0/floatingips", Map.of("floatingip", fip));
    }

    @Test
    void aFloatingIpTakesAnAddressOfTheExternalNetworkThroughAPortOfItsOwn() {
        var ext = world.external("172.30.0.0/24", false);

        var reply = create(server.member("u", "f1"), Map.of("floating_network_id", ext.id()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode fip = reply.json().get("floatingip");
        assertThat(fip.get("floating_ip_address").asString()).startsWith("172.30.0.").isNotEqualTo("172.30.0.1");
        assertThat(fip.get("floating_network_id").asString()).isEqualTo(ext.id());
        assertThat(fip.get("status").asString()).isEqualTo("DOWN");
        assertThat(fip.get("port_id").isNull()).isTrue();
        assertThat(fip.get("router_id").isNull()).isTrue();
        assertThat(fip.get("fixed_ip_address").isNull()).isTrue();
        assertThat(fip.get("port_details").isNull()).isTrue();
        assertThat(fip.get("project_id").asString()).isEqualTo("f1");
        assertThat(fip.get("dns_name").asString()).isEmpty();
        assertThat(fip.get("revision_number").asLong()).isZero();
        String id = fip.get("id").asString();
        assertThat(world.core.allPorts()).anySatisfy(p -> {
            assertThat(p.deviceOwner()).isEqualTo("network:floatingip");
            assertThat(p.deviceId()).isEqualTo(id);
            assertThat(p.fixedIps().getFirst().ipAddress()).isEqualTo(fip.get("floating_ip_address").asString());
        });
    }

    @Test
    void theFloatingNetworkMustBeNamedKnownAndExternal() {
        ApiClient member = server.member("u", "f2");
        var internal = world.privateSubnet("f2", "10.20.0.0/24");

        var missing = create(member, Map.of());
        var unknown = create(member, Map.of("floating_network_id", "1b3c1c2e-1111-4222-8333-944455556666"));
        var notExternal = create(member, Map.of("floating_network_id", internal.networkId()));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(error(missing)).isEqualTo(
                "Failed to parse request. Required attribute 'floating_network_id' not specified");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(errorType(unknown)).isEqualTo("NetworkNotFound");
        assertThat(notExternal.status()).isEqualTo(400);
        assertThat(error(notExternal)).isEqualTo("Bad floatingip request: Network " + internal.networkId()
                + " is not a valid external network.");
    }

    @Test
    void onlyAnAdminChoosesTheAddressAndATakenOneIsAConflict() {
        var ext = world.external("172.30.1.0/24", false);
        Map<String, Object> wanted = Map.of("floating_network_id", ext.id(), "floating_ip_address", "172.30.1.50");

        assertThat(create(server.member("u", "f3"), wanted).status()).isEqualTo(403);
        var first = create(server.admin(), wanted);
        var second = create(server.admin(), wanted);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().at("/floatingip/floating_ip_address").asString()).isEqualTo("172.30.1.50");
        assertThat(second.status()).isEqualTo(409);
        assertThat(errorType(second)).isEqualTo("IpAddressAlreadyAllocated");
    }

    @Test
    void associatingAtCreateFindsTheRouterAndShowsThePort() {
        ApiClient member = server.member("u", "f4");
        var ext = world.external("172.30.2.0/24", false);
        var net = reachable(member, "f4", ext, "10.24.0.0/24");

        var reply = create(member, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode fip = reply.json().get("floatingip");
        assertThat(fip.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(fip.get("router_id").asString()).isEqualTo(net.routerId());
        assertThat(fip.get("port_id").asString()).isEqualTo(net.port().id());
        assertThat(fip.get("fixed_ip_address").asString()).isEqualTo(net.port().fixedIps().getFirst().ipAddress());
        assertThat(fip.at("/port_details/network_id").asString()).isEqualTo(net.subnet().networkId());
        assertThat(fip.at("/port_details/mac_address").asString()).isEqualTo(net.port().macAddress());
    }

    @Test
    void aPortNoRouterConnectsToTheExternalNetworkCannotBeAssociated() {
        ApiClient member = server.member("u", "f5");
        var ext = world.external("172.30.3.0/24", false);
        var subnet = world.privateSubnet("f5", "10.25.0.0/24");
        var port = world.port("f5", subnet);
        String fipId = create(member, Map.of("floating_network_id", ext.id())).json().at("/floatingip/id").asString();

        var reply = member.put("/v2.0/floatingips/" + fipId, Map.of("floatingip", Map.of("port_id", port.id())));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(errorType(reply)).isEqualTo("ExternalGatewayForFloatingIPNotFound");
        assertThat(error(reply)).isEqualTo("External network " + ext.id() + " is not reachable from subnet "
                + subnet.id() + ".  Therefore, cannot associate Port " + port.id() + " with a Floating IP.");
    }

    @Test
    void aPortWithSeveralIpv4AddressesNeedsTheFixedIpNamed() {
        ApiClient member = server.member("u", "f6");
        var ext = world.external("172.30.4.0/24", false);
        var net = reachable(member, "f6", ext, "10.26.0.0/24");
        var twoIps = world.core.addPort("f6", net.subnet().networkId(), List.of(
                new L3Ports.FixedIpRequest(net.subnet().id(), "10.26.0.10"),
                new L3Ports.FixedIpRequest(net.subnet().id(), "10.26.0.11")));

        var vague = create(member, Map.of("floating_network_id", ext.id(), "port_id", twoIps.id()));
        var wrong = create(member, Map.of("floating_network_id", ext.id(), "port_id", twoIps.id(),
                "fixed_ip_address", "10.26.0.99"));
        var named = create(member, Map.of("floating_network_id", ext.id(), "port_id", twoIps.id(),
                "fixed_ip_address", "10.26.0.11"));

        assertThat(vague.status()).isEqualTo(400);
        assertThat(error(vague)).isEqualTo("Bad floatingip request: Port " + twoIps.id() + " has multiple fixed IPv4 "
                + "addresses.  Must provide a specific IPv4 address when assigning a floating IP.");
        assertThat(error(wrong)).isEqualTo("Bad floatingip request: Port " + twoIps.id()
                + " does not have fixed ip 10.26.0.99.");
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().at("/floatingip/fixed_ip_address").asString()).isEqualTo("10.26.0.11");
    }

    @Test
    void aFixedIpHasOneFloatingIpPerExternalNetwork() {
        ApiClient member = server.member("u", "f7");
        var ext = world.external("172.30.5.0/24", false);
        var net = reachable(member, "f7", ext, "10.27.0.0/24");
        create(member, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()));

        var second = create(member, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()));

        assertThat(second.status()).isEqualTo(409);
        assertThat(errorType(second)).isEqualTo("FloatingIPPortAlreadyAssociated");
    }

    @Test
    void concurrentAssociationsOfOneFixedIpLetExactlyOneWin() throws Exception {
        ApiClient member = server.member("u", "f8");
        var ext = world.external("172.30.6.0/24", false);
        var net = reachable(member, "f8", ext, "10.28.0.0/24");
        List<String> fips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fips.add(create(member, Map.of("floating_network_id", ext.id())).json().at("/floatingip/id").asString());
        }

        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (String id : fips) {
                Callable<Integer> associate = () -> member.put("/v2.0/floatingips/" + id,
                        Map.of("floatingip", Map.of("port_id", net.port().id()))).status();
                results.add(pool.submit(associate));
            }
            for (Future<Integer> r : results) {
                statuses.add(r.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409);
    }

    @Test
    void disassociatingClearsThePortAndTheRouter() {
        ApiClient member = server.member("u", "f9");
        var ext = world.external("172.30.7.0/24", false);
        var net = reachable(member, "f9", ext, "10.29.0.0/24");
        String id = create(member, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()))
                .json().at("/floatingip/id").asString();
        var payload = new HashMap<String, Object>();
        payload.put("port_id", null);

        var reply = member.put("/v2.0/floatingips/" + id, Map.of("floatingip", payload));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode fip = reply.json().get("floatingip");
        assertThat(fip.get("status").asString()).isEqualTo("DOWN");
        assertThat(fip.get("port_id").isNull()).isTrue();
        assertThat(fip.get("router_id").isNull()).isTrue();
        assertThat(fip.get("revision_number").asLong()).isEqualTo(1);
    }

    @Test
    void computeHearsWhenAServersPortGainsOrLosesAFloatingIp() {
        ApiClient member = server.member("u", "f19");
        var ext = world.external("172.30.16.0/24", false);
        var net = reachable(member, "f19", ext, "10.39.0.0/24");
        world.core.bind(net.port().id(), "server-19", "compute:nova");
        var unbound = world.port("f19", net.subnet());
        String expected = "server-19 " + net.port().id();

        String id = create(member, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()))
                .json().at("/floatingip/id").asString();
        assertThat(world.computeEvents).containsOnlyOnce(expected);
        member.put("/v2.0/floatingips/" + id, Map.of("floatingip", Map.of("description", "same port")));
        assertThat(world.computeEvents).containsOnlyOnce(expected);
        member.put("/v2.0/floatingips/" + id, Map.of("floatingip", Map.of("port_id", unbound.id())));
        assertThat(world.computeEvents).filteredOn(expected::equals).hasSize(2);
        member.put("/v2.0/floatingips/" + id, Map.of("floatingip", Map.of("port_id", net.port().id())));
        member.delete("/v2.0/floatingips/" + id);

        assertThat(world.computeEvents).filteredOn(expected::equals).hasSize(4);
        assertThat(world.computeEvents).noneMatch(e -> e.contains(unbound.id()));
    }

    @Test
    void deletingAFloatingIpFreesItsAddress() {
        ApiClient member = server.member("u", "f10");
        var ext = world.external("172.30.8.0/24", false);
        JsonNode fip = create(member, Map.of("floating_network_id", ext.id())).json().get("floatingip");
        String portId = world.core.allPorts().stream().filter(p -> p.deviceId().equals(fip.get("id").asString()))
                .findFirst().orElseThrow().id();

        assertThat(member.delete("/v2.0/floatingips/" + fip.get("id").asString()).status()).isEqualTo(204);

        assertThat(world.core.hasPort(portId)).isFalse();
        assertThat(member.get("/v2.0/floatingips/" + fip.get("id").asString()).status()).isEqualTo(404);
        var again = create(server.admin(), Map.of("floating_network_id", ext.id(),
                "floating_ip_address", fip.get("floating_ip_address").asString()));
        assertThat(again.status()).isEqualTo(201);
    }

    @Test
    void deletingTheAssociatedPortDisassociatesTheFloatingIp() {
        ApiClient member = server.member("u", "f11");
        var ext = world.external("172.30.9.0/24", false);
        var net = reachable(member, "f11", ext, "10.31.0.0/24");
        String id = create(member, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()))
                .json().at("/floatingip/id").asString();

        server.jdbi().useTransaction(h -> {
            world.portEvents().checkDeletable(h, net.port().id());
            world.core.removePort(net.port().id());
            world.portEvents().portDeleted(h, net.port().id());
        });

        JsonNode fip = member.get("/v2.0/floatingips/" + id).json().get("floatingip");
        assertThat(fip.get("status").asString()).isEqualTo("DOWN");
        assertThat(fip.get("port_id").isNull()).isTrue();
    }

    @Test
    void floatingIpsKeepTheRoutersGatewayAndInterface() {
        ApiClient member = server.member("u", "f12");
        var ext = world.external("172.30.10.0/24", false);
        var net = reachable(member, "f12", ext, "10.32.0.0/24");
        create(member, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()));

        var clearGateway = member.put("/v2.0/routers/" + net.routerId(),
                Map.of("router", Map.of("external_gateway_info", Map.of())));
        var removeInterface = member.put("/v2.0/routers/" + net.routerId() + "/remove_router_interface",
                Map.of("subnet_id", net.subnet().id()));

        assertThat(clearGateway.status()).isEqualTo(409);
        assertThat(errorType(clearGateway)).isEqualTo("RouterExternalGatewayInUseByFloatingIp");
        assertThat(removeInterface.status()).isEqualTo(409);
        assertThat(error(removeInterface)).isEqualTo("Router interface for subnet " + net.subnet().id()
                + " on router " + net.routerId() + " cannot be deleted, as it is required by one or more floating IPs.");
    }

    @Test
    void anotherProjectsFloatingIpIsNotFoundAndItsPortsAreNotOurs() {
        ApiClient owner = server.member("u", "f13");
        var ext = world.external("172.30.11.0/24", false);
        var net = reachable(owner, "f13", ext, "10.33.0.0/24");
        String id = create(owner, Map.of("floating_network_id", ext.id())).json().at("/floatingip/id").asString();
        ApiClient stranger = server.member("v", "f14");

        assertThat(stranger.get("/v2.0/floatingips/" + id).status()).isEqualTo(404);
        assertThat(error(stranger.get("/v2.0/floatingips/" + id))).isEqualTo("Floating IP " + id + " could not be found");
        assertThat(stranger.delete("/v2.0/floatingips/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/v2.0/floatingips").json().get("floatingips")).isEmpty();
        var theirs = create(stranger, Map.of("floating_network_id", ext.id(), "port_id", net.port().id()));
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(errorType(theirs)).isEqualTo("PortNotFound");
        assertThat(server.admin().get("/v2.0/floatingips?project_id=f13").json().get("floatingips")).hasSize(1);
    }

    @Test
    void anExhaustedExternalNetworkRefusesMoreFloatingIps() {
        var ext = world.external("172.30.12.0/29", false);
        ApiClient member = server.member("u", "f15");
        int created = 0;
        ApiClient.Reply last;
        do {
            last = create(member, Map.of("floating_network_id", ext.id()));
            created += last.status() == 201 ? 1 : 0;
        } while (last.status() == 201 && created < 10);

        // A /29 has six host addresses, one of them the gateway.
        assertThat(created).isEqualTo(5);
        assertThat(last.status()).isEqualTo(409);
        assertThat(errorType(last)).isEqualTo("IpAddressGenerationFailure");
    }

    @Test
    void theFloatingIpQuotaIsCheckedOnCreate() {
        var ext = world.external("172.30.13.0/24", false);
        world.quotas.limit("floatingip", 1);
        try {
            ApiClient member = server.member("u", "f16");
            assertThat(create(member, Map.of("floating_network_id", ext.id())).status()).isEqualTo(201);
            var over = create(member, Map.of("floating_network_id", ext.id()));
            assertThat(over.status()).isEqualTo(409);
            assertThat(error(over)).isEqualTo("Quota exceeded for resources: ['floatingip'].");
        } finally {
            world.quotas.clear();
        }
    }

    @Test
    void poolsListTheIpv4SubnetsOfExternalNetworks() {
        var ext = world.external("172.30.14.0/24", false);

        var reply = server.member("u", "f17").get("/v2.0/floatingip_pools?network_id=" + ext.id());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode pool = reply.json().at("/floatingip_pools/0");
        assertThat(pool.get("subnet_id").asString()).isEqualTo(ext.subnetIds().getFirst());
        assertThat(pool.get("cidr").asString()).isEqualTo("172.30.14.0/24");
    }

    @Test
    void readOnlyAndMalformedAttributesAreBadRequests() {
        ApiClient member = server.member("u", "f18");
        var ext = world.external("172.30.15.0/24", false);
        String id = create(member, Map.of("floating_network_id", ext.id())).json().at("/floatingip/id").asString();

        var readOnly = member.put("/v2.0/floatingips/" + id, Map.of("floatingip", Map.of("floating_ip_address", "1.2.3.4")));
        var badPort = member.put("/v2.0/floatingips/" + id, Map.of("floatingip", Map.of("port_id", "nope")));
        var badIp = create(member, Map.of("floating_network_id", ext.id(), "floating_ip_address", "300.1.1.1"));
        var description = member.put("/v2.0/floatingips/" + id, Map.of("floatingip", Map.of("description", "web")));

        assertThat(error(readOnly)).isEqualTo("Cannot update read-only attribute floating_ip_address");
        assertThat(error(badPort)).isEqualTo("Invalid input for port_id. Reason: 'nope' is not a valid UUID.");
        assertThat(error(badIp)).isEqualTo("Invalid input for floating_ip_address. Reason: '300.1.1.1' is not a valid "
                + "IP address.");
        assertThat(description.json().at("/floatingip/description").asString()).isEqualTo("web");
    }
}
