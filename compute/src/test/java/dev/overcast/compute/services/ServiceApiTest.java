package dev.overcast.compute.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.compute.virt.fake.FakeDriver;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.MutableClock;
import tools.jackson.databind.JsonNode;

/** os-services over HTTP: the list per microversion, the switches, deletion and policy. */
class ServiceApiTest {
    static final MutableClock clock = MutableClock.startingNow();
    static final ComputeSettings settings = new ComputeSettings("nova", Duration.ofSeconds(10), 3,
            Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1));
    @RegisterExtension
    static final ComputeServer server = new ComputeServer(clock, settings);
    static ComputeAgent agent;
    static Jdbi cell1;
    static Jdbi cell2;
    static ServiceRecord conductor;

    @BeforeAll
    static void start() {
        agent = server.startAgent("cell1", FakeDriver.builder().hosts("svc", 8).build());
        List<CellMapping> cells = server.context().cells().buildable();
        cell1 = server.context().cells().db(cells.get(0));
        cell2 = server.context().cells().db(cells.get(1));
        conductor = records(cell1).register("control1", ServiceRecord.CONDUCTOR, "conductor");
        records(cell1).register("control1", ServiceRecord.SCHEDULER, "scheduler");
    }

    static ServiceRecords records(Jdbi cell) {
        return new ServiceRecords(cell, clock, settings.serviceDownTime());
    }

    static ServiceRecord compute(String host) {
        return records(cell1).byHostAndBinary(host, ServiceRecord.COMPUTE).orElseThrow();
    }

    static JsonNode serviceOf(ApiClient client, String host, String binary) {
        var reply = client.get("/v2.1/os-services?host=" + host + "&binary=" + binary);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("services")).hasSize(1);
        return reply.json().get("services").get(0);
    }

    static List<String> traits(String host) {
        String uuid = agent.nodes().get(host).uuid();
        return server.placementAdmin().get("/resource_providers/" + uuid + "/traits").json().get("traits")
                .valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void theListShowsEveryServiceWithItsStateStatusAndZone() {
        var reply = server.admin("2.1").get("/v2.1/os-services");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode services = reply.json().get("services");
        assertThat(services).hasSizeGreaterThanOrEqualTo(10);
        JsonNode svc1 = serviceOf(server.admin("2.1"), "svc1", "nova-compute");
        assertThat(svc1.get("id").isIntegralNumber()).isTrue();
        assertThat(svc1.get("id").asLong()).isEqualTo(compute("svc1").id());
        assertThat(svc1.get("binary").asString()).isEqualTo("nova-compute");
        assertThat(svc1.get("zone").asString()).isEqualTo("nova");
        assertThat(svc1.get("status").asString()).isEqualTo("enabled");
        assertThat(svc1.get("state").asString()).isEqualTo("up");
        assertThat(svc1.get("disabled_reason").isNull()).isTrue();
        assertThat(svc1.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(svc1.has("forced_down")).isFalse();
        assertThat(serviceOf(server.admin("2.1"), "control1", "nova-conductor").get("zone").asString())
                .isEqualTo("internal");
    }

    @Test
    void forcedDownShowsFrom211AndIdsAreUuidsFrom253() {
        assertThat(serviceOf(server.admin("2.11"), "svc1", "nova-compute").get("forced_down").asBoolean()).isFalse();
        JsonNode v253 = serviceOf(server.admin("2.53"), "svc1", "nova-compute");
        assertThat(v253.get("id").asString()).isEqualTo(compute("svc1").uuid());
    }

    @Test
    void theListFiltersByHostAndBinary() {
        var byBinary = server.admin("2.53").get("/v2.1/os-services?binary=nova-scheduler").json().get("services");
        var byHost = server.admin("2.53").get("/v2.1/os-services?host=control1").json().get("services");

        assertThat(byBinary).allSatisfy(s -> assertThat(s.get("binary").asString()).isEqualTo("nova-scheduler"))
                .extracting(s -> s.get("host").asString()).contains("control1");
        assertThat(byHost).extracting(s -> s.get("binary").asString())
                .containsExactlyInAnyOrder("nova-conductor", "nova-scheduler");
    }

    @Test
    void unknownQueryParametersAreRefusedFrom275() {
        assertThat(server.admin("2.74").get("/v2.1/os-services?foo=bar").status()).isEqualTo(200);
        var refused = server.admin("2.75").get("/v2.1/os-services?foo=bar");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/badRequest/message").asString()).contains("foo");
    }

    @Test
    void aServiceThatStopsReportingIsShownDown() {
        clock.advance(settings.serviceDownTime().plusSeconds(1));
        try {
            assertThat(serviceOf(server.admin("2.53"), "control1", "nova-conductor").get("state").asString())
                    .isEqualTo("down");
        } finally {
            agent.reportNow();
            records(cell1).register("control1", ServiceRecord.CONDUCTOR, "conductor");
            records(cell1).register("control1", ServiceRecord.SCHEDULER, "scheduler");
        }
        assertThat(serviceOf(server.admin("2.53"), "control1", "nova-conductor").get("state").asString())
                .isEqualTo("up");
    }

    @Test
    void onlyAdminsSeeOrChangeServices() {
        ApiClient member = server.member("u1", "p1", "2.53");

        assertThat(member.get("/v2.1/os-services").status()).isEqualTo(403);
        assertThat(member.put("/v2.1/os-services/" + compute("svc2").uuid(), Map.of("status", "disabled")).status())
                .isEqualTo(403);
        assertThat(member.delete("/v2.1/os-services/" + compute("svc2").uuid()).status()).isEqualTo(403);
        assertThat(server.member("u1", "p1", "2.1").put("/v2.1/os-services/disable",
                Map.of("host", "svc2", "binary", "nova-compute")).status()).isEqualTo(403);
        assertThat(compute("svc2").disabled()).isFalse();
    }

    @Test
    void beforeMicroversion253DisableAndEnableAreActionsThatReachPlacement() {
        ApiClient admin = server.admin("2.1");
        var disabled = admin.put("/v2.1/os-services/disable", Map.of("host", "svc3", "binary", "nova-compute"));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("service")).isEqualTo(server.admin("2.1").put("/v2.1/os-services/disable",
                Map.of("host", "svc3", "binary", "nova-compute")).json().get("service"));
        assertThat(disabled.json().at("/service/status").asString()).isEqualTo("disabled");
        assertThat(disabled.json().at("/service/host").asString()).isEqualTo("svc3");
        assertThat(compute("svc3").disabled()).isTrue();
        assertThat(traits("svc3")).contains("COMPUTE_STATUS_DISABLED");

        var enabled = admin.put("/v2.1/os-services/enable", Map.of("host", "svc3", "binary", "nova-compute"));
        assertThat(enabled.json().at("/service/status").asString()).isEqualTo("enabled");
        assertThat(compute("svc3").disabled()).isFalse();
        assertThat(traits("svc3")).doesNotContain("COMPUTE_STATUS_DISABLED");
    }

    @Test
    void disableLogReasonKeepsTheReasonAndNeedsOne() {
        ApiClient admin = server.admin("2.1");
        var missing = admin.put("/v2.1/os-services/disable-log-reason", Map.of("host", "svc4", "binary", "nova-compute"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/badRequest/message").asString()).isEqualTo("Missing disabled reason field");

        var reply = admin.put("/v2.1/os-services/disable-log-reason",
                Map.of("host", "svc4", "binary", "nova-compute", "disabled_reason", "new RAM"));
        assertThat(reply.json().get("service").toString())
                .isEqualTo("{\"host\":\"svc4\",\"binary\":\"nova-compute\",\"status\":\"disabled\","
                        + "\"disabled_reason\":\"new RAM\"}");
        assertThat(serviceOf(admin, "svc4", "nova-compute").get("disabled_reason").asString()).isEqualTo("new RAM");
        admin.put("/v2.1/os-services/enable", Map.of("host", "svc4", "binary", "nova-compute"));
        assertThat(serviceOf(admin, "svc4", "nova-compute").get("disabled_reason").isNull()).isTrue();
    }

    @Test
    void forceDownIsAnActionFrom211() {
        var before = server.admin("2.10").put("/v2.1/os-services/force-down",
                Map.of("host", "svc5", "binary", "nova-compute"));
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.json().at("/itemNotFound/message").asString()).isEqualTo("Unknown action");
        assertThat(server.admin("2.11").put("/v2.1/os-services/force-down",
                Map.of("host", "svc5", "binary", "nova-compute")).json().at("/badRequest/message").asString())
                .isEqualTo("Missing forced_down field");

        var down = server.admin("2.11").put("/v2.1/os-services/force-down",
                Map.of("host", "svc5", "binary", "nova-compute", "forced_down", true));
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.json().at("/service/forced_down").asBoolean()).isTrue();
        JsonNode listed = serviceOf(server.admin("2.11"), "svc5", "nova-compute");
        assertThat(listed.get("state").asString()).isEqualTo("down");
        assertThat(listed.get("forced_down").asBoolean()).isTrue();

        server.admin("2.11").put("/v2.1/os-services/force-down",
                Map.of("host", "svc5", "binary", "nova-compute", "forced_down", "false"));
        assertThat(serviceOf(server.admin("2.11"), "svc5", "nova-compute").get("state").asString()).isEqualTo("up");
    }

    @Test
    void actionsRefuseUnknownActionsOtherBinariesAndUnknownHosts() {
        ApiClient admin = server.admin("2.11");
        var unknown = admin.put("/v2.1/os-services/reboot", Map.of("host", "svc1", "binary", "nova-compute"));
        var conductorDisabled = admin.put("/v2.1/os-services/disable",
                Map.of("host", "control1", "binary", "nova-conductor"));
        var noHost = admin.put("/v2.1/os-services/disable", Map.of("host", "nowhere", "binary", "nova-compute"));
        var badBody = admin.put("/v2.1/os-services/disable", Map.of("host", "svc1"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/itemNotFound/message").asString()).isEqualTo("Unknown action");
        assertThat(conductorDisabled.status()).isEqualTo(400);
        assertThat(conductorDisabled.json().at("/badRequest/message").asString()).isEqualTo(
                "Updating a nova-conductor service is not supported. Only nova-compute services can be updated.");
        assertThat(noHost.status()).isEqualTo(404);
        assertThat(noHost.json().at("/itemNotFound/message").asString())
                .isEqualTo("Compute host nowhere with binary nova-compute could not be found.");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.json().at("/badRequest/message").asString()).contains("binary");
    }

    @Test
    void from253AServiceIsUpdatedByUuidAndShownWhole() {
        ApiClient admin = server.admin("2.53");
        String uuid = compute("svc6").uuid();
        var reply = admin.put("/v2.1/os-services/" + uuid, Map.of("status", "disabled", "disabled_reason", "moving"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode service = reply.json().get("service");
        assertThat(service.get("id").asString()).isEqualTo(uuid);
        assertThat(service.get("status").asString()).isEqualTo("disabled");
        assertThat(service.get("disabled_reason").asString()).isEqualTo("moving");
        assertThat(service.get("forced_down").asBoolean()).isFalse();
        assertThat(service.get("zone").asString()).isEqualTo("nova");
        assertThat(traits("svc6")).contains("COMPUTE_STATUS_DISABLED");

        var down = admin.put("/v2.1/os-services/" + uuid, Map.of("status", "enabled", "forced_down", true));
        assertThat(down.json().at("/service/status").asString()).isEqualTo("enabled");
        assertThat(down.json().at("/service/state").asString()).isEqualTo("down");
        assertThat(traits("svc6")).doesNotContain("COMPUTE_STATUS_DISABLED");
        admin.put("/v2.1/os-services/" + uuid, Map.of("forced_down", false));
    }

    @Test
    void from253BadUpdatesAreRefused() {
        ApiClient admin = server.admin("2.53");
        String uuid = compute("svc7").uuid();

        assertThat(admin.put("/v2.1/os-services/" + uuid, Map.of("status", "enabled", "disabled_reason", "x"))
                .json().at("/badRequest/message").asString())
                .isEqualTo("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        assertThat(admin.put("/v2.1/os-services/" + uuid, Map.of()).json().at("/badRequest/message").asString())
                .isEqualTo("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        assertThat(admin.put("/v2.1/os-services/" + uuid, Map.of("status", "paused")).status()).isEqualTo(400);
        assertThat(admin.put("/v2.1/os-services/disable", Map.of("status", "disabled"))
                .json().at("/badRequest/message").asString()).isEqualTo("Invalid uuid disable");
        var missing = admin.put("/v2.1/os-services/" + UUID.randomUUID(), Map.of("status", "disabled"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(admin.put("/v2.1/os-services/" + conductor.uuid(), Map.of("status", "disabled")).status())
                .isEqualTo(400);
        assertThat(compute("svc7").disabled()).isFalse();
    }

    @Test
    void aComputeServiceHostingInstancesCannotBeDeleted() {
        String host = "svc8";
        String instance = UUID.randomUUID().toString();
        cell1.useHandle(h -> h.createUpdate("insert into instances (uuid, project_id, user_id, host, node, flavor, "
                        + "vm_state, created_at) values (:uuid, 'p1', 'u1', :host, :host, '{}', 'active', :now)")
                .bind("uuid", instance).bind("host", host).bind("now", clock.instant()).execute());

        var refused = server.admin("2.53").delete("/v2.1/os-services/" + compute(host).uuid());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/conflictingRequest/message").asString()).isEqualTo(
                "Unable to delete compute service that is hosting instances. Migrate or delete the instances first.");
        cell1.useHandle(h -> h.createUpdate("update instances set deleted = true where uuid = :uuid")
                .bind("uuid", instance).execute());
    }

    @Test
    void deletingAComputeServiceTakesItsNodesProviderAndHostMappingWithIt() {
        ServiceRecord svc8 = compute("svc8");
        String provider = agent.nodes().get("svc8").uuid();

        var deleted = server.admin("2.53").delete("/v2.1/os-services/" + svc8.uuid());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(records(cell1).byUuid(svc8.uuid())).isEmpty();
        assertThat(server.admin("2.53").get("/v2.1/os-services?host=svc8").json().get("services")).isEmpty();
        assertThat(server.placementAdmin().get("/resource_providers/" + provider).status()).isEqualTo(404);
        assertThat(server.context().cells().hosts().cellOf("svc8")).isEmpty();
        assertThat(server.admin("2.53").get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=svc8").status())
                .isEqualTo(404);
        agent.reportNow();
        assertThat(server.placementAdmin().get("/resource_providers/" + provider).status()).isEqualTo(404);
        assertThat(server.admin("2.53").delete("/v2.1/os-services/" + svc8.uuid()).status()).isEqualTo(404);
    }

    @Test
    void deletionNamesServicesByIntegerBefore253AndByUuidFrom253() {
        ServiceRecord scheduler = records(cell1).register("control2", ServiceRecord.SCHEDULER, "scheduler");

        assertThat(server.admin("2.52").delete("/v2.1/os-services/" + scheduler.uuid())
                .json().at("/badRequest/message").asString()).isEqualTo("Invalid input received: id must be an integer");
        assertThat(server.admin("2.53").delete("/v2.1/os-services/" + scheduler.id())
                .json().at("/badRequest/message").asString()).isEqualTo("Invalid uuid " + scheduler.id());
        assertThat(server.admin("2.52").delete("/v2.1/os-services/999999").json().at("/itemNotFound/message")
                .asString()).isEqualTo("Service 999999 not found.");
        assertThat(server.admin("2.52").delete("/v2.1/os-services/" + scheduler.id()).status()).isEqualTo(204);
        assertThat(records(cell1).byUuid(scheduler.uuid())).isEmpty();
    }

    @Test
    void anIntegerIdTwoCellsShareIsRefusedAsAmbiguous() {
        ServiceRecord inCell2 = records(cell2).register("control9", ServiceRecord.SCHEDULER, "scheduler");
        assertThat(records(cell1).byId(inCell2.id())).isPresent();

        var reply = server.admin("2.52").delete("/v2.1/os-services/" + inCell2.id());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/badRequest/message").asString())
                .isEqualTo("Service id " + inCell2.id() + " refers to multiple services.");
    }

    @Test
    void aHostsZoneIsItsAggregatesOrTheDefault() {
        Aggregate plain = new Aggregate(1, UUID.randomUUID().toString(), "plain", Map.of());
        Aggregate zoned = new Aggregate(2, UUID.randomUUID().toString(), "zoned", Map.of("availability_zone", "az-b"));
        HostAggregates aggregates = host -> host.equals("h1") ? List.of(plain, zoned) : List.of(plain);

        assertThat(aggregates.zoneOf("h1", "nova")).isEqualTo("az-b");
        assertThat(aggregates.zoneOf("h2", "nova")).isEqualTo("nova");
        assertThat(HostAggregates.NONE.zoneOf("h1", "nova")).isEqualTo("nova");
    }
}
