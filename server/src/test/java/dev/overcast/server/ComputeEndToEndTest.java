package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.core.bus.InProcessBus;
import dev.overcast.core.bus.RabbitBus;
import dev.overcast.core.bus.RabbitVhost;
import dev.overcast.core.config.ConfigLoader;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import dev.overcast.testkit.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Compute through the all-in-one, as a client uses it: servers are built on the simulated hosts,
 * kept apart by a server group, stopped and deleted, and every Placement claim goes with its
 * server. It runs twice: on H2 with the in-process bus (the default install), and on PostgreSQL
 * with RabbitMQ (the production shape), each with a database and vhost of its own.
 */
class ComputeEndToEndTest {

    @Nested
    class OnH2WithTheInProcessBus {
        @Test
        void serversLiveAndDie(@TempDir Path dir) {
            try (Overcast overcast = Overcast.start(config(dir, Map.of()))) {
                assertThat(overcast.bus()).isInstanceOf(InProcessBus.class);
                scenario(overcast);
            }
        }
    }

    @Nested
    class OnPostgresqlWithRabbitMq {
        @Test
        void serversLiveAndDie(@TempDir Path dir) {
            try (TestDatabase db = TestDatabase.create("postgresql");
                 RabbitVhost vhost = RabbitVhost.create("compute-e2e");
                 Overcast overcast = Overcast.start(config(dir, Map.of(
                         "bus", Map.of("url", vhost.settings().uri()),
                         "database", Map.of("url", db.settings().url(), "user", db.settings().user()))))) {
                assertThat(overcast.bus()).isInstanceOf(RabbitBus.class);
                scenario(overcast);
            }
        }
    }

    static OvercastConfig config(Path dir, Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("port", 0, "data_dir", dir.toString(),
                "password_hash_rounds", 4, "admin_password", "pw", "compute", Map.of("fake_hosts", 3)));
        values.putAll(extra);
        return ConfigLoader.load(OvercastConfig.class, null, Map.of(), values);
    }

    static void scenario(Overcast overcast) {
        Reply token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                        "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        String t = token.header("X-Subject-Token");
        ApiClient nova = new ApiClient(overcast.url() + "/compute/v2.1").withToken(t)
                .withHeader("OpenStack-API-Version", "compute 2.96");
        ApiClient placement = new ApiClient(overcast.url() + "/placement").withToken(t)
                .withHeader("OpenStack-API-Version", "placement 1.39");
        String image = new ApiClient(overcast.url() + "/image").withToken(t).get("/v2/images").json()
                .at("/images/0/id").asString();

        await().atMost(Duration.ofSeconds(20)).until(() ->
                nova.get("/os-hypervisors").json().path("hypervisors").size() == 3);
        String group = nova.post("/os-server-groups", Map.of("server_group", Map.of("name", "apart",
                "policy", "anti-affinity"))).json().at("/server_group/id").asString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> server = Map.of("name", "vm" + i, "imageRef", image, "flavorRef", "1",
                    "networks", "none");
            Reply created = nova.post("/servers", i < 2
                    ? Map.of("server", server, "os:scheduler_hints", Map.of("group", group))
                    : Map.of("server", server));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            ids.add(created.json().at("/server/id").asString());
        }
        Map<String, String> hosts = new HashMap<>();
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "ACTIVE".equals(nova.get("/servers/" + id).json().at("/server/status").asString()));
            JsonNode s = nova.get("/servers/" + id).json().path("server");
            hosts.put(id, s.path("OS-EXT-SRV-ATTR:host").asString());
            assertThat(placement.get("/allocations/" + id).json().path("allocations").size()).isEqualTo(1);
        }
        assertThat(hosts.get(ids.get(0))).isNotEqualTo(hosts.get(ids.get(1)));

        assertThat(nova.post("/servers/" + ids.get(2) + "/action", Map.of("os-stop", Map.of())).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "SHUTOFF".equals(nova.get("/servers/" + ids.get(2)).json().at("/server/status").asString()));

        for (String id : ids) {
            assertThat(nova.delete("/servers/" + id).status()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> nova.get("/servers").json().path("servers").isEmpty());
        Set<String> leftovers = new HashSet<>();
        for (String id : ids) {
            if (placement.get("/allocations/" + id).json().path("allocations").size() > 0) {
                leftovers.add(id);
            }
        }
        assertThat(leftovers).as("claims left in Placement").isEmpty();
        JsonNode services = nova.get("/os-services").json().path("services");
        assertThat(services.findValuesAsString("binary")).contains("nova-compute", "nova-conductor",
                "nova-scheduler");
    }
}
