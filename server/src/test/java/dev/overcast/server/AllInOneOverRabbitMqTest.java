package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.compute.placement.BusPlacementClient;
import dev.overcast.compute.scheduler.PlacementQuery;
import dev.overcast.core.bus.RabbitBus;
import dev.overcast.core.bus.RabbitVhost;
import dev.overcast.core.config.ConfigLoader;
import dev.overcast.testkit.ApiClient;

/**
 * The all-in-one with {@code bus.url} set talks over RabbitMQ (a vhost of this test's own on
 * the local broker): Placement answers the scheduler's calls there.
 */
class AllInOneOverRabbitMqTest {

    @Test
    void placementServesTheSchedulerOverRabbitMq(@TempDir Path dir) {
        try (RabbitVhost vhost = RabbitVhost.create("all-in-one");
             Overcast overcast = Overcast.start(ConfigLoader.load(OvercastConfig.class, null, Map.of(),
                     Map.of("port", 0, "data_dir", dir.toString(), "password_hash_rounds", 4, "admin_password", "pw",
                             "bus", Map.of("url", vhost.settings().uri()))))) {
            assertThat(overcast.bus()).isInstanceOf(RabbitBus.class);
            var token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                    Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                    Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                            "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
            ApiClient placement = new ApiClient(overcast.url() + "/placement")
                    .withToken(token.header("X-Subject-Token")).withHeader("OpenStack-API-Version", "placement 1.39");
            String uuid = placement.post("/resource_providers", Map.of("name", "cn-rabbit")).json().get("uuid").asString();
            placement.put("/resource_providers/" + uuid + "/inventories", Map.of("resource_provider_generation", 0,
                    "inventories", Map.of("VCPU", Map.of("total", 2))));

            var client = new BusPlacementClient(overcast.bus(), Duration.ofSeconds(10));
            var candidates = client.candidates(PlacementQuery.of(Map.of("VCPU", 2L)));
            assertThat(candidates).singleElement().satisfies(c -> assertThat(c.rootProviderUuid()).isEqualTo(uuid));

            String consumer = UUID.randomUUID().toString();
            assertThat(client.claim(consumer, "p", "u", candidates.getFirst().allocationRequest())).isTrue();
            assertThat(client.claim(UUID.randomUUID().toString(), "p", "u", candidates.getFirst().allocationRequest()))
                    .isFalse();
            assertThat(placement.get("/allocations/" + consumer).json().at("/allocations/" + uuid + "/resources/VCPU")
                    .asLong()).isEqualTo(2);
        }
    }
}
