package dev.overcast.compute.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.TestImages;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** os-hosts over HTTP, as Tempest's test_hosts and test_hosts_negative use it, on 2.1 to 2.42. */
class HostApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void hosts() {
        server.startAgent(2);
    }

    static ApiClient admin() {
        return server.admin("2.42");
    }

    static ApiClient member() {
        return server.member("u1", "p1", "2.42");
    }

    static List<String> listed(ApiClient client, String query) {
        Reply reply = client.get("/v2.1/os-hosts" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        reply.json().path("hosts").forEach(h -> out.add(h.path("host_name").asString() + "/"
                + h.path("service").asString() + "/" + h.path("zone").asString()));
        return out;
    }

    @Test
    void theListNamesEveryServiceHostWithItsTopicAndZone() {
        assertThat(listed(admin(), "")).containsExactlyInAnyOrder("compute1/compute/nova", "compute2/compute/nova",
                "test-controller/conductor/internal", "test-controller/scheduler/internal");
        Reply reply = admin().get("/v2.1/os-hosts");
        assertThat(reply.json().path("hosts").get(0).size()).as("host_name, service and zone only").isEqualTo(3);
    }

    @Test
    void theListIsNarrowedToAZoneAndABlankZoneIsNoFilter() {
        assertThat(listed(admin(), "?zone=nova")).containsExactlyInAnyOrder("compute1/compute/nova",
                "compute2/compute/nova");
        assertThat(listed(admin(), "?zone=internal")).hasSize(2);
        assertThat(listed(admin(), "?zone=")).hasSize(4);
        assertThat(listed(admin(), "?zone=xxx")).isEmpty();
    }

    @Test
    void aComputeHostIsListedInItsAggregatesZone() {
        Reply created = admin().post("/v2.1/os-aggregates",
                Map.of("aggregate", Map.of("name", "rack-9", "availability_zone", "zone-9")));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long id = created.json().at("/aggregate/id").asLong();
        admin().post("/v2.1/os-aggregates/" + id + "/action", Map.of("add_host", Map.of("host", "compute2")));
        try {
            assertThat(listed(admin(), "?zone=zone-9")).containsExactly("compute2/compute/zone-9");
            assertThat(listed(admin(), "?zone=nova")).containsExactly("compute1/compute/nova");
        } finally {
            admin().post("/v2.1/os-aggregates/" + id + "/action", Map.of("remove_host", Map.of("host", "compute2")));
            admin().delete("/v2.1/os-aggregates/" + id);
        }
    }

    @Test
    void aHostShowsItsNodesCapacityAndItsInstancesPerProject() {
        String serverId = boot();
        String host = server.admin("2.96").get("/v2.1/servers/" + serverId).json().path("server")
                .path("OS-EXT-SRV-ATTR:host").asString();
        Reply reply = admin().get("/v2.1/os-hosts/" + host);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, JsonNode> rows = new HashMap<>();
        reply.json().path("host").forEach(r -> rows.put(r.path("resource").path("project").asString(),
                r.path("resource")));
        assertThat(rows).containsOnlyKeys("(total)", "(used_now)", "(used_max)", "p1");
        assertThat(rows.get("(total)").path("cpu").asInt()).isEqualTo(16);
        assertThat(rows.get("(total)").path("memory_mb").asInt()).isEqualTo(32768);
        assertThat(rows.get("(total)").path("host").asString()).isEqualTo(host);
        JsonNode mine = rows.get("p1");
        assertThat(mine.path("cpu").asInt()).isEqualTo(1);
        assertThat(mine.path("memory_mb").asInt()).isEqualTo(512);
        assertThat(mine.path("disk_gb").asInt()).isEqualTo(1);
        assertThat(rows.get("(used_max)").path("cpu").asInt()).isEqualTo(1);
        assertThat(reply.json().path("host").get(0).path("resource").size()).isEqualTo(5);
        server.member("u1", "p1", "2.96").delete("/v2.1/servers/" + serverId);
    }

    @Test
    void anUnknownHostIsNotFoundEverywhere() {
        Reply shown = admin().get("/v2.1/os-hosts/nonexistent_hostname");
        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.json().at("/itemNotFound/message").asString())
                .isEqualTo("Host 'nonexistent_hostname' is not mapped to any cell");
        assertThat(admin().put("/v2.1/os-hosts/nonexistent_hostname",
                Map.of("status", "enable", "maintenance_mode", "enable")).status()).isEqualTo(404);
        for (String action : List.of("reboot", "shutdown", "startup")) {
            assertThat(admin().get("/v2.1/os-hosts/nonexistent_hostname/" + action).status()).isEqualTo(404);
        }
    }

    @Test
    void aHostWithoutComputeNodesHasNoDetail() {
        assertThat(admin().get("/v2.1/os-hosts/test-controller").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsMayUseTheApi() {
        assertThat(member().get("/v2.1/os-hosts").status()).isEqualTo(403);
        assertThat(member().get("/v2.1/os-hosts/compute1").status()).isEqualTo(403);
        assertThat(member().put("/v2.1/os-hosts/compute1", Map.of("status", "enable", "maintenance_mode", "enable"))
                .status()).isEqualTo(403);
        for (String action : List.of("reboot", "shutdown", "startup")) {
            assertThat(member().get("/v2.1/os-hosts/compute1/" + action).status()).isEqualTo(403);
        }
    }

    @Test
    void fromMicroversion243EveryRouteIsGone() {
        ApiClient admin = server.admin("2.43");
        assertThat(admin.get("/v2.1/os-hosts").status()).isEqualTo(404);
        assertThat(admin.get("/v2.1/os-hosts/compute1").status()).isEqualTo(404);
        assertThat(admin.put("/v2.1/os-hosts/compute1", Map.of("status", "enable")).status()).isEqualTo(404);
        assertThat(admin.get("/v2.1/os-hosts/compute1/reboot").status()).isEqualTo(404);
        assertThat(server.admin("2.1").get("/v2.1/os-hosts").status()).isEqualTo(200);
    }

    @Test
    void anUpdateNeedsAValidStatusOrMaintenanceMode() {
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("status", null);
        nulls.put("maintenance_mode", null);
        assertThat(admin().put("/v2.1/os-hosts/compute1", nulls).status()).isEqualTo(400);
        assertThat(admin().put("/v2.1/os-hosts/compute1", Map.of()).status()).isEqualTo(400);
        assertThat(admin().put("/v2.1/os-hosts/compute1", Map.of("status", "invalid", "maintenance_mode", "enable"))
                .status()).isEqualTo(400);
        assertThat(admin().put("/v2.1/os-hosts/compute1", Map.of("status", "enable", "maintenance_mode", "invalid"))
                .status()).isEqualTo(400);
        assertThat(admin().put("/v2.1/os-hosts/compute1", Map.of("status", "enable", "other", "x")).status())
                .isEqualTo(400);
    }

    @Test
    void disablingAHostDisablesItsComputeServiceAndTakesItOffTheList() {
        Reply disabled = admin().put("/v2.1/os-hosts/compute1", Map.of("status", "Disable"));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("host").asString()).isEqualTo("compute1");
        assertThat(disabled.json().path("status").asString()).isEqualTo("disabled");
        try {
            assertThat(serviceStatus("compute1")).isEqualTo("disabled");
            assertThat(listed(admin(), "")).doesNotContain("compute1/compute/nova").contains("compute2/compute/nova");
        } finally {
            Reply enabled = admin().put("/v2.1/os-hosts/compute1", Map.of("status", "enable"));
            assertThat(enabled.json().path("status").asString()).isEqualTo("enabled");
        }
        assertThat(serviceStatus("compute1")).isEqualTo("enabled");
        assertThat(listed(admin(), "")).contains("compute1/compute/nova");
    }

    @Test
    void maintenanceModeIsNotSupportedAndChangesNothing() {
        Reply reply = admin().put("/v2.1/os-hosts/compute2", Map.of("status", "disable", "maintenance_mode", "enable"));
        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.json().at("/notImplemented/message").asString())
                .isEqualTo("The requested functionality is not supported.");
        assertThat(serviceStatus("compute2")).isEqualTo("enabled");
    }

    @Test
    void powerActionsAreNotSupportedOnAHostThatExists() {
        for (String action : List.of("reboot", "shutdown", "startup")) {
            Reply reply = admin().get("/v2.1/os-hosts/compute1/" + action);
            assertThat(reply.status()).as(action).isEqualTo(501);
        }
    }

    private static String serviceStatus(String host) {
        Reply reply = server.admin("2.96").get("/v2.1/os-services?host=" + host + "&binary=nova-compute");
        return reply.json().path("services").get(0).path("status").asString();
    }

    private static String boot() {
        ApiClient member = server.member("u1", "p1", "2.96");
        Reply created = member.post("/v2.1/servers", Map.of("server", Map.of("name", "on-a-host",
                "imageRef", TestImages.BOOTABLE, "flavorRef", "1", "networks", "none")));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().at("/server/id").asString();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                "ACTIVE".equals(member.get("/v2.1/servers/" + id).json().at("/server/status").asString()));
        return id;
    }
}
