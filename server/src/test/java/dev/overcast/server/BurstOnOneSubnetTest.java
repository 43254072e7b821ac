package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's acceptance check through the all-in-one: 200 servers created at once on one /24 get
 * 200 distinct addresses, and once the subnet's 253 addresses are taken the next port is refused
 * with Neutron's IpAddressGenerationFailure.
 */
class BurstOnOneSubnetTest {

    @Test
    void twoHundredServersAtOnceGetDistinctAddressesAndTheSubnetThenRunsOut(@TempDir Path dir) {
        try (Overcast overcast = Overcast.start(ComputeEndToEndTest.config(dir, Map.of("compute",
                Map.of("fake_hosts", 4))))) {
            Reply token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                    Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                    Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                            "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
            String t = token.header("X-Subject-Token");
            String project = token.json().at("/token/project/id").asString();
            ApiClient nova = new ApiClient(overcast.url() + "/compute/v2.1").withToken(t)
                    .withHeader("OpenStack-API-Version", "compute 2.96");
            ApiClient neutron = new ApiClient(overcast.url() + "/network/v2.0").withToken(t);
            String image = new ApiClient(overcast.url() + "/image").withToken(t).get("/v2/images").json()
                    .at("/images/0/id").asString();
            assertThat(nova.put("/os-quota-sets/" + project, Map.of("quota_set", Map.of("instances", -1, "cores", -1,
                    "ram", -1))).status()).isEqualTo(200);
            String network = neutron.post("/networks", Map.of("network", Map.of("name", "crowded"))).json()
                    .at("/network/id").asString();
            String subnet = neutron.post("/subnets", Map.of("subnet", Map.of("network_id", network, "ip_version", 4,
                    "cidr", "10.50.0.0/24"))).json().at("/subnet/id").asString();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    nova.get("/os-hypervisors").json().path("hypervisors").size() == 4);

            Reply created = nova.post("/servers", Map.of("server", Map.of("name", "crowd", "imageRef", image,
                    "flavorRef", "1", "min_count", 200, "max_count", 200, "networks", List.of(Map.of("uuid", network)))));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode servers = nova.get("/servers/detail?limit=1000").json().path("servers");
                int active = 0;
                for (JsonNode s : servers) {
                    active += s.path("status").asString().equals("ACTIVE") ? 1 : 0;
                }
                return active == 200;
            });
            Set<String> addresses = new HashSet<>();
            for (JsonNode s : nova.get("/servers/detail?limit=1000").json().path("servers")) {
                JsonNode nics = s.path("addresses").path("crowded");
                assertThat(nics.size()).as(s.path("id").asString()).isEqualTo(1);
                addresses.add(nics.get(0).path("addr").asString());
            }
            assertThat(addresses).hasSize(200);

            // 253 allocatable addresses on a /24 whose gateway is .1: 53 more ports fit, the next does not.
            for (int i = 0; i < 53; i++) {
                Reply port = neutron.post("/ports", Map.of("port", Map.of("network_id", network)));
                assertThat(port.status()).as(port.body()).isEqualTo(201);
            }
            Reply refused = neutron.post("/ports", Map.of("port", Map.of("network_id", network)));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().at("/NeutronError/type").asString()).isEqualTo("IpAddressGenerationFailure");
            assertThat(refused.json().at("/NeutronError/message").asString())
                    .isEqualTo("No more IP addresses available on network " + network + ".");
            assertThat(subnet).isNotEmpty();
        }
    }
}
