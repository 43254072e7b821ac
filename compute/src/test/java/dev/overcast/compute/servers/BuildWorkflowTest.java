package dev.overcast.compute.servers;

import static dev.overcast.compute.servers.ServerLifecycleTest.body;
import static dev.overcast.compute.servers.ServerLifecycleTest.create;
import static dev.overcast.compute.servers.ServerLifecycleTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** How builds end: rescheduled after a failed spawn, deleted before they reach a cell, or listed while a cell is down. */
class BuildWorkflowTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static FakeDriver driver;

    @BeforeAll
    static void hosts() {
        driver = FakeDriver.builder().hosts("compute", 3).clock(server.context().clock()).build();
        server.startAgent("cell1", driver);
    }

    static ApiClient member() {
        return server.member("u1", "p1", "2.96");
    }

    @Test
    void aSpawnThatFailsIsRetriedOnAnAlternateHostAndTheActionSaysSo() {
        driver.failNextSpawns(1, true);
        String id = create(member(), body("retried"));
        JsonNode s = waitFor(member(), id, "ACTIVE");
        assertThat(s.path("status").asString()).isEqualTo("ACTIVE");
        JsonNode actions = member().get("/v2.1/servers/" + id + "/os-instance-actions").json();
        String request = actions.at("/instanceActions/0/request_id").asString();
        // As in Nova, an event's result is recorded when the step returns, which may be just after the server
        // shows ACTIVE.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.admin("2.96")
                .get("/v2.1/servers/" + id + "/os-instance-actions/" + request).json().at("/instanceAction/events")
                .findValuesAsString("result")).containsExactly("Error", "Success"));
        assertThat(server.placementAdmin().get("/allocations/" + id).json().path("allocations").size()).isEqualTo(1);
    }

    @Test
    void aSpawnThatFailsEverywhereEndsInErrorWithItsClaimReleased() {
        driver.failNextSpawns(3, true);
        String id = create(member(), body("doomed"));
        JsonNode s = waitFor(member(), id, "ERROR");
        assertThat(s.path("fault").path("message").asString()).contains("Exceeded maximum number of retries");
        assertThat(server.placementAdmin().get("/allocations/" + id).json().path("allocations").size()).isZero();
    }

    @Test
    void aServerDeletedRightAfterItsCreateIsGoneAndHoldsNoClaimWhereverItsBuildWas() {
        ApiClient client = server.member("u2", "p2", "2.96");
        for (int i = 0; i < 5; i++) {
            String id = create(client, body("short-lived-" + i));
            assertThat(client.delete("/v2.1/servers/" + id).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> client.get("/v2.1/servers/" + id).status() == 404);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    server.placementAdmin().get("/allocations/" + id).json().path("allocations").isEmpty());
        }
        assertThat(client.get("/v2.1/servers").json().path("servers").size()).isZero();
    }

    @Test
    void aBuildRequestNotYetTakenIsDeletedWithItsMapping() {
        ApiClient client = server.member("u4", "p4", "2.96");
        String id = java.util.UUID.randomUUID().toString();
        Instant now = Instant.now();
        var instance = new dev.overcast.compute.instances.Instance(id, "p4", "u4", "queued", null, "queued", null,
                null, null, new dev.overcast.compute.instances.InstanceFlavor("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0,
                        Map.of()), dev.overcast.compute.TestImages.BOOTABLE, null, null, null,
                dev.overcast.compute.instances.Lifecycle.initial(), null, null, "r-1", 0, null, null, Map.of(), null,
                null, null, null, now, now, null, false);
        var builds = new dev.overcast.compute.builds.BuildStore(server.context().api());
        // Written as the API writes a create, without telling the conductor.
        builds.create(java.util.List.of(new dev.overcast.compute.builds.BuildRequest(instance, Map.of(),
                java.util.List.of(), "req-1", "r-1")), new dev.overcast.compute.builds.SchedulingRequest(Map.of(),
                Map.of(), null, null, null, null, null, null), now);
        assertThat(client.get("/v2.1/servers/" + id).json().at("/server/status").asString()).isEqualTo("BUILD");
        assertThat(client.delete("/v2.1/servers/" + id).status()).isEqualTo(204);
        assertThat(client.get("/v2.1/servers/" + id).status()).isEqualTo(404);
        assertThat(builds.mapping(id)).isEmpty();
    }

    /** Regression: Tempest's ServersAdmin275Test renamed a server still in BUILD and got a 409. */
    @Test
    void aServerNotYetInACellCanBeRenamed() {
        ApiClient client = server.member("u5", "p5", "2.96");
        String id = java.util.UUID.randomUUID().toString();
        Instant now = Instant.now();
        var instance = new dev.overcast.compute.instances.Instance(id, "p5", "u5", "queued", null, "queued", null,
                null, null, new dev.overcast.compute.instances.InstanceFlavor("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0,
                        Map.of()), dev.overcast.compute.TestImages.BOOTABLE, null, null, null,
                dev.overcast.compute.instances.Lifecycle.initial(), null, null, "r-5", 0, null, null, Map.of(), null,
                null, null, null, now, now, null, false);
        var builds = new dev.overcast.compute.builds.BuildStore(server.context().api());
        // Written as the API writes a create, without telling the conductor.
        builds.create(java.util.List.of(new dev.overcast.compute.builds.BuildRequest(instance, Map.of(),
                java.util.List.of(), "req-5", "r-5")), new dev.overcast.compute.builds.SchedulingRequest(Map.of(),
                Map.of(), null, null, null, null, null, null), now);
        Reply renamed = client.put("/v2.1/servers/" + id, Map.of("server", Map.of("name", "renamed",
                "description", "still building")));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().at("/server/name").asString()).isEqualTo("renamed");
        JsonNode shown = client.get("/v2.1/servers/" + id).json().path("server");
        assertThat(shown.path("status").asString()).isEqualTo("BUILD");
        assertThat(shown.path("description").asString()).isEqualTo("still building");
        assertThat(client.delete("/v2.1/servers/" + id).status()).isEqualTo(204);
    }

    @Test
    void aGuestThatShutsItselfDownIsSeenStoppedByThePowerSync() {
        String id = create(member(), body("self-stopping"));
        waitFor(member(), id, "ACTIVE");
        driver.shutdownFromInside(id);
        assertThat(server.conductor().syncPowerStates()).isEqualTo(1);
        JsonNode s = member().get("/v2.1/servers/" + id).json().path("server");
        assertThat(s.path("status").asString()).isEqualTo("SHUTOFF");
        assertThat(s.path("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        assertThat(server.conductor().syncPowerStates()).isZero();
    }

    @Test
    void aCellThatDoesNotAnswerLeavesUnknownRecordsFrom269() {
        ApiClient client = server.member("u3", "p3", "2.96");
        var down = server.context().cells().create(null, "cell-down", "none:",
                "jdbc:postgresql://127.0.0.1:1/unreachable");
        String lost = java.util.UUID.randomUUID().toString();
        server.context().api().useHandle(h -> h.createUpdate("""
                        insert into instance_mappings (instance_uuid, cell_id, project_id, user_id, queued_for_delete,
                                                       created_at)
                        values (:u, :cell, 'p3', 'u3', false, :now)""")
                .bind("u", lost).bind("cell", down.id()).bind("now", Instant.now()).execute());
        try {
            Reply now = client.get("/v2.1/servers/detail");
            assertThat(now.status()).isEqualTo(200);
            JsonNode unknown = now.json().path("servers").get(0);
            assertThat(unknown.path("id").asString()).isEqualTo(lost);
            assertThat(unknown.path("status").asString()).isEqualTo("UNKNOWN");
            Reply before = server.member("u3", "p3", "2.68").get("/v2.1/servers/detail");
            assertThat(before.json().path("servers").size()).isZero();
            Reply shown = client.get("/v2.1/servers/" + lost);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().at("/server/status").asString()).isEqualTo("UNKNOWN");
            assertThat(server.member("u3", "p3", "2.68").get("/v2.1/servers/" + lost).status()).isEqualTo(503);
        } finally {
            server.context().api().useHandle(h -> h.createUpdate("delete from instance_mappings where instance_uuid = :u")
                    .bind("u", lost).execute());
            server.context().cells().delete(down);
        }
    }
}
