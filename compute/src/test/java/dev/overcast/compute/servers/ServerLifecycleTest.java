package dev.overcast.compute.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

class ServerLifecycleTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void hosts() {
        server.startAgent(2);
    }

    static ApiClient member() {
        return server.member("u1", "p1", "2.96");
    }

    static Map<String, Object> body(String name) {
        return Map.of("server", Map.of("name", name, "imageRef", TestImages.BOOTABLE, "flavorRef", "1",
                "networks", "none"));
    }

    static String create(ApiClient client, Map<String, Object> body) {
        Reply reply = client.post("/v2.1/servers", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().at("/server/id").asString();
    }

    static JsonNode waitFor(ApiClient client, String id, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Reply r = client.get("/v2.1/servers/" + id);
            last[0] = r.json().path("server");
            return r.status() == 200 && status.equals(last[0].path("status").asString());
        });
        return last[0];
    }

    @Test
    void aServerIsBuiltToActiveOnAFakeHostAndItsClaimIsInPlacement() {
        String id = create(member(), body("web-1"));
        JsonNode s = waitFor(member(), id, "ACTIVE");
        assertThat(s.path("OS-EXT-STS:vm_state").asString()).isEqualTo("active");
        assertThat(s.path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(s.path("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(s.path("hostId").asString()).hasSize(56);
        assertThat(s.has("OS-EXT-SRV-ATTR:host")).as("members never see host names").isFalse();
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.tiny");
        Reply allocations = server.placementAdmin().get("/allocations/" + id);
        assertThat(allocations.json().path("allocations").size()).isEqualTo(1);

        JsonNode admin = server.admin("2.96").get("/v2.1/servers/" + id).json().path("server");
        assertThat(admin.path("OS-EXT-SRV-ATTR:host").asString()).startsWith("compute");
    }

    @Test
    void aServerIsShownAtOnceAfterItsCreateIsAnswered() {
        for (int i = 0; i < 5; i++) {
            String id = create(member(), body("quick-" + i));
            Reply shown = member().get("/v2.1/servers/" + id);
            assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        }
    }

    @Test
    void theCreateActionRecordsTheBuildEvent() {
        String id = create(member(), body("acted"));
        waitFor(member(), id, "ACTIVE");
        JsonNode actions = member().get("/v2.1/servers/" + id + "/os-instance-actions").json().path("instanceActions");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).path("action").asString()).isEqualTo("create");
        String request = actions.get(0).path("request_id").asString();
        // As in Nova, the event's result is recorded when the build returns, which may be just after ACTIVE shows.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode event = member().get("/v2.1/servers/" + id + "/os-instance-actions/" + request).json()
                    .at("/instanceAction/events/0");
            assertThat(event.path("event").asString()).isEqualTo("compute__do_build_and_run_instance");
            assertThat(event.path("result").asString()).isEqualTo("Success");
        });
    }

    @Test
    void deletingAnActiveServerRemovesItAndReleasesItsClaim() {
        String id = create(member(), body("gone"));
        waitFor(member(), id, "ACTIVE");
        assertThat(member().delete("/v2.1/servers/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> member().get("/v2.1/servers/" + id).status() == 404);
        assertThat(server.placementAdmin().get("/allocations/" + id).json().path("allocations").size()).isZero();
    }

    @Test
    void stopStartAndRebootGoThroughTheirTasks() {
        String id = create(member(), body("power"));
        waitFor(member(), id, "ACTIVE");
        assertThat(member().post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of())).status())
                .isEqualTo(202);
        assertThat(waitFor(member(), id, "SHUTOFF").path("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        Reply again = member().post("/v2.1/servers/" + id + "/action", Map.of("os-stop", Map.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/conflictingRequest/message").asString())
                .isEqualTo("Cannot 'stop' instance " + id + " while it is in vm_state stopped");
        member().post("/v2.1/servers/" + id + "/action", Map.of("os-start", Map.of()));
        waitFor(member(), id, "ACTIVE");
        assertThat(member().post("/v2.1/servers/" + id + "/action", Map.of("reboot", Map.of("type", "HARD")))
                .status()).isEqualTo(202);
        waitFor(member(), id, "ACTIVE");
    }

    @Test
    void anotherProjectNeitherSeesNorDeletesTheServer() {
        String id = create(member(), body("private"));
        ApiClient other = server.member("u2", "p2", "2.96");
        assertThat(other.get("/v2.1/servers/" + id).status()).isEqualTo(404);
        assertThat(other.delete("/v2.1/servers/" + id).status()).isEqualTo(404);
        assertThat(other.get("/v2.1/servers").json().path("servers").size()).isZero();
    }

    @Test
    void aServerThatFitsNowhereEndsInErrorWithAFaultThatSaysWhy() {
        server.context().api().useHandle(h -> h.execute("""
                insert into flavors (flavorid, name, memory_mb, vcpus, swap, root_gb, ephemeral_gb, rxtx_factor,
                                     disabled, is_public, created_at)
                values ('huge', 'huge', 512, 1, 0, 1000000, 0, 1.0, false, true, current_timestamp)"""));
        Map<String, Object> body = Map.of("server", Map.of("name", "too-big", "imageRef", TestImages.BOOTABLE,
                "flavorRef", "huge", "networks", "none"));
        String id = create(member(), body);
        JsonNode s = waitFor(member(), id, "ERROR");
        assertThat(s.path("fault").path("code").asInt()).isEqualTo(500);
        assertThat(s.path("fault").path("message").asString()).startsWith("No valid host was found. Placement")
                .contains("DISK_GB");
        assertThat(member().delete("/v2.1/servers/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> member().get("/v2.1/servers/" + id).status() == 404);
    }

    @Test
    void listsShowBuildingAndActiveServersNewestFirstWithPaging() {
        ApiClient client = server.member("u3", "p3", "2.96");
        List<String> ids = List.of(create(client, body("a")), create(client, body("b")), create(client, body("c")));
        Reply page = client.get("/v2.1/servers?limit=2");
        assertThat(page.json().path("servers")).hasSize(2);
        assertThat(page.json().path("servers").get(0).path("id").asString()).isEqualTo(ids.get(2));
        String next = page.json().at("/servers_links/0/href").asString();
        assertThat(next).contains("marker=" + ids.get(1));
        Reply rest = client.get("/v2.1/servers?limit=2&marker=" + ids.get(1));
        assertThat(rest.json().path("servers")).hasSize(1);
        assertThat(rest.json().path("servers").get(0).path("id").asString()).isEqualTo(ids.get(0));
        ids.forEach(id -> waitFor(client, id, "ACTIVE"));
        assertThat(client.get("/v2.1/servers/detail?name=%5Eb%24").json().path("servers")).hasSize(1);
        assertThat(client.get("/v2.1/servers/detail?status=ACTIVE").json().path("servers")).hasSize(3);
        assertThat(client.get("/v2.1/servers/detail?status=FOO").status()).isEqualTo(400);
    }

    @Test
    void adminsListEveryProjectsServersWithAllTenants() {
        String mine = create(server.member("u4", "p4", "2.96"), body("p4-server"));
        String theirs = create(server.member("u5", "p5", "2.96"), body("p5-server"));
        Reply all = server.admin("2.96").get("/v2.1/servers/detail?all_tenants=1");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("servers").findValuesAsString("id")).contains(mine, theirs);
        Reply one = server.admin("2.96").get("/v2.1/servers?all_tenants=1&project_id=p5");
        assertThat(one.json().path("servers").findValuesAsString("id")).contains(theirs).doesNotContain(mine);
        assertThat(server.member("u4", "p4", "2.96").get("/v2.1/servers?all_tenants=1").status()).isEqualTo(403);
    }

    @Test
    void aBadRequestIsA400NamingTheField() {
        Reply noNetworks = member().post("/v2.1/servers", Map.of("server", Map.of("name", "x", "imageRef",
                TestImages.BOOTABLE, "flavorRef", "1")));
        assertThat(noNetworks.status()).isEqualTo(400);
        assertThat(noNetworks.json().at("/badRequest/message").asString()).contains("'networks' is a required property");
        Reply badFlavor = member().post("/v2.1/servers", Map.of("server", Map.of("name", "x", "imageRef",
                TestImages.BOOTABLE, "flavorRef", "nope", "networks", "none")));
        assertThat(badFlavor.json().at("/badRequest/message").asString()).isEqualTo("Flavor nope could not be found.");
        Reply badImage = member().post("/v2.1/servers", Map.of("server", Map.of("name", "x", "imageRef",
                "0b9d6a8e-0000-4000-8000-000000000000", "flavorRef", "1", "networks", "none")));
        assertThat(badImage.json().at("/badRequest/message").asString())
                .isEqualTo("Image 0b9d6a8e-0000-4000-8000-000000000000 could not be found.");
        Reply badKey = member().post("/v2.1/servers", Map.of("server", Map.of("name", "x", "imageRef",
                TestImages.BOOTABLE, "flavorRef", "1", "networks", "none", "key_name", "missing")));
        assertThat(badKey.json().at("/badRequest/message").asString()).isEqualTo("Invalid key_name provided.");
        Reply badGroup = member().post("/v2.1/servers", Map.of("server", Map.of("name", "x", "imageRef",
                TestImages.BOOTABLE, "flavorRef", "1", "networks", "none",
                "security_groups", List.of(Map.of("name", "nope")))));
        assertThat(badGroup.json().at("/badRequest/message").asString())
                .isEqualTo("Security group nope not found for project p1.");
    }

    @Test
    void metadataAndTagsCanBeSetAndRead() {
        String id = create(member(), Map.of("server", Map.of("name", "meta", "imageRef", TestImages.BOOTABLE,
                "flavorRef", "1", "networks", "none", "metadata", Map.of("a", "1"), "tags", List.of("x"))));
        waitFor(member(), id, "ACTIVE");
        assertThat(member().get("/v2.1/servers/" + id + "/metadata").json().path("metadata").path("a").asString())
                .isEqualTo("1");
        member().post("/v2.1/servers/" + id + "/metadata", Map.of("metadata", Map.of("b", "2")));
        assertThat(member().get("/v2.1/servers/" + id + "/metadata/b").json().at("/meta/b").asString())
                .isEqualTo("2");
        assertThat(member().put("/v2.1/servers/" + id + "/tags/y", null).status()).isEqualTo(201);
        assertThat(member().get("/v2.1/servers/" + id + "/tags").json().path("tags").toString())
                .isEqualTo("[\"x\",\"y\"]");
        assertThat(member().get("/v2.1/servers/detail?tags=y").json().path("servers")).hasSize(1);
    }
}
