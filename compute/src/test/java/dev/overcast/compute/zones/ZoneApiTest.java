package dev.overcast.compute.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.aggregates.CellRows;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class ZoneApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void cloud() {
        CellRows rows = new CellRows(server);
        rows.service("cell1", "z-h1", "nova-compute", false, false, NOW);
        rows.compute("cell1", "z-h2");
        rows.service("cell1", "ctl1", "nova-conductor", false, false, NOW);
        rows.service("cell1", "ctl1", "nova-scheduler", false, false, NOW);
        rows.service("cell1", "ctl1", "nova-osapi_compute", false, false, NOW);
        rows.service("cell2", "z-h3", "nova-compute", true, false, NOW);
        rows.service("cell2", "z-h4", "nova-compute", false, true, NOW);
        rows.service("cell2", "z-h5", "nova-compute", false, false, NOW.minus(Duration.ofMinutes(5)));
        rows.service("cell2", "z-h6", "nova-compute", false, false, NOW);
        rows.deleteServices("cell2", "z-h6");

        ApiClient admin = server.admin("2.96");
        long a = aggregate(admin, "zone-a-agg", "zone-a");
        addHost(admin, a, "z-h2");
        long off = aggregate(admin, "zone-off-agg", "zone-off");
        addHost(admin, off, "z-h3");
        aggregate(admin, "zone-empty-agg", "zone-empty");
        long plain = aggregate(admin, "no-zone-agg", null);
        addHost(admin, plain, "z-h1");
    }

    private static long aggregate(ApiClient admin, String name, String zone) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        if (zone != null) {
            body.put("availability_zone", zone);
        }
        Reply reply = admin.post("/v2.1/os-aggregates", Map.of("aggregate", body));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().at("/aggregate/id").asLong();
    }

    private static void addHost(ApiClient admin, long id, String host) {
        assertThat(admin.post("/v2.1/os-aggregates/" + id + "/action", Map.of("add_host", Map.of("host", host)))
                .status()).isEqualTo(200);
    }

    private static List<String> names(JsonNode info) {
        List<String> out = new ArrayList<>();
        info.forEach(z -> out.add(z.get("zoneName").asString()));
        return out;
    }

    private static JsonNode zone(JsonNode info, String name) {
        for (JsonNode z : info) {
            if (z.get("zoneName").asString().equals(name)) {
                return z;
            }
        }
        throw new AssertionError("no zone " + name + " in " + info);
    }

    @Test
    void anyoneListsTheZonesWithoutHostsOrTheInternalZone() {
        for (ApiClient caller : List.of(server.member("u1", "p1", "2.96"), server.reader("u1", "p1", "2.1"),
                server.admin("2.96"))) {
            Reply reply = caller.get("/v2.1/os-availability-zone");
            assertThat(reply.status()).isEqualTo(200);
            JsonNode info = reply.json().get("availabilityZoneInfo");
            // Available zones first, then those with only disabled services; a zone without hosts is none.
            assertThat(names(info)).containsExactly("nova", "zone-a", "zone-off");
            assertThat(zone(info, "nova").at("/zoneState/available").asBoolean()).isTrue();
            assertThat(zone(info, "zone-off").at("/zoneState/available").asBoolean()).isFalse();
            info.forEach(z -> assertThat(z.get("hosts").isNull()).isTrue());
        }
        assertThat(server.client().get("/v2.1/os-availability-zone").status()).isEqualTo(401);
    }

    @Test
    void theDetailIsForAdmins() {
        assertThat(server.member("u1", "p1", "2.96").get("/v2.1/os-availability-zone/detail").status())
                .isEqualTo(403);
        assertThat(server.reader("u1", "p1", "2.96").get("/v2.1/os-availability-zone/detail").status())
                .isEqualTo(403);
    }

    @Test
    void theDetailShowsEachZonesHostsAndTheirServices() {
        Reply reply = server.admin("2.96").get("/v2.1/os-availability-zone/detail");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode info = reply.json().get("availabilityZoneInfo");
        assertThat(names(info)).containsExactly("internal", "nova", "zone-a", "zone-off");

        JsonNode internal = zone(info, "internal").get("hosts");
        // ctl1 from this test, and the test server's own conductor and scheduler.
        assertThat(internal.propertyNames()).containsExactly("ctl1", "test-controller");
        // API services do not report in as the others do, so Nova leaves them out.
        assertThat(internal.get("ctl1").propertyNames()).containsExactlyInAnyOrder("nova-conductor", "nova-scheduler");

        JsonNode nova = zone(info, "nova").get("hosts");
        assertThat(nova.propertyNames()).containsExactly("z-h1", "z-h4", "z-h5");
        JsonNode h1 = nova.at("/z-h1/nova-compute");
        assertThat(h1.get("available").asBoolean()).isTrue();
        assertThat(h1.get("active").asBoolean()).isTrue();
        assertThat(h1.get("updated_at").asString()).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
                        .withZone(java.time.ZoneOffset.UTC).format(NOW));
        assertThat(nova.at("/z-h4/nova-compute/available").asBoolean()).as("forced down").isFalse();
        assertThat(nova.at("/z-h5/nova-compute/available").asBoolean()).as("not heard from").isFalse();

        assertThat(zone(info, "zone-a").get("hosts").propertyNames()).containsExactly("z-h2");
        JsonNode off = zone(info, "zone-off");
        assertThat(off.at("/zoneState/available").asBoolean()).isFalse();
        assertThat(off.get("hosts").isNull()).isTrue();
    }

    @Test
    void zonesFollowTheAggregatesAtOnce() {
        ApiClient admin = server.admin("2.96");
        long moved = aggregate(admin, "zone-b-agg", "zone-b");
        CellRows rows = new CellRows(server);
        rows.compute("cell2", "z-h7");
        assertThat(names(admin.get("/v2.1/os-availability-zone").json().get("availabilityZoneInfo")))
                .doesNotContain("zone-b");
        addHost(admin, moved, "z-h7");
        assertThat(names(admin.get("/v2.1/os-availability-zone").json().get("availabilityZoneInfo")))
                .contains("zone-b");
    }

    @Test
    void aServerMayAskForAnAvailableZoneOnly() {
        AvailabilityZones zones = new AvailabilityZones(server.context(),
                new dev.overcast.compute.aggregates.AggregateStore(server.context()));
        assertThat(zones.exists("nova")).isTrue();
        assertThat(zones.exists("zone-a")).isTrue();
        assertThat(zones.exists("zone-off")).as("only disabled services").isFalse();
        assertThat(zones.exists("zone-empty")).as("no hosts").isFalse();
        assertThat(zones.exists("nowhere")).isFalse();
    }
}
