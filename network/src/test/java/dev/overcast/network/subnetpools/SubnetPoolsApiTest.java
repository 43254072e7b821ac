package dev.overcast.network.subnetpools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.network.NetworkServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class SubnetPoolsApiTest {
    @RegisterExtension
    static final NetworkServer server = new NetworkServer();

    private static String network(ApiClient client) {
        return client.post("/v2.0/networks", Map.of("network", Map.of("name", "n"))).json().at("/network/id").asString();
    }

    @Test
    void subnetsAreCarvedFromAPoolByPrefixLength() {
        ApiClient member = server.member("u", "p-pool");
        var created = member.post("/v2.0/subnetpools", Map.of("subnetpool", Map.of("name", "pool",
                "prefixes", List.of("10.100.0.1/16"), "default_prefixlen", 24)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode pool = created.json().get("subnetpool");
        assertThat(pool.get("prefixes").get(0).asString()).isEqualTo("10.100.0.0/16");
        assertThat(pool.get("ip_version").asInt()).isEqualTo(4);
        assertThat(pool.get("min_prefixlen").asInt()).isEqualTo(16);
        String net = network(member);
        var first = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", net, "ip_version", 4,
                "subnetpool_id", pool.get("id").asString())));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().at("/subnet/cidr").asString()).isEqualTo("10.100.0.0/24");
        assertThat(first.json().at("/subnet/subnetpool_id").asString()).isEqualTo(pool.get("id").asString());
        var second = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", network(member),
                "ip_version", 4, "subnetpool_id", pool.get("id").asString(), "prefixlen", 28)));
        assertThat(second.json().at("/subnet/cidr").asString()).isEqualTo("10.100.1.0/28");
        var taken = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", network(member),
                "ip_version", 4, "subnetpool_id", pool.get("id").asString(), "cidr", "10.100.0.0/25")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().at("/NeutronError/type").asString()).isEqualTo("SubnetAllocationError");
        var inUse = member.delete("/v2.0/subnetpools/" + pool.get("id").asString());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().at("/NeutronError/type").asString()).isEqualTo("SubnetPoolInUse");
    }

    @Test
    void theDefaultPoolServesUseDefaultSubnetpoolAndOnlyAdminsSetIt() {
        assertThat(server.member("u", "p-def").post("/v2.0/subnetpools", Map.of("subnetpool", Map.of("name", "d",
                "prefixes", List.of("10.200.0.0/16"), "is_default", true))).status()).isEqualTo(403);
        var pool = server.admin().post("/v2.0/subnetpools", Map.of("subnetpool", Map.of("name", "default-v4",
                "prefixes", List.of("10.200.0.0/16"), "default_prefixlen", 26, "is_default", true, "shared", true)));
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        ApiClient member = server.member("u", "p-def");
        assertThat(member.get("/v2.0/subnetpools/" + pool.json().at("/subnetpool/id").asString()).status()).isEqualTo(200);
        var subnet = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", network(member),
                "ip_version", 4, "use_default_subnetpool", true)));
        assertThat(subnet.status()).as(subnet.toString()).isEqualTo(201);
        assertThat(subnet.json().at("/subnet/cidr").asString()).isEqualTo("10.200.0.0/26");
        var noV6 = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", network(member),
                "ip_version", 6, "use_default_subnetpool", true)));
        assertThat(noV6.status()).isEqualTo(400);
    }

    @Test
    void badPoolsAreRefused() {
        ApiClient member = server.member("u", "p-badpool");
        var mixed = member.post("/v2.0/subnetpools", Map.of("subnetpool", Map.of("name", "m",
                "prefixes", List.of("10.0.0.0/8", "2001:db8::/32"))));
        assertThat(mixed.json().at("/NeutronError/message").asString())
                .isEqualTo("Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
        var bounds = member.post("/v2.0/subnetpools", Map.of("subnetpool", Map.of("name", "b",
                "prefixes", List.of("10.0.0.0/8"), "min_prefixlen", 24, "default_prefixlen", 16)));
        assertThat(bounds.status()).isEqualTo(400);
        assertThat(member.post("/v2.0/subnetpools", Map.of("subnetpool", Map.of("name", "x"))).status()).isEqualTo(400);
        String other = server.member("o", "p-otherpool").post("/v2.0/subnetpools", Map.of("subnetpool",
                Map.of("name", "private", "prefixes", List.of("10.50.0.0/16")))).json().at("/subnetpool/id").asString();
        assertThat(member.get("/v2.0/subnetpools/" + other).status()).isEqualTo(404);
        var foreign = member.post("/v2.0/subnets", Map.of("subnet", Map.of("network_id", network(member),
                "ip_version", 4, "subnetpool_id", other)));
        assertThat(foreign.status()).isEqualTo(404);
    }
}
