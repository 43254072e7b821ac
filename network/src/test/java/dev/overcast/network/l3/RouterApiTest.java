package dev.overcast.network.l3;

import static dev.overcast.network.l3.L3World.error;
import static dev.overcast.network.l3.L3World.errorType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class RouterApiTest {
    static final L3World world = new L3World();
    @RegisterExtension
    static final NetworkServer server = world.server;

    @AfterEach
    void noQuotas() {
        world.quotas.clear();
    }

    @Test
    void aNewRouterShowsUpstreamsAttributesAndDefaults() {
        var reply = server.member("u", "p1").post("/v2.0/routers", Map.of("router", Map.of("name", "r1")));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode r = reply.json().get("router");
        assertThat(r.get("name").asString()).isEqualTo("r1");
        assertThat(r.get("description").asString()).isEmpty();
        assertThat(r.get("project_id").asString()).isEqualTo("p1");
        assertThat(r.get("tenant_id").asString()).isEqualTo("p1");
        assertThat(r.get("admin_state_up").asBoolean()).isTrue();
        assertThat(r.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.get("external_gateway_info").isNull()).isTrue();
        assertThat(r.get("distributed").asBoolean()).isFalse();
        assertThat(r.get("ha").asBoolean()).isFalse();
        assertThat(r.get("routes").isArray()).isTrue();
        assertThat(r.get("availability_zone_hints").isEmpty()).isTrue();
        assertThat(r.get("flavor_id").isNull()).isTrue();
        assertThat(r.get("tags").isEmpty()).isTrue();
        assertThat(r.get("revision_number").asLong()).isZero();
        assertThat(r.get("created_at").asString()).endsWith("Z");
    }

    @Test
    void aGatewayOnAnExternalNetworkIsAPortOwnedByTheRouter() {
        var ext = world.external("172.24.4.0/24", false);
        var reply = server.member("u", "p2").post("/v2.0/routers", Map.of("router",
                Map.of("name", "r", "external_gateway_info", Map.of("network_id", ext.id()))));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode gw = reply.json().at("/router/external_gateway_info");
        assertThat(gw.get("network_id").asString()).isEqualTo(ext.id());
        assertThat(gw.get("enable_snat").asBoolean()).isTrue();
        String address = gw.at("/external_fixed_ips/0/ip_address").asString();
        assertThat(address).startsWith("172.24.4.").isNotEqualTo("172.24.4.1");
        String routerId = reply.json().at("/router/id").asString();
        assertThat(world.core.allPorts()).anySatisfy(p -> {
            assertThat(p.deviceId()).isEqualTo(routerId);
            assertThat(p.deviceOwner()).isEqualTo("network:router_gateway");
            assertThat(p.projectId()).isEmpty();
        });
    }

    @Test
    void aGatewayOnANetworkThatIsNotExternalIsABadRequest() {
        var subnet = world.privateSubnet("p3", "10.3.0.0/24");
        var reply = server.member("u", "p3").post("/v2.0/routers", Map.of("router",
                Map.of("external_gateway_info", Map.of("network_id", subnet.networkId()))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errorType(reply)).isEqualTo("BadRequest");
        assertThat(error(reply)).isEqualTo("Bad router request: Network " + subnet.networkId()
                + " is not an external network.");
    }

    @Test
    void aGatewayOnAnUnknownNetworkIsNotFound() {
        String id = "0b3c1c2e-1111-4222-8333-944455556666";
        var reply = server.member("u", "p3").post("/v2.0/routers", Map.of("router",
                Map.of("external_gateway_info", Map.of("network_id", id))));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(errorType(reply)).isEqualTo("NetworkNotFound");
    }

    @Test
    void onlyAnAdminChoosesSnatOrTheGatewayAddress() {
        var ext = world.external("172.24.5.0/24", false);
        var snatOff = Map.of("router", Map.of("external_gateway_info",
                Map.of("network_id", ext.id(), "enable_snat", false)));

        assertThat(server.member("u", "p4").post("/v2.0/routers", snatOff).status()).isEqualTo(403);
        var byAdmin = server.admin().post("/v2.0/routers", Map.of("router", Map.of("external_gateway_info",
                Map.of("network_id", ext.id(), "enable_snat", false,
                        "external_fixed_ips", List.of(Map.of("ip_address", "172.24.5.77"))))));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(byAdmin.json().at("/router/external_gateway_info/enable_snat").asBoolean()).isFalse();
        assertThat(byAdmin.json().at("/router/external_gateway_info/external_fixed_ips/0/ip_address").asString())
                .isEqualTo("172.24.5.77");
    }

    @Test
    void clearingTheGatewayDeletesItsPort() {
        var ext = world.external("172.24.6.0/24", false);
        ApiClient member = server.member("u", "p5");
        String routerId = world.router(member, ext.id());

        var reply = member.put("/v2.0/routers/" + routerId,
                Map.of("router", Map.of("external_gateway_info", Map.of())));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/router/external_gateway_info").isNull()).isTrue();
        assertThat(reply.json().at("/router/revision_number").asLong()).isEqualTo(1);
        assertThat(world.core.allPorts()).noneMatch(p -> p.deviceId().equals(routerId));
    }

    @Test
    void anotherProjectsRouterIsNotFoundButAnAdminSeesIt() {
        String routerId = world.router(server.member("u", "p6"), null);
        ApiClient stranger = server.member("v", "p7");

        assertThat(stranger.get("/v2.0/routers/" + routerId).status()).isEqualTo(404);
        assertThat(error(stranger.get("/v2.0/routers/" + routerId)))
                .isEqualTo("Router " + routerId + " could not be found");
        assertThat(stranger.put("/v2.0/routers/" + routerId, Map.of("router", Map.of("name", "x"))).status())
                .isEqualTo(404);
        assertThat(stranger.delete("/v2.0/routers/" + routerId).status()).isEqualTo(404);
        assertThat(stranger.get("/v2.0/routers").json().get("routers")).noneMatch(r -> r.get("id").asString()
                .equals(routerId));
        assertThat(server.admin().get("/v2.0/routers/" + routerId).status()).isEqualTo(200);
        assertThat(server.admin().get("/v2.0/routers?project_id=p6").json().get("routers")).hasSize(1);
    }

    @Test
    void aReaderListsRoutersButCannotCreateOrChangeThem() {
        String routerId = world.router(server.member("u", "p8"), null);
        ApiClient reader = server.reader("r", "p8");

        assertThat(reader.get("/v2.0/routers").json().get("routers")).hasSize(1);
        assertThat(reader.post("/v2.0/routers", Map.of("router", Map.of())).status()).isEqualTo(403);
        assertThat(reader.put("/v2.0/routers/" + routerId, Map.of("router", Map.of("name", "x"))).status())
                .isEqualTo(403);
        assertThat(reader.delete("/v2.0/routers/" + routerId).status()).isEqualTo(403);
    }

    @Test
    void badAttributesAreBadRequestsNamingThem() {
        ApiClient member = server.member("u", "p9");

        var name = member.post("/v2.0/routers", Map.of("router", Map.of("name", 42)));
        assertThat(name.status()).isEqualTo(400);
        assertThat(error(name)).isEqualTo("Invalid input for name. Reason: '42' is not a valid string.");
        var up = member.post("/v2.0/routers", Map.of("router", Map.of("admin_state_up", "maybe")));
        assertThat(error(up)).isEqualTo("Invalid input for admin_state_up. Reason: 'maybe' cannot be converted to boolean.");
        var unknown = member.post("/v2.0/routers", Map.of("router", Map.of("colour", "red")));
        assertThat(error(unknown)).isEqualTo("Unrecognized attribute(s) 'colour'");
        var gw = member.post("/v2.0/routers", Map.of("router", Map.of("external_gateway_info",
                Map.of("network_id", "not-a-uuid"))));
        assertThat(gw.status()).isEqualTo(400);
        assertThat(error(gw)).contains("'not-a-uuid' is not a valid UUID");
        assertThat(member.post("/v2.0/routers", "{not json").status()).isEqualTo(400);
        assertThat(member.post("/v2.0/routers", Map.of("routers", Map.of())).status()).isEqualTo(400);
        assertThat(member.post("/v2.0/routers", Map.of("router", Map.of("distributed", true))).status())
                .isEqualTo(400);
    }

    @Test
    void readOnlyAttributesCannotBeUpdated() {
        ApiClient member = server.member("u", "p10");
        String routerId = world.router(member, null);

        var reply = member.put("/v2.0/routers/" + routerId, Map.of("router", Map.of("status", "DOWN")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).isEqualTo("Cannot update read-only attribute status");
    }

    @Test
    void aMemberCannotCreateARouterForAnotherProject() {
        var reply = server.member("u", "p11").post("/v2.0/routers",
                Map.of("router", Map.of("project_id", "someone-else")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).isEqualTo("Specifying 'project_id' or 'tenant_id' other than the authenticated "
                + "project in request requires admin privileges");
        var byAdmin = server.admin().post("/v2.0/routers", Map.of("router", Map.of("tenant_id", "someone-else")));
        assertThat(byAdmin.json().at("/router/project_id").asString()).isEqualTo("someone-else");
    }

    @Test
    void theRouterQuotaIsCheckedOnCreate() {
        world.quotas.limit("router", 1);
        ApiClient member = server.member("u", "p12");
        world.router(member, null);

        var reply = member.post("/v2.0/routers", Map.of("router", Map.of()));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(errorType(reply)).isEqualTo("OverQuota");
    }

    @Test
    void listsFilterProjectAndPageAsNeutronDoes() {
        ApiClient member = server.member("u", "p13");
        member.post("/v2.0/routers", Map.of("router", Map.of("name", "a", "tags", List.of("blue"))));
        member.post("/v2.0/routers", Map.of("router", Map.of("name", "b")));

        assertThat(member.get("/v2.0/routers?name=a").json().get("routers")).hasSize(1);
        assertThat(member.get("/v2.0/routers?tags=blue").json().at("/routers/0/name").asString()).isEqualTo("a");
        JsonNode only = member.get("/v2.0/routers?fields=id&fields=name").json().at("/routers/0");
        assertThat(only.propertyNames()).containsExactlyInAnyOrder("id", "name");
        var page = member.get("/v2.0/routers?limit=1").json();
        assertThat(page.get("routers")).hasSize(1);
        assertThat(page.at("/routers_links/0/rel").asString()).isEqualTo("next");
        assertThat(member.get("/v2.0/routers?colour=red").status()).isEqualTo(400);
    }

    @Test
    void nameDescriptionAndAdminStateCanBeUpdated() {
        ApiClient member = server.member("u", "p14");
        String routerId = world.router(member, null);

        var reply = member.put("/v2.0/routers/" + routerId, Map.of("router",
                Map.of("name", "renamed", "description", "d", "admin_state_up", false)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/router/name").asString()).isEqualTo("renamed");
        assertThat(reply.json().at("/router/admin_state_up").asBoolean()).isFalse();
        assertThat(member.get("/v2.0/routers/" + routerId + "?fields=description").json().get("router")
                .propertyNames()).containsExactly("description");
    }

    @Test
    void deletingARouterWithOnlyAGatewayDeletesTheGatewayPort() {
        var ext = world.external("172.24.7.0/24", false);
        ApiClient member = server.member("u", "p15");
        String routerId = world.router(member, ext.id());

        assertThat(member.delete("/v2.0/routers/" + routerId).status()).isEqualTo(204);

        assertThat(world.core.allPorts()).noneMatch(p -> p.deviceId().equals(routerId));
        assertThat(member.get("/v2.0/routers/" + routerId).status()).isEqualTo(404);
    }

    @Test
    void everyL3RouteNeedsAToken() {
        ApiClient anonymous = server.client();
        String id = "2b3c1c2e-1111-4222-8333-944455556666";

        assertThat(anonymous.get("/v2.0/routers").status()).isEqualTo(401);
        assertThat(anonymous.post("/v2.0/routers", Map.of("router", Map.of())).status()).isEqualTo(401);
        assertThat(anonymous.put("/v2.0/routers/" + id + "/add_router_interface", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.get("/v2.0/floatingips").status()).isEqualTo(401);
        assertThat(anonymous.get("/v2.0/floatingip_pools").status()).isEqualTo(401);
        assertThat(anonymous.get("/v2.0/auto-allocated-topology/p").status()).isEqualTo(401);
    }

    @Test
    void theL3ExtensionsAreDeclared() {
        var reply = server.member("u", "p16").get("/v2.0/extensions");

        assertThat(reply.json().get("extensions")).extracting(e -> e.get("alias").asString())
                .contains("router", "ext-gw-mode", "extraroute", "fip-port-details", "floatingip-pools",
                        "auto-allocated-topology");
    }
}
