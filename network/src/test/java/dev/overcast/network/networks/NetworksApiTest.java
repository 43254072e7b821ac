package dev.overcast.network.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class NetworksApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static JsonNode create(ApiClient client, Map<String, Object> network) {
        var reply = client.post("/v2.0/networks", Map.of("network", network));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("network");
    }

    @Test
    void aCreatedNetworkShowsEveryAttributeUpstreamShows() {
        JsonNode n = create(server.member("u", "p-attrs"), Map.of("name", "net1"));
        assertThat(n.get("name").asString()).isEqualTo("net1");
        assertThat(n.get("project_id").asString()).isEqualTo("p-attrs");
        assertThat(n.get("tenant_id").asString()).isEqualTo("p-attrs");
        assertThat(n.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(n.get("admin_state_up").asBoolean()).isTrue();
        assertThat(n.get("shared").asBoolean()).isFalse();
        assertThat(n.get("router:external").asBoolean()).isFalse();
        assertThat(n.get("port_security_enabled").asBoolean()).isTrue();
        assertThat(n.get("mtu").asInt()).as("VXLAN leaves 50 bytes of 1500").isEqualTo(1450);
        assertThat(n.get("subnets").isEmpty()).isTrue();
        assertThat(n.get("tags").isEmpty()).isTrue();
        assertThat(n.get("revision_number").asLong()).isZero();
        assertThat(n.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(n.has("ipv4_address_scope")).isTrue();
        assertThat(n.has("availability_zone_hints")).isTrue();
        assertThat(n.has("provider:network_type")).as("provider attributes are for admins").isFalse();
        assertThat(server.notifications()).anyMatch(e -> e.eventType().equals("network.create.end"));
    }

    @Test
    void adminsSeeTheAllocatedVxlanSegmentAndEachNetworkGetsItsOwnId() {
        JsonNode a = create(server.member("u", "p-seg"), Map.of("name", "a"));
        JsonNode b = create(server.member("u", "p-seg"), Map.of("name", "b"));
        JsonNode shownA = server.admin().get("/v2.0/networks/" + a.get("id").asString()).json().get("network");
        JsonNode shownB = server.admin().get("/v2.0/networks/" + b.get("id").asString()).json().get("network");
        assertThat(shownA.get("provider:network_type").asString()).isEqualTo("vxlan");
        assertThat(shownA.get("provider:segmentation_id").asInt())
                .isNotEqualTo(shownB.get("provider:segmentation_id").asInt());
    }

    @Test
    void anAdminCreatesAFlatExternalNetworkOnlyOncePerPhysicalNetwork() {
        JsonNode n = create(server.admin(), Map.of("name", "public", "router:external", true,
                "provider:network_type", "flat", "provider:physical_network", "public-phys"));
        assertThat(n.get("provider:network_type").asString()).isEqualTo("flat");
        assertThat(n.get("mtu").asInt()).isEqualTo(1500);
        var again = server.admin().post("/v2.0/networks", Map.of("network", Map.of("provider:network_type", "flat",
                "provider:physical_network", "public-phys")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/NeutronError/type").asString()).isEqualTo("FlatNetworkInUse");
        // Everyone sees external networks.
        var seen = server.member("x", "p-other").get("/v2.0/networks/" + n.get("id").asString());
        assertThat(seen.status()).isEqualTo(200);
    }

    @Test
    void membersMayNotShareOrChooseSegments() {
        var shared = server.member("u", "p-pol").post("/v2.0/networks", Map.of("network", Map.of("shared", true)));
        assertThat(shared.status()).isEqualTo(403);
        var provider = server.member("u", "p-pol").post("/v2.0/networks",
                Map.of("network", Map.of("provider:network_type", "vlan")));
        assertThat(provider.status()).isEqualTo(403);
        var notShared = server.member("u", "p-pol").post("/v2.0/networks", Map.of("network", Map.of("shared", false)));
        assertThat(notShared.status()).as("the default value needs no permission").isEqualTo(201);
    }

    @Test
    void anotherProjectNeitherSeesNorChangesAPrivateNetwork() {
        JsonNode n = create(server.member("u", "p-own"), Map.of("name", "private"));
        String id = n.get("id").asString();
        ApiClient stranger = server.member("s", "p-stranger");
        var shown = stranger.get("/v2.0/networks/" + id);
        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.json().at("/NeutronError/type").asString()).isEqualTo("NetworkNotFound");
        assertThat(shown.json().at("/NeutronError/message").asString())
                .isEqualTo("Network " + id + " could not be found.");
        assertThat(stranger.put("/v2.0/networks/" + id, Map.of("network", Map.of("name", "x"))).status()).isEqualTo(404);
        assertThat(stranger.delete("/v2.0/networks/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/v2.0/networks").json().get("networks").findValuesAsString("id")).doesNotContain(id);
        assertThat(server.admin().get("/v2.0/networks?project_id=p-own").json().get("networks")
                .findValuesAsString("id")).contains(id);
    }

    @Test
    void aSharedNetworkIsVisibleToEveryProject() {
        JsonNode n = create(server.admin(), Map.of("name", "shared-net", "shared", true));
        var seen = server.member("v", "p-viewer").get("/v2.0/networks?shared=true");
        assertThat(seen.json().get("networks").findValuesAsString("id")).contains(n.get("id").asString());
    }

    @Test
    void anUpdateChangesAttributesAndBumpsTheRevision() {
        ApiClient member = server.member("u", "p-upd");
        JsonNode n = create(member, Map.of("name", "before"));
        var reply = member.put("/v2.0/networks/" + n.get("id").asString(),
                Map.of("network", Map.of("name", "after", "mtu", 1400, "description", "d")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode u = reply.json().get("network");
        assertThat(u.get("name").asString()).isEqualTo("after");
        assertThat(u.get("mtu").asInt()).isEqualTo(1400);
        assertThat(u.get("revision_number").asLong()).isEqualTo(1);
        var tooBig = member.put("/v2.0/networks/" + n.get("id").asString(), Map.of("network", Map.of("mtu", 9000)));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().at("/NeutronError/message").asString())
                .isEqualTo("Invalid input for operation: Requested MTU is too big, maximum is 1450.");
        var readOnly = member.put("/v2.0/networks/" + n.get("id").asString(),
                Map.of("network", Map.of("tenant_id", "other")));
        assertThat(readOnly.status()).isEqualTo(400);
    }

    @Test
    void badInputIsA400NamingTheAttribute() {
        ApiClient member = server.member("u", "p-bad");
        var notBool = member.post("/v2.0/networks", Map.of("network", Map.of("admin_state_up", "maybe")));
        assertThat(notBool.status()).isEqualTo(400);
        assertThat(notBool.json().at("/NeutronError/message").asString())
                .isEqualTo("Invalid input for admin_state_up. Reason: 'maybe' cannot be converted to boolean.");
        var unknown = member.post("/v2.0/networks", Map.of("network", Map.of("colour", "red")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/NeutronError/message").asString()).isEqualTo("Unrecognized attribute(s) 'colour'");
        assertThat(member.post("/v2.0/networks", Map.of("nope", Map.of())).status()).isEqualTo(400);
        var badFilter = member.get("/v2.0/networks?colour=red");
        assertThat(badFilter.status()).isEqualTo(400);
    }

    @Test
    void aNetworkWithAServersPortCannotBeDeletedButItsOwnPortsAndSubnetsGoWithIt() {
        ApiClient member = server.member("u", "p-del");
        String id = create(member, Map.of("name", "doomed")).get("id").asString();
        String subnet = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", id, "ip_version", 4,
                "cidr", "10.9.0.0/24"))).json().at("/subnet/id").asString();
        String port = member.post("/v2.0/ports", Map.of("port", Map.of("network_id", id, "device_owner",
                "compute:nova"))).json().at("/port/id").asString();
        server.admin().post("/v2.0/ports", Map.of("port", Map.of("network_id", id, "device_owner", "network:dhcp")));
        var refused = member.delete("/v2.0/networks/" + id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/NeutronError/type").asString()).isEqualTo("NetworkInUse");
        assertThat(refused.json().at("/NeutronError/message").asString()).isEqualTo("Unable to complete operation on"
                + " network " + id + ". There are one or more ports still in use on the network.");
        assertThat(member.delete("/v2.0/ports/" + port).status()).isEqualTo(204);
        assertThat(member.delete("/v2.0/networks/" + id).status()).isEqualTo(204);
        assertThat(member.get("/v2.0/subnets/" + subnet).status()).isEqualTo(404);
        assertThat(server.admin().get("/v2.0/ports?network_id=" + id).json().get("ports").isEmpty()).isTrue();
        assertThat(member.get("/v2.0/networks/" + id).status()).isEqualTo(404);
    }

    @Test
    void listsFilterSortPageAndProjectFields() {
        ApiClient member = server.member("u", "p-list");
        for (String name : List.of("c", "a", "b")) {
            create(member, Map.of("name", name));
        }
        var sorted = member.get("/v2.0/networks?project_id=p-list&sort_key=name&sort_dir=asc&fields=name");
        assertThat(sorted.json().get("networks").findValuesAsString("name")).containsExactly("a", "b", "c");
        assertThat(sorted.json().get("networks").get(0).size()).isEqualTo(1);
        var page = member.get("/v2.0/networks?project_id=p-list&limit=2");
        assertThat(page.json().get("networks").size()).isEqualTo(2);
        assertThat(page.json().get("networks_links").get(0).get("rel").asString()).isEqualTo("next");
    }

    @Test
    void theQuotaIsCheckedInTheCreate() {
        assertThat(server.admin().put("/v2.0/quotas/p-quota", Map.of("quota", Map.of("network", 1))).status())
                .isEqualTo(200);
        ApiClient member = server.member("u", "p-quota");
        create(member, Map.of("name", "one"));
        var over = member.post("/v2.0/networks", Map.of("network", Map.of("name", "two")));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().at("/NeutronError/type").asString()).isEqualTo("OverQuota");
    }

    @Test
    void readersListButDoNotCreateNetworks() {
        JsonNode n = create(server.member("u", "p-readers"), Map.of("name", "r"));
        ApiClient reader = server.reader("r", "p-readers");
        assertThat(reader.get("/v2.0/networks/" + n.get("id").asString()).status()).isEqualTo(200);
        assertThat(reader.post("/v2.0/networks", Map.of("network", Map.of("name", "x"))).status()).isEqualTo(403);
        var bulk = server.member("u", "p-readers").post("/v2.0/networks", Map.of("networks",
                List.of(Map.of("name", "b1"), Map.of("name", "b2"))));
        assertThat(bulk.status()).isEqualTo(201);
        assertThat(bulk.json().get("networks").size()).isEqualTo(2);
    }

    @Test
    void networksCreatedAtOnceGetDistinctSegments() throws Exception {
        ApiClient admin = server.admin();
        List<java.util.concurrent.Future<ApiClient.Reply>> futures = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> admin.post("/v2.0/networks", Map.of("network",
                        Map.of("name", "burst", "project_id", "p-burst")))));
            }
        }
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (var f : futures) {
            var reply = f.get();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            ids.add(reply.json().at("/network/provider:segmentation_id").asInt());
        }
        assertThat(ids).hasSize(20);
    }
}
