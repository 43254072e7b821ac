package dev.overcast.placement.allocations;

import static dev.overcast.placement.allocations.Fixtures.USER;
import static dev.overcast.placement.allocations.Fixtures.consumer;
import static dev.overcast.placement.allocations.Fixtures.detail;
import static dev.overcast.placement.allocations.Fixtures.total;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.core.json.Json;
import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

/** A provider's usages, and usage totals by project, user and (1.38) consumer type. */
class UsagesTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    @BeforeAll
    static void start() {
        admin = server.admin("1.39");
    }

    /** Writes at 1.38 for {@code project}, user {@code user}. */
    static void allocate(String project, String user, String type, Map<String, Map<String, Object>> allocations) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> byProvider = new LinkedHashMap<>();
        allocations.forEach((rp, resources) -> byProvider.put(rp, Map.of("resources", resources)));
        body.put("allocations", byProvider);
        body.put("project_id", project);
        body.put("user_id", user);
        body.put("consumer_generation", null);
        body.put("consumer_type", type);
        var reply = server.admin("1.38").put("/allocations/" + consumer(), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    @Test
    void aProviderReportsEveryClassItHasInventoryOfWithZeroWhenUnused() {
        String empty = Fixtures.provider(admin, Map.of());
        assertThat(admin.get("/resource_providers/" + empty + "/usages").json().get("usages").isEmpty()).isTrue();

        String rp = Fixtures.provider(admin, Map.of("VCPU", total(8), "DISK_GB", total(100)));
        allocate("p-" + UUID.randomUUID(), USER, "INSTANCE", Map.of(rp, Map.of("VCPU", 3)));
        var reply = server.admin("1.0").get("/resource_providers/" + rp + "/usages");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("usages")).isEqualTo(Json.parse("{\"VCPU\": 3, \"DISK_GB\": 0}"));
        assertThat(reply.json().get("resource_provider_generation").asLong()).isEqualTo(Fixtures.generation(admin, rp));
    }

    @Test
    void anUnknownProviderHasNoUsages() {
        String nowhere = UUID.randomUUID().toString();
        var reply = admin.get("/resource_providers/" + nowhere + "/usages");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(detail(reply)).contains("No resource provider with uuid " + nowhere + " found");
    }

    @Test
    void totalUsagesStartAt19AndNeedAProject() {
        assertThat(server.admin("1.8").get("/usages?project_id=x").status()).isEqualTo(404);
        ApiClient v19 = server.admin("1.9");
        assertThat(v19.get("/usages").status()).isEqualTo(400);
        assertThat(v19.get("/usages?project_id=").status()).isEqualTo(400);
        assertThat(v19.get("/usages?project_id=x&user_id=").status()).isEqualTo(400);
        assertThat(v19.get("/usages?project_id=x&dummy=1").status()).isEqualTo(400);
        assertThat(detail(v19.get("/usages?project_id=x&dummy=1"))).startsWith("Invalid query string parameters");
        assertThat(v19.get("/usages?project_id=x&consumer_type=all").status()).as("consumer_type is 1.38").isEqualTo(400);
        assertThat(v19.get("/usages?project_id=" + "p".repeat(256)).status()).isEqualTo(400);
        assertThat(v19.get("/usages?project_id=nobody").json()).isEqualTo(Json.parse("{\"usages\": {}}"));
    }

    @Test
    void beforeMicroversion138TotalsAreByClassForTheProjectOrItsUser() {
        String project = "p-" + UUID.randomUUID();
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(32), "MEMORY_MB", total(8192)));
        String other = Fixtures.provider(admin, Map.of("VCPU", total(32)));
        allocate(project, "alice", "INSTANCE", Map.of(rp, Map.of("VCPU", 2, "MEMORY_MB", 512)));
        allocate(project, "bob", "INSTANCE", Map.of(rp, Map.of("VCPU", 1), other, Map.of("VCPU", 4)));
        allocate("someone-else", "alice", "INSTANCE", Map.of(rp, Map.of("VCPU", 8)));

        ApiClient v19 = server.admin("1.9");
        assertThat(v19.get("/usages?project_id=" + project).json())
                .isEqualTo(Json.parse("{\"usages\": {\"VCPU\": 7, \"MEMORY_MB\": 512}}"));
        assertThat(v19.get("/usages?project_id=" + project + "&user_id=bob").json())
                .isEqualTo(Json.parse("{\"usages\": {\"VCPU\": 5}}"));
        assertThat(server.admin("1.37").get("/usages?project_id=" + project).json().at("/usages/VCPU").asLong())
                .isEqualTo(7);
    }

    @Test
    void fromMicroversion138TotalsAreGroupedByConsumerTypeWithConsumerCounts() {
        String project = "p-" + UUID.randomUUID();
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(32), "DISK_GB", total(1000)));
        allocate(project, USER, "INSTANCE", Map.of(rp, Map.of("VCPU", 2, "DISK_GB", 10)));
        allocate(project, USER, "INSTANCE", Map.of(rp, Map.of("VCPU", 1)));
        allocate(project, USER, "PONY", Map.of(rp, Map.of("DISK_GB", 10)));
        var untyped = server.admin("1.37").put("/allocations/" + consumer(), Fixtures.dictWithGeneration(
                Map.of(rp, Map.of("DISK_GB", 100)), null, "project_id", project));
        assertThat(untyped.status()).isEqualTo(204);

        ApiClient v138 = server.admin("1.38");
        assertThat(v138.get("/usages?project_id=" + project).json()).isEqualTo(Json.parse("""
                {"usages": {
                  "INSTANCE": {"consumer_count": 2, "VCPU": 3, "DISK_GB": 10},
                  "PONY": {"consumer_count": 1, "DISK_GB": 10},
                  "unknown": {"consumer_count": 1, "DISK_GB": 100}}}"""));
        assertThat(v138.get("/usages?project_id=" + project + "&consumer_type=PONY").json())
                .isEqualTo(Json.parse("{\"usages\": {\"PONY\": {\"consumer_count\": 1, \"DISK_GB\": 10}}}"));
        assertThat(v138.get("/usages?project_id=" + project + "&consumer_type=all").json()).isEqualTo(Json.parse(
                "{\"usages\": {\"all\": {\"consumer_count\": 4, \"VCPU\": 3, \"DISK_GB\": 120}}}"));
        assertThat(v138.get("/usages?project_id=" + project + "&consumer_type=unknown").json()).isEqualTo(Json.parse(
                "{\"usages\": {\"unknown\": {\"consumer_count\": 1, \"DISK_GB\": 100}}}"));
        for (String nothing : new String[] {"COW", "ALL", "UNKNOWN"}) {
            assertThat(v138.get("/usages?project_id=" + project + "&consumer_type=" + nothing).json())
                    .as(nothing).isEqualTo(Json.parse("{\"usages\": {}}"));
        }
        assertThat(v138.get("/usages?project_id=" + project + "&consumer_type=pony").status()).isEqualTo(400);
    }

    @Test
    void aProjectsReaderMayReadItsOwnTotalsButNoOneElses() {
        String project = "p-" + UUID.randomUUID();
        ApiClient reader = server.member("carol", project, "1.39");
        assertThat(reader.get("/usages?project_id=" + project).status()).isEqualTo(200);
        assertThat(reader.get("/usages?project_id=someone-else").status()).isEqualTo(403);
        assertThat(reader.get("/usages").status()).isEqualTo(403);
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(1)));
        assertThat(reader.get("/resource_providers/" + rp + "/usages").status()).isEqualTo(403);
    }
}
