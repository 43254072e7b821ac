package dev.overcast.compute.hypervisors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.ComputeSettings;
import dev.overcast.compute.agent.ComputeAgent;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.MutableClock;
import tools.jackson.databind.JsonNode;

/** os-hypervisors over HTTP, across two cells, per microversion. */
class HypervisorApiTest {
    static final MutableClock clock = MutableClock.startingNow();
    static final ComputeSettings settings = new ComputeSettings("nova", Duration.ofSeconds(10), 3,
            Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1));
    @RegisterExtension
    static final ComputeServer server = new ComputeServer(clock, settings);
    static ComputeAgent small;
    static ComputeAgent big;
    static Jdbi cell1;
    static String instanceOnHv1;
    static long instanceOnHv1Id;

    @BeforeAll
    static void start() {
        small = server.startAgent("cell1", FakeDriver.builder().hosts("hv", 4).capacity(8, 16384, 200).build());
        big = server.startAgent("cell2", FakeDriver.builder().hosts(List.of("big")).nodesPerHost(2)
                .capacity(64, 262144, 4000).build());
        cell1 = server.context().cells().db(server.context().cells().buildable().getFirst());
        instanceOnHv1 = UUID.randomUUID().toString();
        // Leased to no conductor for a day: the sweeper must not take the task over and finish the
        // rebuild while the tests count it (it did, on a slow PostgreSQL run).
        cell1.useHandle(h -> h.createUpdate("insert into instances (uuid, project_id, user_id, host, node, flavor, "
                        + "vm_state, task_state, created_at, lease_owner, lease_until) values (:uuid, 'p1', 'u1', "
                        + "'hv1', 'hv1', '{}', 'active', 'rebuilding', :now, 'nobody', :until)")
                .bind("uuid", instanceOnHv1).bind("now", clock.instant())
                .bind("until", clock.instant().plus(java.time.Duration.ofDays(1))).execute());
        instanceOnHv1Id = cell1.withHandle(h -> h.createQuery("select id from instances where uuid = :uuid")
                .bind("uuid", instanceOnHv1).mapTo(Long.class).one());
    }

    static ComputeNode node(String name) {
        ComputeNode n = small.nodes().get(name);
        return n != null ? n : big.nodes().get(name);
    }

    static JsonNode byName(JsonNode hypervisors, String name) {
        for (JsonNode h : hypervisors) {
            if (h.get("hypervisor_hostname").asString().equals(name)) {
                return h;
            }
        }
        throw new AssertionError("no hypervisor " + name + " in " + hypervisors);
    }

    static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void theListShowsEveryNodeOfEveryCellBriefly() {
        var reply = server.admin("2.1").get("/v2.1/os-hypervisors");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode hypervisors = reply.json().get("hypervisors");
        assertThat(hypervisors).extracting(h -> h.get("hypervisor_hostname").asString())
                .contains("hv1", "hv2", "hv3", "hv4", "big-node1", "big-node2");
        JsonNode hv2 = byName(hypervisors, "hv2");
        assertThat(fields(hv2)).containsExactly("id", "hypervisor_hostname", "state", "status");
        assertThat(hv2.get("id").asLong()).isEqualTo(node("hv2").id());
        assertThat(hv2.get("state").asString()).isEqualTo("up");
        assertThat(hv2.get("status").asString()).isEqualTo("enabled");
        assertThat(reply.json().has("hypervisors_links")).isFalse();
    }

    @Test
    void theDetailShowsUsageAndCpuInfoAsTextUntil227() {
        JsonNode hv1 = byName(server.admin("2.27").get("/v2.1/os-hypervisors/detail").json().get("hypervisors"), "hv1");

        assertThat(hv1.get("vcpus").asInt()).isEqualTo(8);
        assertThat(hv1.get("memory_mb").asInt()).isEqualTo(16384);
        assertThat(hv1.get("memory_mb_used").asInt()).isEqualTo(512);
        assertThat(hv1.get("free_ram_mb").asInt()).isEqualTo(16384 - 512);
        assertThat(hv1.get("local_gb").asInt()).isEqualTo(200);
        assertThat(hv1.get("free_disk_gb").asInt()).isEqualTo(200);
        assertThat(hv1.get("current_workload").asInt()).isEqualTo(1);
        assertThat(hv1.get("running_vms").asInt()).isZero();
        assertThat(hv1.get("hypervisor_type").asString()).isEqualTo("fake");
        assertThat(hv1.get("hypervisor_version").asLong()).isEqualTo(1000);
        assertThat(hv1.get("host_ip").asString()).isNotBlank();
        assertThat(hv1.get("cpu_info").isString()).isTrue();
        assertThat(hv1.get("cpu_info").asString()).contains("\"arch\": \"x86_64\"");
        assertThat(hv1.at("/service/host").asString()).isEqualTo("hv1");
        assertThat(hv1.at("/service/id").isIntegralNumber()).isTrue();
        assertThat(hv1.at("/service/disabled_reason").isNull()).isTrue();
        assertThat(hv1.has("uptime")).isFalse();
    }

    @Test
    void cpuInfoIsAnObjectFrom228() {
        JsonNode hv1 = byName(server.admin("2.28").get("/v2.1/os-hypervisors/detail").json().get("hypervisors"), "hv1");

        assertThat(hv1.at("/cpu_info/arch").asString()).isEqualTo("x86_64");
        assertThat(hv1.at("/cpu_info/topology/cores").asInt()).isEqualTo(8);
    }

    @Test
    void from233ListsArePagedWithNextLinks() {
        ApiClient admin = server.admin("2.33");
        List<String> all = new ArrayList<>();
        String path = "/v2.1/os-hypervisors?limit=4";
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).isLessThan(5);
            JsonNode page = admin.get(path).json();
            page.get("hypervisors").forEach(h -> all.add(h.get("hypervisor_hostname").asString()));
            JsonNode links = page.get("hypervisors_links");
            path = links == null ? null : links.get(0).get("href").asString()
                    .substring(server.client().baseUrl().length());
            if (links != null) {
                assertThat(links.get(0).get("rel").asString()).isEqualTo("next");
                assertThat(path).startsWith("/v2.1/os-hypervisors?").contains("limit=4").contains("marker=");
            }
        }
        assertThat(all).containsExactly("hv1", "hv2", "hv3", "hv4", "big-node1", "big-node2");

        var badMarker = admin.get("/v2.1/os-hypervisors/detail?marker=99999");
        assertThat(badMarker.status()).isEqualTo(400);
        assertThat(badMarker.json().at("/badRequest/message").asString()).isEqualTo("marker [99999] not found");
        assertThat(admin.get("/v2.1/os-hypervisors?limit=-1").status()).isEqualTo(400);
        assertThat(admin.get("/v2.1/os-hypervisors?limit=2&marker=" + node("hv2").id()).json().get("hypervisors"))
                .extracting(h -> h.get("hypervisor_hostname").asString()).containsExactly("hv3", "hv4");
    }

    @Test
    void from253IdsAreUuidsAndMarkersToo() {
        ApiClient admin = server.admin("2.53");
        JsonNode hv3 = byName(admin.get("/v2.1/os-hypervisors/detail").json().get("hypervisors"), "hv3");

        assertThat(hv3.get("id").asString()).isEqualTo(node("hv3").uuid());
        assertThat(hv3.at("/service/id").asString()).isEqualTo(new ServiceRecords(cell1, clock,
                settings.serviceDownTime()).byHostAndBinary("hv3", ServiceRecord.COMPUTE).orElseThrow().uuid());
        assertThat(admin.get("/v2.1/os-hypervisors?limit=1&marker=" + node("hv3").uuid()).json().get("hypervisors"))
                .extracting(h -> h.get("hypervisor_hostname").asString()).containsExactly("hv4");
    }

    @Test
    void from253APatternAndWithServersReplaceSearchAndServers() {
        ApiClient admin = server.admin("2.53");
        JsonNode found = admin.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=big").json();
        JsonNode withServers = admin.get("/v2.1/os-hypervisors/detail?hypervisor_hostname_pattern=hv1&with_servers=true")
                .json().get("hypervisors");

        assertThat(found.get("hypervisors")).extracting(h -> h.get("hypervisor_hostname").asString())
                .containsExactly("big-node1", "big-node2");
        assertThat(found.has("hypervisors_links")).isFalse();
        assertThat(withServers).singleElement().satisfies(h -> {
            assertThat(h.at("/servers/0/uuid").asString()).isEqualTo(instanceOnHv1);
            assertThat(h.at("/servers/0/name").asString()).isEqualTo(String.format("instance-%08x", instanceOnHv1Id));
        });
        assertThat(admin.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=nothing").status()).isEqualTo(404);
        assertThat(admin.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=hv&limit=1")
                .json().at("/badRequest/message").asString()).isEqualTo(
                "Paging over hypervisors with the hypervisor_hostname_pattern query parameter is not supported.");
        assertThat(admin.get("/v2.1/os-hypervisors?with_servers=maybe").status()).isEqualTo(400);
        assertThat(admin.get("/v2.1/os-hypervisors?sort_key=id").status()).isEqualTo(400);
        assertThat(admin.get("/v2.1/os-hypervisors/hv/search").status()).isEqualTo(404);
        assertThat(admin.get("/v2.1/os-hypervisors/hv/servers").status()).isEqualTo(404);
        assertThat(server.admin("2.52").get("/v2.1/os-hypervisors?sort_key=id").status()).isEqualTo(200);
    }

    @Test
    void from275AskingForServersShowsAnEmptyListWhenThereAreNone() {
        String path = "/v2.1/os-hypervisors?hypervisor_hostname_pattern=hv2&with_servers=1";

        assertThat(server.admin("2.74").get(path).json().get("hypervisors").get(0).has("servers")).isFalse();
        assertThat(server.admin("2.75").get(path).json().get("hypervisors").get(0).get("servers")).isEmpty();
    }

    @Test
    void aHypervisorIsShownByIntegerIdBefore253AndByUuidFrom253() {
        JsonNode old = server.admin("2.1").get("/v2.1/os-hypervisors/" + node("hv4").id()).json().get("hypervisor");
        assertThat(old.get("hypervisor_hostname").asString()).isEqualTo("hv4");
        assertThat(old.get("vcpus").asInt()).isEqualTo(8);

        var notAnInteger = server.admin("2.1").get("/v2.1/os-hypervisors/abc");
        assertThat(notAnInteger.status()).isEqualTo(404);
        assertThat(notAnInteger.json().at("/itemNotFound/message").asString())
                .isEqualTo("Hypervisor with ID 'abc' could not be found.");
        assertThat(server.admin("2.53").get("/v2.1/os-hypervisors/" + node("hv4").id())
                .json().at("/badRequest/message").asString()).isEqualTo("Invalid uuid " + node("hv4").id());
        assertThat(server.admin("2.53").get("/v2.1/os-hypervisors/" + UUID.randomUUID()).status()).isEqualTo(404);

        JsonNode shown = server.admin("2.53").get("/v2.1/os-hypervisors/" + node("hv1").uuid() + "?with_servers=true")
                .json().get("hypervisor");
        assertThat(shown.get("id").asString()).isEqualTo(node("hv1").uuid());
        assertThat(shown.at("/servers/0/uuid").asString()).isEqualTo(instanceOnHv1);
        assertThat(server.admin("2.53").get("/v2.1/os-hypervisors/" + node("hv1").uuid() + "?foo=1").status())
                .isEqualTo(400);
    }

    @Test
    void from288TheUsageFieldsAreGoneAndTheUptimeIsIn() {
        JsonNode detail = byName(server.admin("2.88").get("/v2.1/os-hypervisors/detail").json().get("hypervisors"),
                "big-node2");
        JsonNode shown = server.admin("2.88").get("/v2.1/os-hypervisors/" + node("hv2").uuid()).json()
                .get("hypervisor");

        assertThat(fields(detail)).containsExactly("id", "hypervisor_hostname", "state", "status", "hypervisor_type",
                "hypervisor_version", "host_ip", "service", "uptime");
        assertThat(detail.get("uptime").asString()).contains(" up ", "load average");
        assertThat(shown.has("vcpus")).isFalse();
        assertThat(shown.get("uptime").asString()).contains(" up ");
        assertThat(server.admin("2.88").get("/v2.1/os-hypervisors/statistics").status()).isEqualTo(404);
        assertThat(server.admin("2.88").get("/v2.1/os-hypervisors/" + node("hv2").uuid() + "/uptime").status())
                .isEqualTo(404);
    }

    @Test
    void beforeMicroversion288TheUptimeHasARouteOfItsOwn() {
        JsonNode hv2 = server.admin("2.87").get("/v2.1/os-hypervisors/" + node("hv2").uuid() + "/uptime").json()
                .get("hypervisor");

        assertThat(fields(hv2)).containsExactly("id", "hypervisor_hostname", "state", "status", "uptime");
        assertThat(hv2.get("uptime").asString()).contains(" up ");
    }

    @Test
    void aHostThatIsDownHasNoUptime() {
        ServiceRecords records = new ServiceRecords(cell1, clock, settings.serviceDownTime());
        ServiceRecord hv3 = records.byHostAndBinary("hv3", ServiceRecord.COMPUTE).orElseThrow();
        records.setForcedDown(hv3.id(), true);
        try {
            var refused = server.admin("2.1").get("/v2.1/os-hypervisors/" + node("hv3").id() + "/uptime");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/badRequest/message").asString())
                    .isEqualTo("Compute service of hv3 is unavailable at this time.");
            JsonNode shown = server.admin("2.88").get("/v2.1/os-hypervisors/" + node("hv3").uuid()).json()
                    .get("hypervisor");
            assertThat(shown.get("state").asString()).isEqualTo("down");
            assertThat(shown.get("uptime").isNull()).isTrue();
        } finally {
            records.setForcedDown(hv3.id(), false);
        }
    }

    @Test
    void statisticsSumTheNodesOfEnabledServices() {
        ServiceRecords records = new ServiceRecords(cell1, clock, settings.serviceDownTime());
        ServiceRecord hv4 = records.byHostAndBinary("hv4", ServiceRecord.COMPUTE).orElseThrow();
        JsonNode before = server.admin("2.1").get("/v2.1/os-hypervisors/statistics").json().get("hypervisor_statistics");
        records.setDisabled(hv4.id(), true, null);
        try {
            JsonNode after = server.admin("2.1").get("/v2.1/os-hypervisors/statistics").json()
                    .get("hypervisor_statistics");
            assertThat(after.get("count").asInt()).isEqualTo(before.get("count").asInt() - 1);
            assertThat(after.get("vcpus").asLong()).isEqualTo(before.get("vcpus").asLong() - 8);
        } finally {
            records.setDisabled(hv4.id(), false, null);
        }
        assertThat(before.get("count").asInt()).isEqualTo(6);
        assertThat(before.get("vcpus").asLong()).isEqualTo(4 * 8 + 2 * 64);
        assertThat(before.get("current_workload").asInt()).isEqualTo(1);
        assertThat(fields(before)).containsExactlyInAnyOrder("count", "vcpus", "memory_mb", "local_gb", "vcpus_used",
                "memory_mb_used", "local_gb_used", "free_ram_mb", "free_disk_gb", "current_workload", "running_vms",
                "disk_available_least");
    }

    @Test
    void beforeMicroversion253SearchAndServersHaveRoutesOfTheirOwn() {
        ApiClient admin = server.admin("2.52");
        JsonNode searched = admin.get("/v2.1/os-hypervisors/big/search").json().get("hypervisors");
        JsonNode servers = admin.get("/v2.1/os-hypervisors/hv/servers").json().get("hypervisors");

        assertThat(searched).extracting(h -> h.get("hypervisor_hostname").asString())
                .containsExactly("big-node1", "big-node2");
        assertThat(byName(servers, "hv1").at("/servers/0/uuid").asString()).isEqualTo(instanceOnHv1);
        assertThat(byName(servers, "hv2").has("servers")).isFalse();
        var none = admin.get("/v2.1/os-hypervisors/zzz/search");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().at("/itemNotFound/message").asString())
                .isEqualTo("No hypervisor matching 'zzz' could be found.");
    }

    @Test
    void onlyAdminsSeeHypervisors() {
        ApiClient member = server.member("u1", "p1", "2.1");
        ApiClient reader = server.reader("u1", "p1", "2.53");
        String id = Long.toString(node("hv1").id());

        for (String path : List.of("/v2.1/os-hypervisors", "/v2.1/os-hypervisors/detail",
                "/v2.1/os-hypervisors/statistics", "/v2.1/os-hypervisors/" + id, "/v2.1/os-hypervisors/" + id + "/uptime",
                "/v2.1/os-hypervisors/hv/search", "/v2.1/os-hypervisors/hv/servers")) {
            assertThat(member.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(reader.get("/v2.1/os-hypervisors/" + node("hv1").uuid()).status()).isEqualTo(403);
        assertThat(member.get("/v2.1/os-hypervisors").json().at("/forbidden/message").asString()).isNotBlank();
    }

    @Test
    void aPatternIsTakenLiterallyNotAsSqlWildcards() {
        assertThat(server.admin("2.53").get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=h_").status())
                .isEqualTo(404);
        assertThat(server.admin("2.53").get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=" + "%25").status())
                .isEqualTo(404);
        assertThat(Map.of()).isEmpty();
    }
}
