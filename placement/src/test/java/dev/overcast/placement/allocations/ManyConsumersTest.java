package dev.overcast.placement.allocations;

import static dev.overcast.placement.allocations.Fixtures.consumer;
import static dev.overcast.placement.allocations.Fixtures.detail;
import static dev.overcast.placement.allocations.Fixtures.dict;
import static dev.overcast.placement.allocations.Fixtures.dictWithGeneration;
import static dev.overcast.placement.allocations.Fixtures.total;
import static dev.overcast.placement.allocations.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

/** {@code POST /allocations}: many consumers in one transaction, from microversion 1.13. */
class ManyConsumersTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    @BeforeAll
    static void start() {
        admin = server.admin("1.39");
    }

    @Test
    void beforeMicroversion113ThereIsNoPost() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        var reply = server.admin("1.12").post("/allocations", Map.of(consumer(), dict(Map.of(rp, Map.of("VCPU", 1)))));
        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void aMigrationMovesAnInstanceToItsTargetAndItsSourceToAMigrationConsumerAtOnce() {
        String source = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String target = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String instance = consumer();
        String migration = consumer();
        ApiClient v113 = server.admin("1.13");
        assertThat(v113.post("/allocations", Map.of(instance, dict(Map.of(source, Map.of("VCPU", 2))))).status())
                .isEqualTo(204);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put(instance, dict(Map.of(target, Map.of("VCPU", 2))));
        body.put(migration, dict(Map.of(source, Map.of("VCPU", 2))));
        assertThat(v113.post("/allocations", body).status()).isEqualTo(204);
        assertThat(usage(admin, source, "VCPU")).isEqualTo(2);
        assertThat(usage(admin, target, "VCPU")).isEqualTo(2);

        assertThat(v113.post("/allocations", Map.of(migration, dict(Map.of()))).status())
                .as("empty allocations remove the migration's").isEqualTo(204);
        assertThat(usage(admin, source, "VCPU")).isZero();
        assertThat(admin.get("/allocations/" + migration).json().get("allocations").isEmpty()).isTrue();
    }

    @Test
    void anEmptyBodyOrAKeyThatIsNotAUuidIsASchemaError() {
        assertThat(server.admin("1.13").post("/allocations", Map.of()).status()).isEqualTo(400);
        var reply = server.admin("1.13").post("/allocations", Map.of("not-a-consumer", dict(Map.of())));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(detail(reply)).startsWith("JSON does not validate");
    }

    @Test
    void fromMicroversion128EachConsumerNamesItsGeneration() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        String c = consumer();
        ApiClient v128 = server.admin("1.28");
        assertThat(v128.post("/allocations", Map.of(c, dict(Map.of(rp, Map.of("VCPU", 1))))).status()).isEqualTo(400);
        assertThat(v128.post("/allocations", Map.of(c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null)))
                .status()).isEqualTo(204);
        var stale = v128.post("/allocations", Map.of(c, dictWithGeneration(Map.of(rp, Map.of("VCPU", 2)), 0L)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(Fixtures.code(stale)).isEqualTo("placement.concurrent_update");
        assertThat(detail(stale)).isEqualTo("consumer generation conflict - expected 1 but got 0");
    }

    @Test
    void fromMicroversion134MappingsAndFrom138ConsumerTypes() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        var mapped = dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null, "mappings",
                Map.of("", java.util.List.of(rp)));
        assertThat(server.admin("1.33").post("/allocations", Map.of(consumer(), mapped)).status()).isEqualTo(400);
        assertThat(server.admin("1.34").post("/allocations", Map.of(consumer(), mapped)).status()).isEqualTo(204);

        var untyped = dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null);
        var reply = server.admin("1.38").post("/allocations", Map.of(consumer(), untyped));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(detail(reply)).contains("consumer_type");
        String c = consumer();
        assertThat(server.admin("1.38").post("/allocations", Map.of(c, dictWithGeneration(
                Map.of(rp, Map.of("VCPU", 1)), null, "consumer_type", "MIGRATION"))).status()).isEqualTo(204);
        assertThat(admin.get("/allocations/" + c).json().get("consumer_type").asString()).isEqualTo("MIGRATION");
    }

    @Test
    void onlyAdminsAndServicesMayPost() {
        String rp = Fixtures.provider(admin, Map.of("VCPU", total(4)));
        var reply = server.member("someone", Fixtures.PROJECT, "1.39").post("/allocations", Map.of(consumer(),
                dictWithGeneration(Map.of(rp, Map.of("VCPU", 1)), null, "consumer_type", "INSTANCE")));
        assertThat(reply.status()).isEqualTo(403);
    }
}
