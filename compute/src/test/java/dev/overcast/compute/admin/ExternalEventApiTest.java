package dev.overcast.compute.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.TestImages;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** /os-server-external-events over HTTP, as Tempest's test_server_external_events and Neutron use it. */
class ExternalEventApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static final String UNKNOWN = "0f6d3c2a-0000-4000-8000-000000000000";
    static String active;
    static String unscheduled;
    static String deleted;

    @BeforeAll
    static void servers() {
        server.startAgent(1);
        ApiClient member = server.member("u1", "p1", "2.96");
        Reply created = member.post("/v2.1/servers", Map.of("server", Map.of("name", "evented",
                "imageRef", TestImages.BOOTABLE, "flavorRef", "1", "networks", "none")));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        active = created.json().at("/server/id").asString();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                "ACTIVE".equals(member.get("/v2.1/servers/" + active).json().at("/server/status").asString()));
        unscheduled = instanceRow(null, false);
        deleted = instanceRow("compute1", true);
    }

    /** An instance row in cell1 with its mapping, as a build left it: on {@code host}, or on none yet. */
    static String instanceRow(String host, boolean isDeleted) {
        String uuid = UUID.randomUUID().toString();
        CellMapping cell1 = server.context().cells().buildable().getFirst();
        Jdbi db = server.context().cells().db(cell1);
        Instant now = Instant.now();
        db.useHandle(h -> h.createUpdate("insert into instances (uuid, project_id, user_id, host, flavor, vm_state, "
                        + "created_at, deleted) values (:uuid, 'p1', 'u1', :host, '{}', 'building', :now, :deleted)")
                .bind("uuid", uuid).bind("host", host).bind("now", now).bind("deleted", isDeleted).execute());
        server.context().api().useHandle(h -> h.createUpdate("insert into instance_mappings (instance_uuid, cell_id, "
                        + "project_id, user_id, created_at) values (:uuid, :cell, 'p1', 'u1', :now)")
                .bind("uuid", uuid).bind("cell", cell1.id()).bind("now", now).execute());
        return uuid;
    }

    static ApiClient admin(String version) {
        return server.admin(version);
    }

    static Map<String, Object> event(String server, String name) {
        return Map.of("server_uuid", server, "name", name);
    }

    static Reply send(ApiClient client, List<Map<String, Object>> events) {
        return client.post("/v2.1/os-server-external-events", Map.of("events", events));
    }

    @Test
    void anEventForAServerOnAHostIsAccepted() {
        Reply reply = send(admin("2.1"), List.of(event(active, "network-changed")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answered = reply.json().path("events").get(0);
        assertThat(answered.path("server_uuid").asString()).isEqualTo(active);
        assertThat(answered.path("name").asString()).isEqualTo("network-changed");
        assertThat(answered.path("status").asString()).isEqualTo("completed");
        assertThat(answered.path("code").asInt()).isEqualTo(200);
    }

    @Test
    void eachEventIsAnsweredOnItsOwnAndAnyFailureMakesThe207() {
        Reply reply = send(admin("2.1"), List.of(
                Map.of("server_uuid", active, "name", "network-vif-plugged", "status", "failed", "tag", "port-1"),
                event(UNKNOWN, "network-vif-unplugged"),
                event(unscheduled, "network-vif-deleted")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(207);
        JsonNode events = reply.json().path("events");
        assertThat(events.get(0).path("code").asInt()).isEqualTo(200);
        assertThat(events.get(0).path("status").asString()).isEqualTo("completed");
        assertThat(events.get(0).path("tag").asString()).isEqualTo("port-1");
        assertThat(events.get(1).path("code").asInt()).isEqualTo(404);
        assertThat(events.get(1).path("status").asString()).isEqualTo("failed");
        assertThat(events.get(2).path("code").asInt()).isEqualTo(422);
        assertThat(events.get(2).path("status").asString()).isEqualTo("failed");
    }

    @Test
    void eventsForNoKnownServerAreA207WithEveryEventNotFound() {
        Reply reply = send(admin("2.1"), List.of(event(UNKNOWN, "network-changed")));
        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().at("/events/0/code").asInt()).isEqualTo(404);
    }

    @Test
    void aDeletedServersRowStillTakesItsEvents() {
        Reply reply = send(admin("2.1"), List.of(event(deleted, "network-vif-deleted")));
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void eventNamesGrowWithTheMicroversionAndDeviceEventsNeedATag() {
        assertThat(send(admin("2.50"), List.of(event(active, "volume-extended"))).status()).isEqualTo(400);
        Reply untagged = send(admin("2.51"), List.of(event(active, "volume-extended")));
        assertThat(untagged.status()).isEqualTo(207);
        assertThat(untagged.json().at("/events/0/code").asInt()).isEqualTo(400);
        Reply tagged = send(admin("2.51"), List.of(Map.of("server_uuid", active, "name", "volume-extended",
                "tag", "vol-1")));
        assertThat(tagged.status()).isEqualTo(200);
        assertThat(send(admin("2.75"), List.of(Map.of("server_uuid", active, "name", "power-update", "tag", "POWER_ON")))
                .status()).isEqualTo(400);
        assertThat(send(admin("2.76"), List.of(Map.of("server_uuid", active, "name", "power-update", "tag", "POWER_ON")))
                .status()).isEqualTo(200);
        assertThat(send(admin("2.82"), List.of(Map.of("server_uuid", active, "name", "accelerator-request-bound",
                "tag", "arq-1"))).status()).isEqualTo(200);
        assertThat(send(admin("2.92"), List.of(Map.of("server_uuid", active, "name", "volume-reimaged",
                "tag", "vol-1"))).status()).isEqualTo(400);
        assertThat(send(admin("2.93"), List.of(Map.of("server_uuid", active, "name", "volume-reimaged",
                "tag", "vol-1"))).status()).isEqualTo(200);
    }

    @Test
    void badBodiesAreRefused() {
        assertThat(send(admin("2.1"), List.of()).status()).isEqualTo(400);
        assertThat(send(admin("2.1"), List.of(event("not-a-uuid", "network-changed"))).status()).isEqualTo(400);
        assertThat(send(admin("2.1"), List.of(Map.of("server_uuid", active, "name", "network-changed",
                "status", "done"))).status()).isEqualTo(400);
        assertThat(send(admin("2.1"), List.of(Map.of("server_uuid", active, "name", "network-changed",
                "extra", "x"))).status()).isEqualTo(400);
        assertThat(send(admin("2.1"), List.of(Map.of("name", "network-changed"))).status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsAndServicesMaySendEvents() {
        assertThat(send(server.member("u1", "p1", "2.1"), List.of(event(active, "network-changed"))).status())
                .isEqualTo(403);
        ApiClient neutron = server.as("neutron", "service", "2.1", "service");
        assertThat(send(neutron, List.of(event(active, "network-changed"))).status()).isEqualTo(200);
    }
}
