package dev.overcast.compute.servers;

import static dev.overcast.compute.servers.ServerLifecycleTest.create;
import static dev.overcast.compute.servers.ServerLifecycleTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.TestImages;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Resize, cold migration, confirm and revert, seen through the API and Placement as a client sees them. */
class ServerResizeTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void hosts() {
        server.startAgent(3);
    }

    static ApiClient member() {
        return server.member("u1", "p1", "2.96");
    }

    static ApiClient admin() {
        return server.admin("2.96");
    }

    static String boot(String name, String flavor) {
        String id = create(member(), Map.of("server", Map.of("name", name, "imageRef", TestImages.BOOTABLE,
                "flavorRef", flavor, "networks", "none")));
        waitFor(member(), id, "ACTIVE");
        return id;
    }

    static Reply action(ApiClient client, String id, Map<String, Object> body) {
        return client.post("/v2.1/servers/" + id + "/action", body);
    }

    static Reply resize(String id, String flavor) {
        return action(member(), id, Map.of("resize", Map.of("flavorRef", flavor)));
    }

    static String hostOf(String id) {
        return admin().get("/v2.1/servers/" + id).json().at("/server/OS-EXT-SRV-ATTR:host").asString();
    }

    static JsonNode migrationOf(String id) {
        for (JsonNode m : admin().get("/v2.1/os-migrations?instance_uuid=" + id).json().path("migrations")) {
            return m;
        }
        throw new AssertionError("no migration of " + id);
    }

    /** The consumer's allocations: provider uuid → {generation, resources}. */
    static JsonNode allocations(String consumer) {
        return server.placementAdmin().get("/allocations/" + consumer).json().path("allocations");
    }

    /** What the consumer holds, by provider, whatever the providers' generations. */
    static Map<String, JsonNode> held(String consumer) {
        Map<String, JsonNode> out = new java.util.TreeMap<>();
        allocations(consumer).properties().forEach(e -> out.put(e.getKey(), e.getValue().path("resources")));
        return out;
    }

    static long memoryOf(JsonNode allocations) {
        long total = 0;
        for (JsonNode p : allocations) {
            total += p.path("resources").path("MEMORY_MB").asLong();
        }
        return total;
    }

    @Test
    void aResizeWaitsForItsConfirmHoldingBothHostsThenKeepsOnlyTheNewOne() {
        String id = boot("grow", "1");
        String source = hostOf(id);
        Map<String, JsonNode> sourceAllocations = held(id);

        assertThat(action(member(), id, Map.of("resize", Map.of("flavorRef", "2", "OS-DCF:diskConfig", "AUTO")))
                .status()).isEqualTo(202);
        JsonNode s = waitFor(member(), id, "VERIFY_RESIZE");
        assertThat(s.path("OS-EXT-STS:vm_state").asString()).isEqualTo("resized");
        assertThat(s.path("OS-DCF:diskConfig").asString()).isEqualTo("AUTO");
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.small");
        assertThat(hostOf(id)).isNotEqualTo(source);

        JsonNode m = migrationOf(id);
        assertThat(m.path("status").asString()).isEqualTo("finished");
        assertThat(m.path("migration_type").asString()).isEqualTo("resize");
        assertThat(m.path("source_compute").asString()).isEqualTo(source);
        assertThat(m.path("dest_compute").asString()).isEqualTo(hostOf(id));
        assertThat(m.path("old_instance_type_id").asLong()).isNotEqualTo(m.path("new_instance_type_id").asLong());
        String migration = m.path("uuid").asString();
        assertThat(memoryOf(allocations(id))).isEqualTo(2048);
        assertThat(held(migration)).as("the migration holds the source").isEqualTo(sourceAllocations);

        assertThat(action(member(), id, Map.of("confirmResize", Map.of())).status()).isEqualTo(204);
        s = waitFor(member(), id, "ACTIVE");
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.small");
        assertThat(allocations(migration).isEmpty()).isTrue();
        assertThat(memoryOf(allocations(id))).isEqualTo(2048);
        assertThat(migrationOf(id).path("status").asString()).isEqualTo("confirmed");
        JsonNode actions = member().get("/v2.1/servers/" + id + "/os-instance-actions").json().path("instanceActions");
        assertThat(actions.findValuesAsString("action")).containsExactly("confirmResize", "resize", "create");
    }

    @Test
    void aRevertBringsTheServerBackToItsHostAndFlavor() {
        String id = boot("undo", "1");
        String source = hostOf(id);
        Map<String, JsonNode> sourceAllocations = held(id);
        assertThat(resize(id, "84").status()).isEqualTo(202);
        waitFor(member(), id, "VERIFY_RESIZE");
        String migration = migrationOf(id).path("uuid").asString();

        assertThat(action(member(), id, Map.of("revertResize", Map.of())).status()).isEqualTo(202);
        JsonNode s = waitFor(member(), id, "ACTIVE");
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.tiny");
        assertThat(hostOf(id)).isEqualTo(source);
        assertThat(held(id)).isEqualTo(sourceAllocations);
        assertThat(allocations(migration).isEmpty()).isTrue();
        assertThat(migrationOf(id).path("status").asString()).isEqualTo("reverted");
        assertThat(action(member(), id, Map.of("confirmResize", Map.of())).status())
                .as("nothing is left to confirm").isEqualTo(409);
    }

    @Test
    void aStoppedServerIsResizedStoppedAndIsStoppedAgainOnceConfirmed() {
        String id = boot("sleeper", "1");
        assertThat(action(member(), id, Map.of("os-stop", Map.of())).status()).isEqualTo(202);
        waitFor(member(), id, "SHUTOFF");
        assertThat(resize(id, "84").status()).isEqualTo(202);
        JsonNode s = waitFor(member(), id, "VERIFY_RESIZE");
        assertThat(s.path("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        assertThat(action(member(), id, Map.of("confirmResize", Map.of())).status()).isEqualTo(204);
        waitFor(member(), id, "SHUTOFF");
    }

    @Test
    void anAdminColdMigratesAServerToAnotherHostOrToTheOneNamed() {
        String id = boot("wanderer", "1");
        String source = hostOf(id);
        assertThat(action(member(), id, Map.of("migrate", Map.of())).status()).as("admins only").isEqualTo(403);
        ApiClient admin = server.admin("2.56");
        assertThat(action(admin, id, Map.of("migrate", Map.of("host", source))).status()).isEqualTo(400);
        Reply unknown = action(admin, id, Map.of("migrate", Map.of("host", "nowhere")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Compute host nowhere could not be found.");
        String target = source.equals("compute1") ? "compute2" : "compute1";
        assertThat(action(admin, id, java.util.Collections.singletonMap("migrate", Map.of("host", target))).status())
                .isEqualTo(202);
        JsonNode s = waitFor(member(), id, "VERIFY_RESIZE");
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.tiny");
        assertThat(hostOf(id)).isEqualTo(target);
        assertThat(migrationOf(id).path("migration_type").asString()).isEqualTo("migration");
        assertThat(action(member(), id, Map.of("confirmResize", Map.of())).status()).isEqualTo(204);
        waitFor(member(), id, "ACTIVE");
    }

    @Test
    void aServerDeletedWhileItWaitsForItsConfirmReleasesBothHosts() {
        String id = boot("gone", "1");
        assertThat(resize(id, "84").status()).isEqualTo(202);
        waitFor(member(), id, "VERIFY_RESIZE");
        String migration = migrationOf(id).path("uuid").asString();
        assertThat(member().delete("/v2.1/servers/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> member().get("/v2.1/servers/" + id).status() == 404);
        assertThat(allocations(id).isEmpty()).isTrue();
        assertThat(allocations(migration).isEmpty()).isTrue();
        assertThat(migrationOf(id).path("status").asString()).isEqualTo("confirmed");
    }

    @Test
    void aResizeThatCannotBeDoneLeavesTheServerActiveWhereItWasWithTheMigrationInError() {
        Reply flavor = admin().post("/v2.1/flavors", Map.of("flavor", Map.of("name", "too-big", "ram", 512,
                "vcpus", 1, "disk", 5000, "id", "too-big")));
        assertThat(flavor.status()).as(flavor.body()).isEqualTo(200);
        String id = boot("stuck", "1");
        String source = hostOf(id);
        assertThat(resize(id, "too-big").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> migrationOf(id).path("status").asString().equals("error"));
        JsonNode s = waitFor(member(), id, "ACTIVE");
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.tiny");
        assertThat(hostOf(id)).isEqualTo(source);
        assertThat(memoryOf(allocations(id))).isEqualTo(512);

        String shrinking = boot("shrinking", "2");
        assertThat(resize(shrinking, "84").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                migrationOf(shrinking).path("status").asString().equals("error"));
        s = waitFor(member(), shrinking, "ACTIVE");
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.small");
        assertThat(memoryOf(allocations(shrinking))).isEqualTo(2048);
        String request = member().get("/v2.1/servers/" + shrinking + "/os-instance-actions").json()
                .at("/instanceActions/0/request_id").asString();
        JsonNode events = admin().get("/v2.1/servers/" + shrinking + "/os-instance-actions/" + request).json()
                .at("/instanceAction/events");
        assertThat(events.findValuesAsString("traceback")).anyMatch(t -> t.contains("Unable to resize disk down"));
    }

    @Test
    void badResizesAreRefusedWithNovasAnswers() {
        String id = boot("picky", "1");
        Reply same = resize(id, "1");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("When resizing, instances must change flavor!");
        Reply missing = resize(id, "no-such-flavor");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Unable to locate requested flavor.");
        assertThat(action(member(), id, Map.of("resize", Map.of())).status()).isEqualTo(400);
        assertThat(action(member(), id, Map.of("resize", Map.of("flavorRef", "84", "color", "red"))).status())
                .isEqualTo(400);
        Reply confirm = action(member(), id, Map.of("confirmResize", Map.of()));
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.body())
                .contains("Cannot 'confirmResize' instance " + id + " while it is in vm_state active");
        assertThat(action(member(), id, Map.of("revertResize", Map.of())).status()).isEqualTo(409);
        Reply other = action(server.member("u9", "p9", "2.96"), id, Map.of("resize", Map.of("flavorRef", "84")));
        assertThat(other.status()).as("another project's server is not found").isEqualTo(404);
        assertThat(migrationOfOrNull(id)).isNull();
    }

    @Test
    void aMoveWhoseTaskWasNeverWrittenDoesNotBlockTheNextOne() {
        String id = boot("interrupted", "1");
        var ctx = server.context();
        var cell = ctx.cells().buildable().getFirst();
        var migrations = new dev.overcast.compute.migrations.MigrationStore(ctx.cells().db(cell));
        var instance = new dev.overcast.compute.instances.InstanceStore(ctx.cells().db(cell)).find(id).orElseThrow();
        java.time.Instant now = ctx.clock().instant();
        // As the API writes a resize's migration, without the task after it (the process died in between).
        String stale = java.util.UUID.randomUUID().toString();
        migrations.insert(new dev.overcast.compute.migrations.Migration(0, stale, id, "p1", "u1", "resize",
                "pre-migrating", instance.host(), instance.node(), null, null, null, instance.flavor(),
                instance.flavor(), null, null, "active", now, now));
        assertThat(resize(id, "84").status()).isEqualTo(202);
        waitFor(member(), id, "VERIFY_RESIZE");
        String current = migrationOf(id).path("uuid").asString();
        assertThat(current).isNotEqualTo(stale);
        // A revert whose task was never written: the migration says reverting, the server is resized, no task.
        assertThat(migrations.setStatus(current, "finished", "reverting", now)).isTrue();
        assertThat(action(member(), id, Map.of("revertResize", Map.of())).status()).isEqualTo(202);
        JsonNode s = waitFor(member(), id, "ACTIVE");
        assertThat(s.path("flavor").path("original_name").asString()).isEqualTo("m1.tiny");
        JsonNode all = admin().get("/v2.1/os-migrations?instance_uuid=" + id).json().path("migrations");
        Map<String, String> statuses = new java.util.HashMap<>();
        all.forEach(m -> statuses.put(m.path("uuid").asString(), m.path("status").asString()));
        assertThat(statuses).containsEntry(stale, "error").containsEntry(current, "reverted");
    }

    static JsonNode migrationOfOrNull(String id) {
        JsonNode list = admin().get("/v2.1/os-migrations?instance_uuid=" + id).json().path("migrations");
        return list.isEmpty() ? null : list.get(0);
    }
}
