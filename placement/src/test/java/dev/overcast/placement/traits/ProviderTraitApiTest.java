package dev.overcast.placement.traits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class ProviderTraitApiTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    @BeforeAll
    static void start() {
        admin = server.admin("1.6");
        admin.put("/traits/CUSTOM_TRAIT_1", null);
        admin.put("/traits/CUSTOM_TRAIT_2", null);
    }

    private static List<String> names(JsonNode traits) {
        List<String> out = new ArrayList<>();
        traits.forEach(t -> out.add(t.asString()));
        return out;
    }

    private static String detail(ApiClient.Reply reply) {
        return reply.json().at("/errors/0/detail").asString();
    }

    private static String path(String rp) {
        return "/resource_providers/" + rp + "/traits";
    }

    @Test
    void aNewProviderHasNoTraitsAndGenerationZero() {
        String rp = TestProviders.create(server, "rp-empty");
        var reply = admin.get(path(rp));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("traits").size()).isZero();
        assertThat(reply.json().get("resource_provider_generation").asLong()).isZero();
    }

    @Test
    void putReplacesTheTraitsAndBumpsTheGeneration() {
        String rp = TestProviders.create(server, "rp-put");
        var first = admin.put(path(rp), Map.of("traits", List.of("CUSTOM_TRAIT_2", "CUSTOM_TRAIT_1", "CUSTOM_TRAIT_1"),
                "resource_provider_generation", 0));
        assertThat(first.status()).isEqualTo(200);
        assertThat(names(first.json().get("traits"))).containsExactly("CUSTOM_TRAIT_1", "CUSTOM_TRAIT_2");
        assertThat(first.json().get("resource_provider_generation").asLong()).isEqualTo(1);

        var second = admin.put(path(rp), Map.of("traits", List.of("HW_CPU_X86_AVX2"), "resource_provider_generation", 1));
        assertThat(names(second.json().get("traits"))).containsExactly("HW_CPU_X86_AVX2");
        assertThat(second.json().get("resource_provider_generation").asLong()).isEqualTo(2);

        var read = admin.get(path(rp));
        assertThat(names(read.json().get("traits"))).containsExactly("HW_CPU_X86_AVX2");
        assertThat(read.json().get("resource_provider_generation").asLong()).isEqualTo(2);
        var indexed = server.service().context().index().get(rp).orElseThrow();
        assertThat(indexed.traits()).containsExactly("HW_CPU_X86_AVX2");
        assertThat(indexed.generation()).isEqualTo(2);
        assertThat(TestProviders.generation(server, rp)).isEqualTo(2);
    }

    @Test
    void aStaleGenerationIsAConcurrentUpdateAndChangesNothing() {
        String rp = TestProviders.create(server, "rp-stale");
        admin.put(path(rp), Map.of("traits", List.of("CUSTOM_TRAIT_1"), "resource_provider_generation", 0));
        var reply = server.admin("1.23").put(path(rp),
                Map.of("traits", List.of("CUSTOM_TRAIT_2"), "resource_provider_generation", 5));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().at("/errors/0/code").asString()).isEqualTo("placement.concurrent_update");
        assertThat(detail(reply)).isEqualTo(
                "Resource provider's generation already changed. Please update the generation and try again.");
        assertThat(names(admin.get(path(rp)).json().get("traits"))).containsExactly("CUSTOM_TRAIT_1");
        assertThat(TestProviders.generation(server, rp)).isEqualTo(1);
    }

    @Test
    void unknownTraitsAreA400NamingThemAndChangeNothing() {
        String rp = TestProviders.create(server, "rp-unknown");
        var reply = admin.put(path(rp), Map.of("traits",
                List.of("NON_EXISTED_TRAIT1", "NON_EXISTED_TRAIT2", "CUSTOM_TRAIT_1"), "resource_provider_generation", 0));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(detail(reply)).isEqualTo("No such trait NON_EXISTED_TRAIT1, NON_EXISTED_TRAIT2");
        assertThat(admin.get(path(rp)).json().get("traits").size()).isZero();
        assertThat(TestProviders.generation(server, rp)).isZero();
    }

    @Test
    void twoWritersWithTheSameGenerationCannotBothWin() throws Exception {
        String rp = TestProviders.create(server, "rp-race");
        var start = new java.util.concurrent.CountDownLatch(1);
        List<Integer> statuses;
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var a = pool.submit(() -> {
                start.await();
                return admin.put(path(rp), Map.of("traits", List.of("CUSTOM_TRAIT_1"), "resource_provider_generation", 0))
                        .status();
            });
            var b = pool.submit(() -> {
                start.await();
                return admin.put(path(rp), Map.of("traits", List.of("CUSTOM_TRAIT_2"), "resource_provider_generation", 0))
                        .status();
            });
            start.countDown();
            statuses = List.of(a.get(), b.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(TestProviders.generation(server, rp)).isEqualTo(1);
        assertThat(admin.get(path(rp)).json().get("traits").size()).isEqualTo(1);
    }

    @Test
    void malformedBodiesAre400s() {
        String rp = TestProviders.create(server, "rp-malformed");
        assertThat(admin.put(path(rp), Map.of("traits", List.of("CUSTOM_TRAIT_1"))).status()).isEqualTo(400);
        assertThat(admin.put(path(rp), Map.of("traits", List.of("CUSTOM_TRAIT_1"),
                "resource_provider_generation", "invalid_generation")).status()).isEqualTo(400);
        assertThat(admin.put(path(rp), Map.of("traits", "invalid_type", "resource_provider_generation", 0)).status())
                .isEqualTo(400);
        assertThat(admin.put(path(rp), Map.of("traits", List.of(), "resource_provider_generation", 0,
                "additional", "additional")).status()).isEqualTo(400);
        assertThat(admin.put(path(rp), Map.of("traits", List.of(""), "resource_provider_generation", 0)).status())
                .isEqualTo(400);
        assertThat(admin.put(path(rp), "[]").status()).isEqualTo(400);
        assertThat(admin.put(path(rp), "{\"bad\", \"not json\"}").status()).isEqualTo(400);
        assertThat(TestProviders.generation(server, rp)).isZero();
    }

    @Test
    void anUnknownProviderIs404OnEveryRoute() {
        String missing = "No resource provider with uuid non_existed found";
        var get = admin.get(path("non_existed"));
        assertThat(get.status()).isEqualTo(404);
        assertThat(detail(get)).isEqualTo(missing);
        var put = admin.put(path("non_existed"), Map.of("traits", List.of("CUSTOM_TRAIT_1"),
                "resource_provider_generation", 1));
        assertThat(put.status()).isEqualTo(404);
        assertThat(detail(put)).isEqualTo(missing);
        var delete = admin.delete(path("non_existed"));
        assertThat(delete.status()).isEqualTo(404);
        assertThat(detail(delete)).isEqualTo(missing);
    }

    @Test
    void deleteClearsTheTraitsAndBumpsTheGeneration() {
        String rp = TestProviders.create(server, "rp-clear");
        admin.put(path(rp), Map.of("traits", List.of("CUSTOM_TRAIT_1", "CUSTOM_TRAIT_2"),
                "resource_provider_generation", 0));
        var reply = admin.delete(path(rp));
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Content-Type")).isNull();
        var read = admin.get(path(rp));
        assertThat(read.json().get("traits").size()).isZero();
        assertThat(read.json().get("resource_provider_generation").asLong()).isEqualTo(2);
        assertThat(server.service().context().index().get(rp).orElseThrow().traits()).isEmpty();
        // The trait is free again, so it can go.
        assertThat(admin.delete("/traits/CUSTOM_TRAIT_2").status()).isEqualTo(204);
        admin.put("/traits/CUSTOM_TRAIT_2", null);
    }

    @Test
    void cachingHeadersStartAt115() {
        String rp = TestProviders.create(server, "rp-cache");
        assertThat(server.admin("1.14").get(path(rp)).header("Cache-Control")).isNull();
        var v15 = server.admin("1.15").get(path(rp));
        assertThat(v15.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(v15.header("Last-Modified")).endsWith(" GMT");
        var put14 = server.admin("1.14").put(path(rp), Map.of("traits", List.of(), "resource_provider_generation", 0));
        assertThat(put14.header("Last-Modified")).isNull();
        var put15 = server.admin("1.15").put(path(rp), Map.of("traits", List.of(), "resource_provider_generation", 1));
        assertThat(put15.header("Cache-Control")).isEqualTo("no-cache");
    }
}
