package dev.overcast.network.l3;

import static dev.overcast.network.l3.L3World.error;
import static dev.overcast.network.l3.L3World.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class RouterInterfaceTest {
    static final L3World world = new L3World();
    @RegisterExtension
    static final NetworkServer server = world.server;

    @Test
    void addingASubnetMakesAPortAtItsGatewayAddress() {
        ApiClient member = server.member("u", "i1");
        var subnet = world.privateSubnet("i1", "10.1.0.0/24");
        String routerId = world.router(member, null);

        var reply = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", subnet.id()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode info = reply.json();
        assertThat(info.get("id").asString()).isEqualTo(routerId);
        assertThat(info.get("subnet_id").asString()).isEqualTo(subnet.id());
        assertThat(info.get("subnet_ids")).extracting(JsonNode::asString).containsExactly(subnet.id());
        assertThat(info.get("network_id").asString()).isEqualTo(subnet.networkId());
        assertThat(info.get("project_id").asString()).isEqualTo("i1");
        assertThat(info.get("tenant_id").asString()).isEqualTo("i1");
        assertThat(info.get("tags").isArray()).isTrue();
        var port = world.core.port(null, info.get("port_id").asString());
        assertThat(port.deviceOwner()).isEqualTo("network:router_interface");
        assertThat(port.deviceId()).isEqualTo(routerId);
        assertThat(port.fixedIps()).containsExactly(new L3Ports.FixedIp(subnet.id(), "10.1.0.1"));
    }

    @Test
    void aSubnetWithoutAGatewayCannotBeAttached() {
        ApiClient member = server.member("u", "i2");
        var net = world.core.addNetwork("i2", "n", false, false, false);
        var subnet = world.core.addSubnet(net.id(), "10.2.0.0/24", null);
        String routerId = world.router(member, null);

        var reply = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", subnet.id()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).isEqualTo("Bad router request: Subnet for router interface must have a gateway IP.");
    }

    @Test
    void aSubnetIsAttachedOnceAndOverlappingSubnetsNotAtAll() {
        ApiClient member = server.member("u", "i3");
        var subnet = world.privateSubnet("i3", "10.3.0.0/24");
        var overlapping = world.privateSubnet("i3", "10.3.0.0/16");
        String routerId = world.router(member, null);
        world.attach(member, routerId, subnet.id());

        var again = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", subnet.id()));
        var overlap = member.put("/v2.0/routers/" + routerId + "/add_router_interface",
                Map.of("subnet_id", overlapping.id()));

        assertThat(again.status()).isEqualTo(400);
        assertThat(error(again)).isEqualTo("Bad router request: Router already has a port on subnet " + subnet.id() + ".");
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(error(overlap)).isEqualTo("Bad router request: Cidr 10.3.0.0/16 of subnet " + overlapping.id()
                + " overlaps with cidr 10.3.0.0/24 of subnet " + subnet.id() + ".");
    }

    @Test
    void anUnboundPortCanBeAttachedButABoundOneIsInUse() {
        ApiClient member = server.member("u", "i4");
        var subnet = world.privateSubnet("i4", "10.4.0.0/24");
        var port = world.port("i4", subnet);
        var bound = world.core.addPort("i4", subnet.networkId(), List.of());
        world.core.bind(bound.id(), "server-1", "compute:nova");
        String routerId = world.router(member, null);

        var reply = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("port_id", port.id()));
        var inUse = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("port_id", bound.id()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("port_id").asString()).isEqualTo(port.id());
        assertThat(world.core.port(null, port.id()).deviceOwner()).isEqualTo("network:router_interface");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(errorType(inUse)).isEqualTo("PortInUse");
        assertThat(error(inUse)).isEqualTo("Unable to complete operation on port " + bound.id() + " for network "
                + subnet.networkId() + ". Port already has an attached device server-1.");
    }

    @Test
    void theInterfaceActionsNeedExactlyOneOfSubnetAndPort() {
        ApiClient member = server.member("u", "i5");
        String routerId = world.router(member, null);
        String uuid = "5b3c1c2e-1111-4222-8333-944455556666";

        var neither = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of());
        var both = member.put("/v2.0/routers/" + routerId + "/add_router_interface",
                Map.of("port_id", uuid, "subnet_id", uuid));
        var notUuid = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", "x"));

        assertThat(error(neither)).isEqualTo("Bad router request: Either subnet_id or port_id must be specified.");
        assertThat(error(both)).isEqualTo("Bad router request: Cannot specify both subnet-id and port-id.");
        assertThat(notUuid.status()).isEqualTo(400);
    }

    @Test
    void anotherProjectsSubnetOrPortIsNotFound() {
        ApiClient member = server.member("u", "i6");
        var theirs = world.privateSubnet("other", "10.6.0.0/24");
        var theirPort = world.port("other", theirs);
        String routerId = world.router(member, null);

        var bySubnet = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", theirs.id()));
        var byPort = member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("port_id", theirPort.id()));

        assertThat(bySubnet.status()).isEqualTo(404);
        assertThat(errorType(bySubnet)).isEqualTo("SubnetNotFound");
        assertThat(byPort.status()).isEqualTo(404);
        assertThat(errorType(byPort)).isEqualTo("PortNotFound");
    }

    @Test
    void aRouterWithInterfacesIsInUseUntilTheyAreRemoved() {
        ApiClient member = server.member("u", "i7");
        var a = world.privateSubnet("i7", "10.7.1.0/24");
        var b = world.privateSubnet("i7", "10.7.2.0/24");
        var port = world.port("i7", b);
        String routerId = world.router(member, null);
        world.attach(member, routerId, a.id());
        member.put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("port_id", port.id()));

        var inUse = member.delete("/v2.0/routers/" + routerId);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(errorType(inUse)).isEqualTo("RouterInUse");
        assertThat(error(inUse)).isEqualTo("Router " + routerId + " still has ports");

        var bySubnet = member.put("/v2.0/routers/" + routerId + "/remove_router_interface", Map.of("subnet_id", a.id()));
        var byPort = member.put("/v2.0/routers/" + routerId + "/remove_router_interface", Map.of("port_id", port.id()));
        assertThat(bySubnet.status()).as(bySubnet.toString()).isEqualTo(200);
        assertThat(bySubnet.json().get("subnet_id").asString()).isEqualTo(a.id());
        assertThat(byPort.status()).isEqualTo(200);
        assertThat(world.core.hasPort(port.id())).isFalse();
        assertThat(world.core.allPorts()).noneMatch(p -> p.deviceId().equals(routerId));
        assertThat(member.delete("/v2.0/routers/" + routerId).status()).isEqualTo(204);
    }

    @Test
    void removingAnInterfaceTheRouterDoesNotHaveIsNotFound() {
        ApiClient member = server.member("u", "i8");
        var subnet = world.privateSubnet("i8", "10.8.0.0/24");
        var port = world.port("i8", subnet);
        String routerId = world.router(member, null);

        var bySubnet = member.put("/v2.0/routers/" + routerId + "/remove_router_interface",
                Map.of("subnet_id", subnet.id()));
        var byPort = member.put("/v2.0/routers/" + routerId + "/remove_router_interface", Map.of("port_id", port.id()));

        assertThat(bySubnet.status()).isEqualTo(404);
        assertThat(errorType(bySubnet)).isEqualTo("RouterInterfaceNotFoundForSubnet");
        assertThat(error(bySubnet)).isEqualTo("Router " + routerId + " has no interface on subnet " + subnet.id());
        assertThat(byPort.status()).isEqualTo(404);
        assertThat(error(byPort)).isEqualTo("Router " + routerId + " does not have an interface with id " + port.id());
    }

    @Test
    void extraRoutesNeedANextHopOnAnAttachedSubnetAndKeepItAttached() {
        ApiClient member = server.member("u", "i9");
        var subnet = world.privateSubnet("i9", "10.9.0.0/24");
        String routerId = world.router(member, null);
        world.attach(member, routerId, subnet.id());
        String url = "/v2.0/routers/" + routerId;

        var unreachable = member.put(url, Map.of("router", Map.of("routes",
                List.of(Map.of("destination", "192.168.0.0/24", "nexthop", "10.99.0.5")))));
        var own = member.put(url, Map.of("router", Map.of("routes",
                List.of(Map.of("destination", "192.168.0.0/24", "nexthop", "10.9.0.1")))));
        var ok = member.put(url, Map.of("router", Map.of("routes",
                List.of(Map.of("destination", "192.168.0.0/24", "nexthop", "10.9.0.5")))));
        var removal = member.put(url + "/remove_router_interface", Map.of("subnet_id", subnet.id()));

        assertThat(unreachable.status()).isEqualTo(400);
        assertThat(error(unreachable)).isEqualTo("Invalid format for routes: [{'destination': '192.168.0.0/24', "
                + "'nexthop': '10.99.0.5'}], the nexthop is not connected with router.");
        assertThat(error(own)).endsWith("the nexthop is used by router.");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().at("/router/routes/0/nexthop").asString()).isEqualTo("10.9.0.5");
        assertThat(removal.status()).isEqualTo(409);
        assertThat(errorType(removal)).isEqualTo("RouterInterfaceInUseByRoute");
        assertThat(member.put(url, Map.of("router", Map.of("routes", List.of()))).status()).isEqualTo(200);
        assertThat(member.put(url + "/remove_router_interface", Map.of("subnet_id", subnet.id())).status())
                .isEqualTo(200);
    }

    @Test
    void extraRoutesCanBeAddedAndRemovedAtomically() {
        ApiClient member = server.member("u", "i12");
        var subnet = world.privateSubnet("i12", "10.12.0.0/24");
        String routerId = world.router(member, null);
        world.attach(member, routerId, subnet.id());
        String url = "/v2.0/routers/" + routerId;
        var first = Map.of("destination", "192.168.1.0/24", "nexthop", "10.12.0.5");
        var second = Map.of("destination", "192.168.2.0/24", "nexthop", "10.12.0.6");

        member.put(url + "/add_extraroutes", Map.of("router", Map.of("routes", List.of(first))));
        var both = member.put(url + "/add_extraroutes", Map.of("router", Map.of("routes", List.of(first, second))));
        var one = member.put(url + "/remove_extraroutes", Map.of("router", Map.of("routes", List.of(first))));
        var bad = member.put(url + "/add_extraroutes", Map.of("router", Map.of("routes",
                List.of(Map.of("destination", "192.168.3.0/24", "nexthop", "10.99.0.1")))));

        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.json().at("/router/routes")).hasSize(2);
        assertThat(one.json().at("/router/routes")).hasSize(1);
        assertThat(one.json().at("/router/routes/0/nexthop").asString()).isEqualTo("10.12.0.6");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorType(bad)).isEqualTo("InvalidRoutes");
    }

    @Test
    void malformedRoutesAreBadRequests() {
        ApiClient member = server.member("u", "i10");
        String url = "/v2.0/routers/" + world.router(member, null);

        assertThat(member.put(url, Map.of("router", Map.of("routes", "x"))).status()).isEqualTo(400);
        assertThat(member.put(url, Map.of("router", Map.of("routes",
                List.of(Map.of("destination", "nonsense", "nexthop", "10.0.0.1"))))).status()).isEqualTo(400);
        assertThat(member.put(url, Map.of("router", Map.of("routes",
                List.of(Map.of("destination", "10.0.0.0/8"))))).status()).isEqualTo(400);
    }

    @Test
    void theGatewayAndAnInterfaceCannotShareASubnet() {
        ApiClient admin = server.admin();
        var ext = world.external("172.25.0.0/24", false);
        String routerId = world.router(admin, ext.id());

        var reply = admin.put("/v2.0/routers/" + routerId + "/add_router_interface",
                Map.of("subnet_id", ext.subnetIds().getFirst()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).startsWith("Bad router request: Router already has a port on subnet");
    }

    @Test
    void aPortTheRouterOwnsCannotBeDeletedThroughThePortsApi() {
        ApiClient member = server.member("u", "i11");
        var ext = world.external("172.25.1.0/24", false);
        var subnet = world.privateSubnet("i11", "10.11.0.0/24");
        String routerId = world.router(member, ext.id());
        world.attach(member, routerId, subnet.id());
        var events = world.portEvents();
        var iface = world.core.allPorts().stream().filter(p -> p.deviceOwner().equals("network:router_interface")
                && p.deviceId().equals(routerId)).findFirst().orElseThrow();
        var gateway = world.core.allPorts().stream().filter(p -> p.deviceOwner().equals("network:router_gateway")
                && p.deviceId().equals(routerId)).findFirst().orElseThrow();
        var user = world.port("i11", subnet);

        server.jdbi().useTransaction(h -> {
            assertThat(catching(() -> events.checkDeletable(h, iface.id())))
                    .isEqualTo("Port " + iface.id() + " cannot be deleted directly via the port API: has device owner "
                            + "network:router_interface.");
            assertThat(catching(() -> events.checkDeletable(h, gateway.id()))).contains("network:router_gateway");
            events.checkDeletable(h, user.id());
        });
    }

    private static String catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (dev.overcast.core.http.ApiException e) {
            assertThat(e.status()).isEqualTo(409);
            return e.getMessage();
        }
    }
}
