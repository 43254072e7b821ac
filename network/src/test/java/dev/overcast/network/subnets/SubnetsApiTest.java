package dev.overcast.network.subnets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class SubnetsApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static String network(ApiClient client) {
        return client.post("/v2.0/networks", Map.of("network", Map.of("name", "n"))).json().at("/network/id").asString();
    }

    private static ApiClient.Reply subnet(ApiClient client, Map<String, Object> subnet) {
        return client.post("/v2.0/subnets", Map.of("subnet", subnet));
    }

    private static String message(ApiClient.Reply reply) {
        return reply.json().at("/NeutronError/message").asString();
    }

    @Test
    void anIpv4SubnetGetsTheFirstHostAsGatewayAndTheRestAsItsPool() {
        ApiClient member = server.member("u", "p-v4");
        String net = network(member);
        var reply = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.0.0.9/24", "name", "s"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode s = reply.json().get("subnet");
        assertThat(s.get("cidr").asString()).isEqualTo("10.0.0.0/24");
        assertThat(s.get("gateway_ip").asString()).isEqualTo("10.0.0.1");
        assertThat(s.get("allocation_pools").toString()).isEqualTo("[{\"start\":\"10.0.0.2\",\"end\":\"10.0.0.254\"}]");
        assertThat(s.get("enable_dhcp").asBoolean()).isTrue();
        assertThat(s.get("ipv6_ra_mode").isNull()).isTrue();
        assertThat(s.get("subnetpool_id").isNull()).isTrue();
        assertThat(s.get("service_types").isEmpty()).isTrue();
        assertThat(s.get("project_id").asString()).isEqualTo("p-v4");
        JsonNode n = member.get("/v2.0/networks/" + net).json().get("network");
        assertThat(n.get("subnets").findValuesAsString("")).isEmpty();
        assertThat(n.get("subnets").get(0).asString()).isEqualTo(s.get("id").asString());
    }

    @Test
    void anIpv6SubnetNormalizesItsCidrAndMayHaveNoGateway() {
        ApiClient member = server.member("u", "p-v6");
        String net = network(member);
        var reply = subnet(member, Map.of("network_id", net, "ip_version", 6, "cidr", "2001:DB8::/64",
                "ipv6_ra_mode", "slaac", "ipv6_address_mode", "slaac"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode s = reply.json().get("subnet");
        assertThat(s.get("cidr").asString()).isEqualTo("2001:db8::/64");
        assertThat(s.get("gateway_ip").asString()).isEqualTo("2001:db8::1");
        assertThat(s.at("/allocation_pools/0/start").asString()).isEqualTo("2001:db8::2");
        Map<String, Object> none = new java.util.HashMap<>(Map.of("network_id", net, "ip_version", 6,
                "cidr", "2001:db8:1::/64"));
        none.put("gateway_ip", null);
        var noGateway = subnet(member, none);
        assertThat(noGateway.json().at("/subnet/gateway_ip").isNull()).isTrue();
        assertThat(noGateway.json().at("/subnet/allocation_pools/0/start").asString()).isEqualTo("2001:db8:1::1");
    }

    @Test
    void badCidrsGatewaysAndPoolsAreRefusedWithUpstreamMessages() {
        ApiClient member = server.member("u", "p-bad");
        String net = network(member);
        assertThat(message(subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.0.0/24"))))
                .isEqualTo("Invalid input for cidr. Reason: '10.0.0/24' is not a valid IP subnet.");
        assertThat(message(subnet(member, Map.of("network_id", net, "ip_version", 6, "cidr", "10.0.0.0/24"))))
                .isEqualTo("Invalid input for operation: cidr '10.0.0.0/24' does not match the ip_version '6'.");
        assertThat(message(subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.1.0.0/24",
                "gateway_ip", "10.2.0.1")))).isEqualTo("Invalid input for operation: Gateway is not valid on subnet.");
        var outside = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.1.0.0/24",
                "allocation_pools", List.of(Map.of("start", "10.1.0.10", "end", "10.1.1.5"))));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().at("/NeutronError/type").asString()).isEqualTo("OutOfBoundsAllocationPool");
        assertThat(message(outside))
                .isEqualTo("The allocation pool 10.1.0.10-10.1.1.5 spans beyond the subnet cidr 10.1.0.0/24.");
        var overlap = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.1.0.0/24",
                "allocation_pools", List.of(Map.of("start", "10.1.0.10", "end", "10.1.0.20"),
                        Map.of("start", "10.1.0.15", "end", "10.1.0.30"))));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(message(overlap)).isEqualTo("Found overlapping allocation pools: 10.1.0.10-10.1.0.20"
                + " 10.1.0.15-10.1.0.30 for subnet 10.1.0.0/24.");
        var gatewayInPool = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.1.0.0/24",
                "gateway_ip", "10.1.0.12", "allocation_pools", List.of(Map.of("start", "10.1.0.10", "end", "10.1.0.20"))));
        assertThat(gatewayInPool.status()).isEqualTo(409);
        assertThat(message(gatewayInPool))
                .isEqualTo("Gateway ip 10.1.0.12 conflicts with allocation pool 10.1.0.10-10.1.0.20.");
        var reversed = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.1.0.0/24",
                "allocation_pools", List.of(Map.of("start", "10.1.0.20", "end", "10.1.0.10"))));
        assertThat(reversed.json().at("/NeutronError/type").asString()).isEqualTo("InvalidAllocationPool");
        var noVersion = subnet(member, Map.of("network_id", net, "cidr", "10.1.0.0/24"));
        assertThat(message(noVersion)).isEqualTo("Failed to parse request. Required attribute 'ip_version' not specified");
        var badDns = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.1.0.0/24",
                "dns_nameservers", List.of("8.8.8.8", "nonsense")));
        assertThat(message(badDns)).isEqualTo("Invalid input for dns_nameservers. Reason: 'nonsense' is not a valid nameserver.");
        var slaacNot64 = subnet(member, Map.of("network_id", net, "ip_version", 6, "cidr", "2001:db8::/80",
                "ipv6_address_mode", "slaac"));
        assertThat(slaacNot64.status()).isEqualTo(400);
    }

    @Test
    void overlappingCidrsOnOneNetworkAreRefused() {
        ApiClient member = server.member("u", "p-overlap");
        String net = network(member);
        assertThat(subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.5.0.0/16")).status()).isEqualTo(201);
        var second = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.5.3.0/24"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(message(second)).isEqualTo("Invalid input for operation: Requested subnet with cidr: 10.5.3.0/24 for"
                + " network: " + net + " overlaps with another subnet.");
        String other = network(member);
        assertThat(subnet(member, Map.of("network_id", other, "ip_version", 4, "cidr", "10.5.3.0/24")).status())
                .as("another network may reuse the range").isEqualTo(201);
    }

    @Test
    void anUpdateChangesPoolsGatewayNameServersAndRoutes() {
        ApiClient member = server.member("u", "p-upd");
        String net = network(member);
        String id = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.6.0.0/24"))
                .json().at("/subnet/id").asString();
        var reply = member.put("/v2.0/subnets/" + id, Map.of("subnet", Map.of("name", "renamed",
                "allocation_pools", List.of(Map.of("start", "10.6.0.100", "end", "10.6.0.200")),
                "gateway_ip", "10.6.0.254", "dns_nameservers", List.of("1.1.1.1"),
                "host_routes", List.of(Map.of("destination", "192.168.0.5/24", "nexthop", "10.6.0.9")))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode s = reply.json().get("subnet");
        assertThat(s.get("name").asString()).isEqualTo("renamed");
        assertThat(s.get("gateway_ip").asString()).isEqualTo("10.6.0.254");
        assertThat(s.get("dns_nameservers").get(0).asString()).isEqualTo("1.1.1.1");
        assertThat(s.at("/host_routes/0/destination").asString()).isEqualTo("192.168.0.0/24");
        assertThat(s.get("revision_number").asLong()).isEqualTo(1);
        var cidr = member.put("/v2.0/subnets/" + id, Map.of("subnet", Map.of("cidr", "10.7.0.0/24")));
        assertThat(cidr.status()).isEqualTo(400);
        assertThat(message(cidr)).isEqualTo("Cannot update read-only attribute cidr");
    }

    @Test
    void aSubnetWithAddressesInUseCannotBeDeleted() {
        ApiClient member = server.member("u", "p-del");
        String net = network(member);
        String id = subnet(member, Map.of("network_id", net, "ip_version", 4, "cidr", "10.8.0.0/24"))
                .json().at("/subnet/id").asString();
        String port = member.post("/v2.0/ports", Map.of("port", Map.of("network_id", net))).json().at("/port/id").asString();
        var refused = member.delete("/v2.0/subnets/" + id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/NeutronError/type").asString()).isEqualTo("SubnetInUse");
        assertThat(message(refused)).isEqualTo("Unable to complete operation on subnet " + id
                + ": One or more ports have an IP allocation from this subnet.");
        member.delete("/v2.0/ports/" + port);
        assertThat(member.delete("/v2.0/subnets/" + id).status()).isEqualTo(204);
        assertThat(member.get("/v2.0/subnets/" + id).status()).isEqualTo(404);
    }

    @Test
    void subnetsFollowTheirNetworksVisibility() {
        ApiClient owner = server.member("u", "p-vis");
        String net = network(owner);
        String id = subnet(owner, Map.of("network_id", net, "ip_version", 4, "cidr", "10.10.0.0/24"))
                .json().at("/subnet/id").asString();
        ApiClient stranger = server.member("s", "p-vis-stranger");
        assertThat(stranger.get("/v2.0/subnets/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/v2.0/subnets").json().get("subnets").findValuesAsString("id")).doesNotContain(id);
        var onOthers = subnet(stranger, Map.of("network_id", net, "ip_version", 4, "cidr", "10.11.0.0/24"));
        assertThat(onOthers.status()).isEqualTo(404);
        String shared = server.admin().post("/v2.0/networks", Map.of("network", Map.of("shared", true)))
                .json().at("/network/id").asString();
        String sharedSubnet = subnet(server.admin(), Map.of("network_id", shared, "ip_version", 4, "cidr",
                "10.12.0.0/24")).json().at("/subnet/id").asString();
        assertThat(stranger.get("/v2.0/subnets/" + sharedSubnet).status()).isEqualTo(200);
        assertThat(subnet(stranger, Map.of("network_id", shared, "ip_version", 4, "cidr", "10.13.0.0/24")).status())
                .as("only the network's owner adds subnets").isEqualTo(403);
    }

    @Test
    void aDhcpPortDoesNotKeepItsSubnetAlive() {
        ApiClient admin = server.admin();
        String net = network(admin);
        String id = subnet(admin, Map.of("network_id", net, "ip_version", 4, "cidr", "10.14.0.0/24"))
                .json().at("/subnet/id").asString();
        var dhcp = admin.post("/v2.0/ports", Map.of("port", Map.of("network_id", net, "device_owner", "network:dhcp")));
        assertThat(dhcp.json().at("/port/fixed_ips/0/ip_address").asString()).isEqualTo("10.14.0.2");
        assertThat(admin.delete("/v2.0/subnets/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v2.0/ports/" + dhcp.json().at("/port/id").asString()).json().at("/port/fixed_ips")
                .isEmpty()).isTrue();
    }

    @Test
    void aBulkCreateAnswersInThePlural() {
        ApiClient member = server.member("u", "p-bulk");
        String net = network(member);
        var reply = member.post("/v2.0/subnets", Map.of("subnets", List.of(
                Map.of("network_id", net, "ip_version", 4, "cidr", "10.15.0.0/24"),
                Map.of("network_id", net, "ip_version", 6, "cidr", "2001:db8:15::/64"))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("subnets").findValuesAsString("cidr"))
                .containsExactly("10.15.0.0/24", "2001:db8:15::/64");
    }
}
