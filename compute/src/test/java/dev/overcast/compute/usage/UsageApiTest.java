package dev.overcast.compute.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.aggregates.CellRows;
import dev.overcast.compute.aggregates.CellRows.Instance;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class UsageApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String WINDOW = "start=2026-01-01T00:00:00&end=2026-01-01T10:00:00";
    static Instance running;
    static Instance shortLived;
    static Instance other;

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    @BeforeAll
    static void instances() {
        CellRows rows = new CellRows(server);
        running = new Instance("10000000-0000-0000-0000-000000000001", "p-a", "u1", "web", "h1", "active",
                CellRows.flavor("m1.medium", 2, 1024, 10, 5), at(-3), at(-2), null, false);
        rows.instance("cell1", running);
        shortLived = new Instance("20000000-0000-0000-0000-000000000002", "p-a", "u1", "batch", "h2", "deleted",
                CellRows.flavor("m1.tiny", 1, 512, 1, 0), at(4), at(4), at(6), true);
        rows.instance("cell2", shortLived);
        other = new Instance("30000000-0000-0000-0000-000000000003", "p-b", "u2", "db", "h1", "stopped",
                CellRows.flavor("m1.small", 1, 2048, 20, 0), at(1), at(1), null, false);
        rows.instance("cell1", other);
        // Outside the window, or never launched: never counted.
        rows.instance("cell1", new Instance("40000000-0000-0000-0000-000000000004", "p-a", "u1", "old", "h1",
                "deleted", CellRows.flavor("m1.tiny", 1, 512, 1, 0), at(-9), at(-9), at(-1), true));
        rows.instance("cell2", new Instance("50000000-0000-0000-0000-000000000005", "p-b", "u2", "late", "h1",
                "active", CellRows.flavor("m1.tiny", 1, 512, 1, 0), at(11), at(11), null, false));
        rows.instance("cell0", new Instance("60000000-0000-0000-0000-000000000006", "p-a", "u1", "failed", null,
                "error", CellRows.flavor("m1.tiny", 1, 512, 1, 0), at(2), null, null, false));
    }

    private static JsonNode tenant(JsonNode usages, String project) {
        for (JsonNode u : usages) {
            if (u.get("tenant_id").asString().equals(project)) {
                return u;
            }
        }
        throw new AssertionError("no usage of " + project + " in " + usages);
    }

    @Test
    void adminsSeeEveryProjectsTotalsAndDetailedTheirServers() {
        Reply reply = server.admin("2.96").get("/v2.1/os-simple-tenant-usage?detailed=1&" + WINDOW);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode usages = reply.json().get("tenant_usages");
        assertThat(usages).hasSize(2);
        JsonNode a = tenant(usages, "p-a");
        assertThat(a.get("total_hours").asDouble()).isEqualTo(12.0);
        assertThat(a.get("total_vcpus_usage").asDouble()).isEqualTo(2 * 10 + 2);
        assertThat(a.get("total_memory_mb_usage").asDouble()).isEqualTo(1024 * 10 + 512 * 2);
        assertThat(a.get("total_local_gb_usage").asDouble()).isEqualTo(15 * 10 + 2);
        assertThat(a.get("start").asString()).isEqualTo("2026-01-01T00:00:00.000000");
        assertThat(a.get("stop").asString()).isEqualTo("2026-01-01T10:00:00.000000");

        JsonNode servers = a.get("server_usages");
        assertThat(servers).hasSize(2);
        JsonNode web = servers.get(0);
        assertThat(web.get("instance_id").asString()).isEqualTo(running.uuid());
        assertThat(web.get("name").asString()).isEqualTo("web");
        assertThat(web.get("flavor").asString()).isEqualTo("m1.medium");
        assertThat(web.get("vcpus").asInt()).isEqualTo(2);
        assertThat(web.get("memory_mb").asInt()).isEqualTo(1024);
        assertThat(web.get("local_gb").asInt()).isEqualTo(15);
        assertThat(web.get("hours").asDouble()).isEqualTo(10.0);
        assertThat(web.get("state").asString()).isEqualTo("active");
        assertThat(web.get("started_at").asString()).isEqualTo("2025-12-31T22:00:00.000000");
        assertThat(web.get("ended_at").isNull()).isTrue();
        assertThat(web.get("tenant_id").asString()).isEqualTo("p-a");
        assertThat(web.get("uptime").asLong()).isGreaterThan(Duration.ofDays(1).toSeconds());
        JsonNode batch = servers.get(1);
        assertThat(batch.get("state").asString()).isEqualTo("terminated");
        assertThat(batch.get("ended_at").asString()).isEqualTo("2026-01-01T06:00:00.000000");
        assertThat(batch.get("uptime").asLong()).isEqualTo(2 * 3600);
        assertThat(batch.get("hours").asDouble()).isEqualTo(2.0);

        assertThat(tenant(usages, "p-b").get("total_hours").asDouble()).isEqualTo(9.0);
    }

    @Test
    void withoutDetailedTheListHasNoServers() {
        JsonNode usages = server.admin("2.1").get("/v2.1/os-simple-tenant-usage?" + WINDOW).json()
                .get("tenant_usages");
        assertThat(usages).hasSize(2);
        usages.forEach(u -> assertThat(u.has("server_usages")).isFalse());
        JsonNode zero = server.admin("2.1").get("/v2.1/os-simple-tenant-usage?detailed=0&" + WINDOW).json();
        assertThat(zero.at("/tenant_usages/0").has("server_usages")).isFalse();
    }

    @Test
    void aProjectSeesItsOwnUsageOnlyAndTheListIsForAdmins() {
        assertThat(server.member("u1", "p-a", "2.96").get("/v2.1/os-simple-tenant-usage?" + WINDOW).status())
                .isEqualTo(403);
        Reply own = server.reader("u1", "p-a", "2.96").get("/v2.1/os-simple-tenant-usage/p-a?" + WINDOW);
        assertThat(own.status()).isEqualTo(200);
        JsonNode usage = own.json().get("tenant_usage");
        assertThat(usage.get("tenant_id").asString()).isEqualTo("p-a");
        assertThat(usage.get("server_usages")).hasSize(2);
        assertThat(usage.get("total_hours").asDouble()).isEqualTo(12.0);
        assertThat(server.member("u1", "p-a", "2.96").get("/v2.1/os-simple-tenant-usage/p-b?" + WINDOW).status())
                .isEqualTo(403);
        assertThat(server.admin("2.96").get("/v2.1/os-simple-tenant-usage/p-b?" + WINDOW).json()
                .at("/tenant_usage/total_hours").asDouble()).isEqualTo(9.0);
    }

    @Test
    void aProjectWithoutUsageHasAnEmptyOne() {
        Reply reply = server.admin("2.96").get("/v2.1/os-simple-tenant-usage/p-none?" + WINDOW);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("tenant_usage").isObject()).isTrue();
        assertThat(reply.json().get("tenant_usage").size()).isZero();
        assertThat(reply.json().has("tenant_usage_links")).isFalse();
    }

    @Test
    void badTimesAre400s() {
        ApiClient admin = server.admin("2.96");
        Reply bad = admin.get("/v2.1/os-simple-tenant-usage?start=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/badRequest/message").asString())
                .isEqualTo("Invalid datetime string: Datetime is in invalid format");
        Reply backwards = admin.get("/v2.1/os-simple-tenant-usage?start=2026-01-02T00:00:00&end=2026-01-01T00:00:00");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().at("/badRequest/message").asString())
                .isEqualTo("Invalid start time. The start time cannot occur after the end time.");
        assertThat(admin.get("/v2.1/os-simple-tenant-usage?start=2026-01-01%2000:00:00.5&end=2026-01-01T01:00:00.25")
                .status()).isEqualTo(200);
        assertThat(admin.get("/v2.1/os-simple-tenant-usage").status()).isEqualTo(200);
    }

    @Test
    void theWindowEndsNoLaterThanNow() {
        Instant before = Instant.now();
        JsonNode usage = server.admin("2.96").get("/v2.1/os-simple-tenant-usage/p-a?start=2026-01-01T00:00:00"
                + "&end=2999-01-01T00:00:00").json().get("tenant_usage");
        Instant stop = dev.overcast.compute.aggregates.NovaTime.parse(usage.get("stop").asString()).orElseThrow();
        assertThat(stop).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void from240UsagePagesOverInstancesAndLinksTheNextPage() {
        ApiClient admin = server.admin("2.40");
        List<String> seen = new ArrayList<>();
        String path = "/v2.1/os-simple-tenant-usage?detailed=1&limit=1&" + WINDOW;
        int pages = 0;
        while (path != null) {
            Reply reply = admin.get(path);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            reply.json().get("tenant_usages").forEach(u -> u.get("server_usages")
                    .forEach(s -> seen.add(s.get("instance_id").asString())));
            JsonNode links = reply.json().get("tenant_usages_links");
            if (links == null) {
                path = null;
            } else {
                assertThat(links.at("/0/rel").asString()).isEqualTo("next");
                String href = links.at("/0/href").asString();
                assertThat(href).contains("/v2.1/os-simple-tenant-usage?").contains("marker=");
                path = href.substring(href.indexOf("/v2.1/"));
            }
            pages++;
        }
        // cell1's instances by project and uuid, then cell2's.
        assertThat(seen).containsExactly(running.uuid(), other.uuid(), shortLived.uuid());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void oneProjectsUsagePagesToo() {
        Reply first = server.reader("u1", "p-a", "2.40").get("/v2.1/os-simple-tenant-usage/p-a?limit=1&" + WINDOW);
        assertThat(first.json().at("/tenant_usage/server_usages")).hasSize(1);
        String href = first.json().at("/tenant_usage_links/0/href").asString();
        assertThat(href).contains("/v2.1/os-simple-tenant-usage/p-a?").contains("marker=" + running.uuid());
        Reply second = server.reader("u1", "p-a", "2.40").get(href.substring(href.indexOf("/v2.1/")));
        assertThat(second.json().at("/tenant_usage/server_usages/0/instance_id").asString())
                .isEqualTo(shortLived.uuid());
        assertThat(second.json().has("tenant_usage_links")).isFalse();
    }

    @Test
    void before240LimitAndMarkerAreIgnored() {
        Reply reply = server.admin("2.39").get("/v2.1/os-simple-tenant-usage?detailed=1&limit=1&marker=nope&" + WINDOW);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("tenant_usages_links")).isFalse();
        assertThat(tenant(reply.json().get("tenant_usages"), "p-a").get("server_usages")).hasSize(2);
    }

    @Test
    void anUnknownMarkerOrABadLimitIsA400() {
        Reply marker = server.admin("2.40").get("/v2.1/os-simple-tenant-usage?marker=nope&" + WINDOW);
        assertThat(marker.status()).isEqualTo(400);
        assertThat(marker.json().at("/badRequest/message").asString()).isEqualTo("Marker nope could not be found.");
        assertThat(server.admin("2.40").get("/v2.1/os-simple-tenant-usage?limit=-1&" + WINDOW).status())
                .isEqualTo(400);
    }

    @Test
    void from275UnknownParametersAreRefusedAndTheOneProjectFormTakesNoDetailed() {
        assertThat(server.admin("2.74").get("/v2.1/os-simple-tenant-usage?foo=1&" + WINDOW).status()).isEqualTo(200);
        assertThat(server.admin("2.75").get("/v2.1/os-simple-tenant-usage?foo=1&" + WINDOW).status()).isEqualTo(400);
        assertThat(server.admin("2.74").get("/v2.1/os-simple-tenant-usage/p-a?detailed=1&" + WINDOW).status())
                .isEqualTo(200);
        assertThat(server.admin("2.75").get("/v2.1/os-simple-tenant-usage/p-a?detailed=1&" + WINDOW).status())
                .isEqualTo(400);
        assertThat(server.admin("2.75").get("/v2.1/os-simple-tenant-usage?detailed=1&limit=5&" + WINDOW).status())
                .isEqualTo(200);
    }
}
