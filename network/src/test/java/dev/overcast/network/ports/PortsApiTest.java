package dev.overcast.network.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class PortsApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private record Net(String id, String subnet) {
    }

    private static Net network(ApiClient client, String cidr) {
        String id = client.post("/v2.0/networks", Map.of("network", Map.of("name", "n"))).json().at("/network/id").asString();
        var subnet = client.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", id, "ip_version", 4, "cidr", cidr)));
        assertThat(subnet.status()).as(subnet.toString()).isEqualTo(201);
        return new Net(id, subnet.json().at("/subnet/id").asString());
    }

    private static ApiClient.Reply port(ApiClient client, Map<String, Object> port) {
        return client.post("/v2.0/ports", Map.of("port", port));
    }

    private static String message(ApiClient.Reply reply) {
        return reply.json().at("/NeutronError/message").asString();
    }

    @Test
    void aNewPortGetsAnAddressAMacAndTheProjectsDefaultGroup() {
        ApiClient member = server.member("u", "p-new");
        Net net = network(member, "10.0.0.0/24");
        var reply = port(member, Map.of("network_id", net.id(), "name", "p1"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode p = reply.json().get("port");
        assertThat(p.at("/fixed_ips/0/subnet_id").asString()).isEqualTo(net.subnet());
        assertThat(p.at("/fixed_ips/0/ip_address").asString()).isEqualTo("10.0.0.2");
        assertThat(p.get("mac_address").asString()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
        String defaultGroup = member.get("/v2.0/security-groups?name=default").json().at("/security_groups/0/id")
                .asString();
        assertThat(p.get("security_groups").get(0).asString()).isEqualTo(defaultGroup);
        assertThat(p.get("status").asString()).isEqualTo("DOWN");
        assertThat(p.get("port_security_enabled").asBoolean()).isTrue();
        assertThat(p.get("binding:vnic_type").asString()).isEqualTo("normal");
        assertThat(p.has("binding:host_id")).as("bindings are for admins").isFalse();
        assertThat(p.get("propagate_uplink_status").asBoolean()).isFalse();
        assertThat(p.get("extra_dhcp_opts").isEmpty()).isTrue();
        assertThat(p.get("allowed_address_pairs").isEmpty()).isTrue();
        assertThat(p.get("device_owner").asString()).isEmpty();
        assertThat(server.notifications()).anyMatch(e -> e.eventType().equals("port.create.end"));
    }

    @Test
    void addressesAreChosenBySubnetByAddressOrBoth() {
        ApiClient member = server.member("u", "p-fixed");
        Net net = network(member, "10.1.0.0/24");
        var bySubnet = port(member, Map.of("network_id", net.id(), "fixed_ips", List.of(Map.of("subnet_id", net.subnet()))));
        assertThat(bySubnet.json().at("/port/fixed_ips/0/ip_address").asString()).isEqualTo("10.1.0.2");
        var byAddress = port(member, Map.of("network_id", net.id(), "fixed_ips", List.of(Map.of("ip_address", "10.1.0.50"))));
        assertThat(byAddress.status()).as(byAddress.toString()).isEqualTo(201);
        assertThat(byAddress.json().at("/port/fixed_ips/0/subnet_id").asString()).isEqualTo(net.subnet());
        var both = port(member, Map.of("network_id", net.id(), "fixed_ips",
                List.of(Map.of("subnet_id", net.subnet(), "ip_address", "10.1.0.51"))));
        assertThat(both.json().at("/port/fixed_ips/0/ip_address").asString()).isEqualTo("10.1.0.51");
        var taken = port(member, Map.of("network_id", net.id(), "fixed_ips", List.of(Map.of("ip_address", "10.1.0.50"))));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().at("/NeutronError/type").asString()).isEqualTo("IpAddressAlreadyAllocated");
        assertThat(message(taken)).isEqualTo("IP address 10.1.0.50 already allocated in subnet " + net.subnet());
        var outside = port(member, Map.of("network_id", net.id(), "fixed_ips",
                List.of(Map.of("subnet_id", net.subnet(), "ip_address", "10.2.0.5"))));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().at("/NeutronError/type").asString()).isEqualTo("InvalidIpForSubnet");
        var nowhere = port(member, Map.of("network_id", net.id(), "fixed_ips", List.of(Map.of("ip_address", "10.2.0.5"))));
        assertThat(nowhere.json().at("/NeutronError/type").asString()).isEqualTo("InvalidIpForNetwork");
        var gateway = port(member, Map.of("network_id", net.id(), "fixed_ips", List.of(Map.of("ip_address", "10.1.0.1"))));
        assertThat(gateway.status()).as("the gateway is the router's").isEqualTo(409);
        var garbage = port(member, Map.of("network_id", net.id(), "fixed_ips", List.of(Map.of("ip_address", "ten"))));
        assertThat(message(garbage)).isEqualTo("Invalid input for fixed_ips. Reason: 'ten' is not a valid IP address.");
    }

    @Test
    void freedAddressesAreHandedOutAgain() {
        ApiClient member = server.member("u", "p-free");
        Net net = network(member, "10.3.0.0/24");
        String first = port(member, Map.of("network_id", net.id())).json().at("/port/id").asString();
        assertThat(member.delete("/v2.0/ports/" + first).status()).isEqualTo(204);
        var again = port(member, Map.of("network_id", net.id()));
        assertThat(again.json().at("/port/fixed_ips/0/ip_address").asString()).isEqualTo("10.3.0.2");
        assertThat(server.notifications()).anyMatch(e -> e.eventType().equals("port.delete.end"));
    }

    @Test
    void updatingFixedIpsReallocatesAndKeepsWhatIsStillAsked() {
        ApiClient member = server.member("u", "p-realloc");
        Net net = network(member, "10.4.0.0/24");
        String id = port(member, Map.of("network_id", net.id())).json().at("/port/id").asString();
        var moved = member.put("/v2.0/ports/" + id, Map.of("port", Map.of("fixed_ips",
                List.of(Map.of("subnet_id", net.subnet()), Map.of("ip_address", "10.4.0.77")))));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("port").get("fixed_ips").findValuesAsString("ip_address"))
                .containsExactly("10.4.0.2", "10.4.0.77");
        var dropped = member.put("/v2.0/ports/" + id, Map.of("port", Map.of("fixed_ips",
                List.of(Map.of("ip_address", "10.4.0.77")))));
        assertThat(dropped.json().get("port").get("fixed_ips").findValuesAsString("ip_address")).containsExactly("10.4.0.77");
        assertThat(dropped.json().at("/port/revision_number").asLong()).isEqualTo(2);
        var reuse = port(member, Map.of("network_id", net.id(), "fixed_ips", List.of(Map.of("ip_address", "10.4.0.2"))));
        assertThat(reuse.status()).isEqualTo(201);
    }

    @Test
    void aGivenMacIsUsedOnceOnANetwork() {
        ApiClient admin = server.admin();
        Net net = network(admin, "10.5.0.0/24");
        var first = port(admin, Map.of("network_id", net.id(), "mac_address", "FA:16:3E:AA:BB:CC"));
        assertThat(first.json().at("/port/mac_address").asString()).isEqualTo("fa:16:3e:aa:bb:cc");
        var second = port(admin, Map.of("network_id", net.id(), "mac_address", "fa:16:3e:aa:bb:cc"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().at("/NeutronError/type").asString()).isEqualTo("MacAddressInUse");
        assertThat(message(second)).isEqualTo("Unable to complete operation for network " + net.id()
                + ". The mac address fa:16:3e:aa:bb:cc is in use.");
        var bad = port(admin, Map.of("network_id", net.id(), "mac_address", "zz"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void withoutPortSecurityAPortHasNoGroupsAndMayNotAskForAny() {
        ApiClient member = server.member("u", "p-psec");
        Net net = network(member, "10.6.0.0/24");
        var off = port(member, Map.of("network_id", net.id(), "port_security_enabled", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(201);
        assertThat(off.json().at("/port/security_groups").isEmpty()).isTrue();
        var both = port(member, Map.of("network_id", net.id(), "port_security_enabled", false,
                "security_groups", List.of("default-p-psec")));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().at("/NeutronError/type").asString()).isEqualTo("PortSecurityAndIPRequiredForSecurityGroups");
        var pairs = port(member, Map.of("network_id", net.id(), "port_security_enabled", false,
                "allowed_address_pairs", List.of(Map.of("ip_address", "10.6.0.200"))));
        assertThat(pairs.status()).isEqualTo(409);
        String on = port(member, Map.of("network_id", net.id())).json().at("/port/id").asString();
        var disable = member.put("/v2.0/ports/" + on, Map.of("port", Map.of("port_security_enabled", false)));
        assertThat(disable.json().at("/NeutronError/type").asString()).isEqualTo("PortSecurityPortHasSecurityGroup");
        var clear = member.put("/v2.0/ports/" + on, Map.of("port", Map.of("port_security_enabled", false,
                "security_groups", List.of())));
        assertThat(clear.status()).as(clear.toString()).isEqualTo(200);
    }

    @Test
    void requestedGroupsAreCheckedByTheSecurityGroupFeature() {
        ApiClient member = server.member("u", "p-sg");
        String group = member.post("/v2.0/security-groups", Map.of("security_group", Map.of("name", "web")))
                .json().at("/security_group/id").asString();
        Net net = network(member, "10.7.0.0/24");
        var web = port(member, Map.of("network_id", net.id(), "security_groups", List.of(group)));
        assertThat(web.json().at("/port/security_groups/0").asString()).isEqualTo(group);
        var unknown = port(member, Map.of("network_id", net.id(), "security_groups", List.of("nope")));
        assertThat(unknown.status()).isEqualTo(404);
        String id = web.json().at("/port/id").asString();
        int rows = server.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from port_security_groups where port_id = :id").bind("id", id).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void allowedAddressPairsShowThePortsMacWhenNoneIsGiven() {
        ApiClient admin = server.admin();
        Net net = network(admin, "10.8.0.0/24");
        var reply = port(admin, Map.of("network_id", net.id(), "allowed_address_pairs",
                List.of(Map.of("ip_address", "10.8.0.0/28"), Map.of("ip_address", "10.8.0.99", "mac_address", "fa:16:3e:00:00:01"))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode p = reply.json().get("port");
        assertThat(p.at("/allowed_address_pairs/0/mac_address").asString()).isEqualTo(p.get("mac_address").asString());
        assertThat(p.at("/allowed_address_pairs/1/mac_address").asString()).isEqualTo("fa:16:3e:00:00:01");
        var member = port(server.member("u", "p-pairs"), Map.of("network_id", net.id(), "allowed_address_pairs",
                List.of(Map.of("ip_address", "10.8.0.5"))));
        assertThat(member.status()).as("not their network").isEqualTo(404);
    }

    @Test
    void bindingAPortToAHostMakesItActiveAndOnlyAdminsOrServicesMayBindOrSeeIt() {
        ApiClient member = server.member("u", "p-bind");
        Net net = network(member, "10.9.0.0/24");
        String id = port(member, Map.of("network_id", net.id())).json().at("/port/id").asString();
        var refused = member.put("/v2.0/ports/" + id, Map.of("port", Map.of("binding:host_id", "host1")));
        assertThat(refused.status()).isEqualTo(403);
        for (ApiClient binder : List.of(server.admin(), server.service())) {
            var bound = binder.put("/v2.0/ports/" + id, Map.of("port", Map.of("binding:host_id", "host1",
                    "device_id", "server-1", "device_owner", "compute:nova")));
            assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
            JsonNode p = bound.json().get("port");
            assertThat(p.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(p.get("binding:vif_type").asString()).isEqualTo("ovs");
            assertThat(p.get("binding:host_id").asString()).isEqualTo("host1");
        }
        JsonNode seen = member.get("/v2.0/ports/" + id).json().get("port");
        assertThat(seen.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(seen.has("binding:vif_type")).isFalse();
        var unbound = server.admin().put("/v2.0/ports/" + id, Map.of("port", Map.of("binding:host_id", "",
                "device_id", "", "device_owner", "")));
        assertThat(unbound.json().at("/port/status").asString()).isEqualTo("DOWN");
        assertThat(unbound.json().at("/port/binding:vif_type").asString()).isEqualTo("unbound");
        assertThat(server.notifications()).anyMatch(e -> e.eventType().equals("port.update.end"));
    }

    @Test
    void membersMayNotCreateRouterPortsOrChooseAddressesOnASharedNetwork() {
        String shared = server.admin().post("/v2.0/networks", Map.of("network", Map.of("shared", true)))
                .json().at("/network/id").asString();
        String subnet = server.admin().post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", shared,
                "ip_version", 4, "cidr", "10.20.0.0/24"))).json().at("/subnet/id").asString();
        ApiClient member = server.member("u", "p-shared");
        assertThat(port(member, Map.of("network_id", shared)).status()).isEqualTo(201);
        assertThat(port(member, Map.of("network_id", shared, "fixed_ips", List.of(Map.of("subnet_id", subnet))))
                .status()).isEqualTo(201);
        assertThat(port(member, Map.of("network_id", shared, "fixed_ips", List.of(Map.of("ip_address", "10.20.0.9"))))
                .status()).isEqualTo(403);
        assertThat(port(member, Map.of("network_id", shared, "device_owner", "network:router_interface")).status())
                .isEqualTo(403);
    }

    @Test
    void listsFilterByFixedIpsDeviceAndProject() {
        ApiClient member = server.member("u", "p-filter");
        Net net = network(member, "10.30.0.0/24");
        String a = port(member, Map.of("network_id", net.id(), "device_id", "vm-a")).json().at("/port/id").asString();
        String b = port(member, Map.of("network_id", net.id(), "device_id", "vm-b")).json().at("/port/id").asString();
        assertThat(member.get("/v2.0/ports?fixed_ips=ip_address%3D10.30.0.3").json().get("ports")
                .findValuesAsString("id")).containsExactly(b);
        assertThat(member.get("/v2.0/ports?fixed_ips=subnet_id%3D" + net.subnet() + "&fixed_ips=ip_address_substr%3D0.2")
                .json().get("ports").findValuesAsString("id")).containsExactly(a);
        assertThat(member.get("/v2.0/ports?device_id=vm-a").json().get("ports").findValuesAsString("id")).containsExactly(a);
        assertThat(server.member("x", "p-filter-other").get("/v2.0/ports?device_id=vm-a").json().get("ports").isEmpty())
                .isTrue();
        assertThat(server.member("x", "p-filter-other").get("/v2.0/ports/" + a).status()).isEqualTo(404);
        assertThat(server.admin().get("/v2.0/ports?device_id=vm-b").json().get("ports").findValuesAsString("id"))
                .containsExactly(b);
    }

    @Test
    void slaacSubnetsGiveEveryPortAnEui64Address() {
        ApiClient member = server.member("u", "p-slaac");
        Net net = network(member, "10.40.0.0/24");
        var v6 = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", net.id(), "ip_version", 6,
                "cidr", "2001:db8:40::/64", "ipv6_ra_mode", "slaac", "ipv6_address_mode", "slaac")));
        assertThat(v6.status()).as(v6.toString()).isEqualTo(201);
        var reply = server.admin().post("/v2.0/ports", Map.of("port", Map.of("network_id", net.id(),
                "project_id", "p-slaac", "mac_address", "fa:16:3e:11:22:33")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("port").get("fixed_ips").findValuesAsString("ip_address"))
                .containsExactly("10.40.0.2", "2001:db8:40:0:f816:3eff:fe11:2233");
    }

    @Test
    void anUnknownNetworkIsANotFound() {
        var reply = port(server.member("u", "p-x"), Map.of("network_id", "no-such-network"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/NeutronError/type").asString()).isEqualTo("NetworkNotFound");
        var missing = port(server.member("u", "p-x"), Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void aBulkCreateMakesEveryPortOrNone() {
        ApiClient member = server.member("u", "p-bulk");
        Net net = network(member, "10.50.0.0/24");
        var bulk = member.post("/v2.0/ports", Map.of("ports", List.of(Map.of("network_id", net.id(), "name", "a"),
                Map.of("network_id", net.id(), "name", "b"))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(201);
        assertThat(bulk.json().get("ports").findValuesAsString("name")).containsExactly("a", "b");
        var failed = member.post("/v2.0/ports", Map.of("ports", List.of(Map.of("network_id", net.id(), "name", "c"),
                Map.of("network_id", net.id(), "name", "d", "fixed_ips", List.of(Map.of("ip_address", "10.50.0.2"))))));
        assertThat(failed.status()).isEqualTo(409);
        assertThat(member.get("/v2.0/ports?network_id=" + net.id()).json().get("ports").findValuesAsString("name"))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void readersSeePortsButCannotCreateThem() {
        ApiClient member = server.member("u", "p-reader");
        Net net = network(member, "10.51.0.0/24");
        String id = port(member, Map.of("network_id", net.id())).json().at("/port/id").asString();
        ApiClient reader = server.reader("r", "p-reader");
        assertThat(reader.get("/v2.0/ports/" + id).status()).isEqualTo(200);
        assertThat(port(reader, Map.of("network_id", net.id())).status()).isEqualTo(403);
        assertThat(reader.delete("/v2.0/ports/" + id).status()).isEqualTo(403);
    }
}
