package dev.overcast.placement.allocations;

import static dev.overcast.placement.allocations.Fixtures.PROJECT;
import static dev.overcast.placement.allocations.Fixtures.USER;
import static dev.overcast.placement.allocations.Fixtures.code;
import static dev.overcast.placement.allocations.Fixtures.consumer;
import static dev.overcast.placement.allocations.Fixtures.detail;
import static dev.overcast.placement.allocations.Fixtures.dict;
import static dev.overcast.placement.allocations.Fixtures.dictWithGeneration;
import static dev.overcast.placement.allocations.Fixtures.generation;
import static dev.overcast.placement.allocations.Fixtures.list;
import static dev.overcast.placement.allocations.Fixtures.total;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.core.json.Json;
import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

/** {@code GET, PUT, DELETE /allocations/{consumer_uuid}} and how each microversion shapes them. */
class ConsumerAllocationsTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    @BeforeAll
    static void start() {
        admin = server.admin("1.39");
    }

    static String computeNode() {
        return Fixtures.provider(admin, Map.of("VCPU", total(8), "MEMORY_MB", total(4096), "DISK_GB", total(100)));
    }

    @Test
    void anUnknownConsumerHasEmptyAllocationsAndNothingElseAtEveryVersion() {
        for (String version : List.of("1.0", "1.12", "1.28", "1.38", "1.39")) {
            var reply = server.admin(version).get("/allocations/" + consumer());
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json()).isEqualTo(Json.parse("{\"allocations\": {}}"));
        }
    }

    @Test
    void beforeMicroversion18AllocationsAreAListWithoutProjectAndTheConsumerGetsTheIncompleteProject() {
        String rp = computeNode();
        String c = consumer();
        ApiClient v10 = server.admin("1.0");
        assertThat(v10.put("/allocations/" + c, list(Map.of(rp, Map.of("VCPU", 2)))).status()).isEqualTo(204);
        var withProject = v10.put("/allocations/" + c, list(Map.of(rp, Map.of("VCPU", 2)), "project_id", PROJECT,
                "user_id", USER));
        assertThat(withProject.status()).isEqualTo(400);
        assertThat(detail(withProject)).startsWith("JSON does not validate");

        var shown = server.admin("1.12").get("/allocations/" + c);
        assertThat(shown.json().get("project_id").asString()).isEqualTo(AllocationBodies.INCOMPLETE_CONSUMER);
        assertThat(shown.json().get("user_id").asString()).isEqualTo(AllocationBodies.INCOMPLETE_CONSUMER);
        assertThat(server.admin("1.0").get("/allocations/" + c).json().has("project_id")).isFalse();
    }

    @Test
    void fromMicroversion18TheListNeedsProjectAndUser() {
        String rp = computeNode();
        String c = consumer();
        ApiClient v18 = server.admin("1.8");
        assertThat(v18.put("/allocations/" + c, list(Map.of(rp, Map.of("VCPU", 1)))).status()).isEqualTo(400);
        assertThat(v18.put("/allocations/" + c, list(Map.of(rp, Map.of("VCPU", 1)), "project_id", PROJECT,
                "user_id", USER)).status()).isEqualTo(204);
        assertThat(server.admin("1.11").put("/allocations/" + c, dict(Map.of(rp, Map.of("VCPU", 1)))).status())
                .isEqualTo(400);
        var shown = server.admin("1.12").get("/allocations/" + c).json();
        assertThat(shown.get("project_id").asString()).isEqualTo(PROJECT);
        assertThat(shown.at("/allocations/" + rp + "/resources/VCPU").asLong()).isEqualTo(1);
    }

    @Test
    void fromMicroversion112AllocationsAreKeyedByProviderAndWhatGetShowsCanBePutBack() {
        String rp = computeNode();
        String c = consumer();
        ApiClient v112 = server.admin("1.12");
        assertThat(v112.put("/allocations/" + c, list(Map.of(rp, Map.of("VCPU", 1)), "project_id", PROJECT,
                "user_id", USER)).status()).isEqualTo(400);
        assertThat(v112.put("/allocations/" + c, dict(Map.of(rp, Map.of("VCPU", 1, "DISK_GB", 20)))).status())
                .isEqualTo(204);

        var shown = v112.get("/allocations/" + c).json();
        assertThat(shown.at("/allocations/" + rp + "/generation").asLong()).isEqualTo(generation(admin, rp));
        assertThat(shown.at("/allocations/" + rp + "/resources/DISK_GB").asLong()).isEqualTo(20);
        assertThat(shown.get("user_id").asString()).isEqualTo(USER);
        assertThat(shown.has("consumer_generation")).isFalse();

        var back = v112.put("/allocations/" + c, Map.of("allocations", shown.get("allocations"),
                "project_id", PROJECT, "user_id", USER));
        assertThat(back.status()).as(back.body()).isEqualTo(204);
        assertThat(v112.put("/allocations/" + c, dict(Map.of())).status()).isEqualTo(400);
    }

    @Test
    void fromMicroversion128EveryWriteNamesTheConsumerGenerationItRead() {
        String rp = computeNode();
        String c = consumer();
        ApiClient v128 = server.admin("1.28");
        var missing = v128.put("/allocations/" + c, dict(Map.of(rp, Map.of("DISK_GB", 10))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(detail(missing)).contains("consumer_generation");

        var notNew = v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("DISK_GB", 10)), 5L));
        assertThat(notNew.status()).isEqualTo(409);
        assertThat(code(notNew)).isEqualTo("placement.concurrent_update");
        assertThat(detail(notNew)).isEqualTo("consumer generation conflict - expected null but got 5");

        assertThat(v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("DISK_GB", 10)), null))
                .status()).isEqualTo(204);
        assertThat(v128.get("/allocations/" + c).json().get("consumer_generation").asLong()).isEqualTo(1);

        var stillNull = v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("DISK_GB", 10)), null));
        assertThat(stillNull.status()).isEqualTo(409);
        assertThat(detail(stillNull)).isEqualTo("consumer generation conflict - expected 1 but got None");
        var stale = v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("DISK_GB", 10)), 12L));
        assertThat(detail(stale)).isEqualTo("consumer generation conflict - expected 1 but got 12");
        assertThat(code(stale)).isEqualTo("placement.concurrent_update");

        assertThat(v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("DISK_GB", 11)), 1L)).status())
                .isEqualTo(204);
        assertThat(server.admin("1.27").put("/allocations/" + c, dict(Map.of(rp, Map.of("DISK_GB", 12)))).status())
                .as("before 1.28 nothing is checked").isEqualTo(204);
        assertThat(v128.get("/allocations/" + c).json().get("consumer_generation").asLong()).isEqualTo(3);
    }

    @Test
    void fromMicroversion128EmptyAllocationsRemoveTheConsumerWhoseGenerationStartsAgainAtNull() {
        String rp = computeNode();
        String c = consumer();
        ApiClient v128 = server.admin("1.28");
        assertThat(server.admin("1.27").put("/allocations/" + c, dict(Map.of())).status()).isEqualTo(400);
        v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("DISK_GB", 10)), null));
        assertThat(v128.put("/allocations/" + c, dictWithGeneration(Map.of(), 1L)).status()).isEqualTo(204);

        assertThat(v128.get("/allocations/" + c).json()).isEqualTo(Json.parse("{\"allocations\": {}}"));
        assertThat(Fixtures.usage(admin, rp, "DISK_GB")).isZero();
        assertThat(v128.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("DISK_GB", 10)), null))
                .status()).isEqualTo(204);
    }

    @Test
    void fromMicroversion134MappingsAreAcceptedAndIgnored() {
        String rp = computeNode();
        var body = dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null, "mappings", Map.of("_NET1", List.of(rp)));
        var old = server.admin("1.33").put("/allocations/" + consumer(), body);
        assertThat(old.status()).isEqualTo(400);
        assertThat(server.admin("1.34").put("/allocations/" + consumer(), body).status()).isEqualTo(204);

        var notAList = dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null, "mappings", Map.of("alpha", "beta"));
        assertThat(server.admin("1.34").put("/allocations/" + consumer(), notAList).status()).isEqualTo(400);
        var empty = dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null, "mappings", Map.of());
        assertThat(server.admin("1.34").put("/allocations/" + consumer(), empty).status()).isEqualTo(400);
    }

    @Test
    void fromMicroversion138TheConsumerTypeIsRequiredAndShownAndUnknownForOlderWrites() {
        String rp = computeNode();
        String c = consumer();
        ApiClient v138 = server.admin("1.38");
        var untyped = v138.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null));
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(detail(untyped)).contains("consumer_type");
        var lower = v138.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null,
                "consumer_type", "instance"));
        assertThat(lower.status()).isEqualTo(400);
        assertThat(server.admin("1.37").put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)),
                null, "consumer_type", "INSTANCE")).status()).isEqualTo(400);

        assertThat(server.admin("1.37").put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)),
                null)).status()).isEqualTo(204);
        assertThat(v138.get("/allocations/" + c).json().get("consumer_type").asString()).isEqualTo("unknown");
        assertThat(server.admin("1.37").get("/allocations/" + c).json().has("consumer_type")).isFalse();

        assertThat(v138.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), 1L,
                "consumer_type", "PONY")).status()).isEqualTo(204);
        assertThat(v138.get("/allocations/" + c).json().get("consumer_type").asString()).isEqualTo("PONY");
        assertThat(server.admin("1.37").put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 2)),
                2L)).status()).isEqualTo(204);
        assertThat(v138.get("/allocations/" + c).json().get("consumer_type").asString())
                .as("a write before 1.38 leaves the type as it was").isEqualTo("PONY");
    }

    @Test
    void aMalformedConsumerUuidIs400AndOtherSpellingsOfAUuidAreNormalised() {
        String rp = computeNode();
        var bad = admin.put("/allocations/not-a-uuid", dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null,
                "consumer_type", "INSTANCE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(detail(bad)).isEqualTo("Malformed consumer_uuid: not-a-uuid");

        String c = consumer();
        String shouted = c.replace("-", "").toUpperCase(Locale.ROOT);
        assertThat(admin.put("/allocations/" + shouted, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null,
                "consumer_type", "INSTANCE")).status()).isEqualTo(204);
        assertThat(admin.get("/allocations/" + c).json().at("/allocations/" + rp + "/resources/VCPU").asLong())
                .isEqualTo(1);
    }

    @Test
    void deletingAllocationsAnswers204ThenA404NamingTheConsumer() {
        String rp = computeNode();
        String c = consumer();
        admin.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 3)), null,
                "consumer_type", "INSTANCE"));
        long before = generation(admin, rp);
        assertThat(admin.delete("/allocations/" + c).status()).isEqualTo(204);
        assertThat(Fixtures.usage(admin, rp, "VCPU")).isZero();
        assertThat(generation(admin, rp)).isEqualTo(before + 1);

        var again = admin.delete("/allocations/" + c);
        assertThat(again.status()).isEqualTo(404);
        assertThat(detail(again)).isEqualTo("No allocations for consumer '" + c + "'");
    }

    @Test
    void everyWriteBumpsTheGenerationOfEachProviderItChangesOldAndNew() {
        String first = computeNode();
        String second = computeNode();
        String c = consumer();
        ApiClient v = server.admin("1.28");
        v.put("/allocations/" + c, dictWithGeneration(Map.of(first, Map.of("VCPU", 1)), null));
        long firstBefore = generation(admin, first);
        long secondBefore = generation(admin, second);

        assertThat(v.put("/allocations/" + c, dictWithGeneration(Map.of(second, Map.of("VCPU", 1)), 1L)).status())
                .isEqualTo(204);
        assertThat(generation(admin, first)).isEqualTo(firstBefore + 1);
        assertThat(generation(admin, second)).isEqualTo(secondBefore + 1);
        assertThat(Fixtures.usage(admin, first, "VCPU")).isZero();
        assertThat(Fixtures.usage(admin, second, "VCPU")).isEqualTo(1);
    }

    @Test
    void aProvidersAllocationsAreKeyedByConsumerWithGenerationsFrom128() {
        String rp = computeNode();
        String a = consumer();
        String b = consumer();
        admin.put("/allocations/" + a, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1, "MEMORY_MB", 512)), null,
                "consumer_type", "INSTANCE"));
        admin.put("/allocations/" + b, dictWithGeneration(Map.of(rp, Map.of("VCPU", 2)), null,
                "consumer_type", "INSTANCE"));

        var reply = admin.get("/resource_providers/" + rp + "/allocations");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("resource_provider_generation").asLong()).isEqualTo(generation(admin, rp));
        assertThat(reply.json().at("/allocations/" + a + "/resources/MEMORY_MB").asLong()).isEqualTo(512);
        assertThat(reply.json().at("/allocations/" + b + "/resources/VCPU").asLong()).isEqualTo(2);
        assertThat(reply.json().at("/allocations/" + a + "/consumer_generation").asLong()).isEqualTo(1);
        assertThat(server.admin("1.27").get("/resource_providers/" + rp + "/allocations").json()
                .at("/allocations/" + a).has("consumer_generation")).isFalse();

        String nobody = consumer();
        var missing = admin.get("/resource_providers/" + nobody + "/allocations");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(detail(missing)).contains("No resource provider with uuid " + nobody + " found");
    }

    @Test
    void fromMicroversion115ReadsSayWhenTheyChangedAndNotToCache() {
        String rp = computeNode();
        String c = consumer();
        admin.put("/allocations/" + c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null,
                "consumer_type", "INSTANCE"));
        for (String path : List.of("/allocations/" + c, "/resource_providers/" + rp + "/allocations",
                "/resource_providers/" + rp + "/usages")) {
            var old = server.admin("1.14").get(path);
            assertThat(old.header("Last-Modified")).as(path).isNull();
            assertThat(old.header("Cache-Control")).as(path).isNull();
            var now = server.admin("1.15").get(path);
            assertThat(now.header("Cache-Control")).as(path).isEqualTo("no-cache");
            assertThat(now.header("Last-Modified")).as(path).matches("^\\w+, \\d+ \\w+ \\d{4} [\\d:]+ GMT$");
        }
    }

    @Test
    void readersWithoutAdminOrServiceRolesMayNotTouchAllocations() {
        String rp = computeNode();
        ApiClient member = server.member("someone", PROJECT, "1.39");
        assertThat(member.get("/allocations/" + consumer()).status()).isEqualTo(403);
        assertThat(member.put("/allocations/" + consumer(), dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null,
                "consumer_type", "INSTANCE")).status()).isEqualTo(403);
        assertThat(member.delete("/allocations/" + consumer()).status()).isEqualTo(403);
        assertThat(member.get("/resource_providers/" + rp + "/allocations").status()).isEqualTo(403);
        assertThat(server.service("1.39").put("/allocations/" + consumer(), dictWithGeneration(
                Map.of(rp, Map.of("VCPU", 1)), null, "consumer_type", "INSTANCE")).status()).isEqualTo(204);
    }
}
