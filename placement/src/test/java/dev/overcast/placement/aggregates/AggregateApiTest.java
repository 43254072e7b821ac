package dev.overcast.placement.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.placement.traits.TestProviders;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class AggregateApiTest {
    static final String AGG_1 = "f918801a-5e54-4bee-9095-09a9d0c786b8";
    static final String AGG_2 = "a893eb5c-e2a0-4251-ab26-f71d3b0cfc0b";
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient latest;

    @BeforeAll
    static void start() {
        latest = server.admin("latest");
    }

    private static String path(String rp) {
        return "/resource_providers/" + rp + "/aggregates";
    }

    private static List<String> uuids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.asString()));
        return out;
    }

    @Test
    void aggregatesAreUnknownBelow11() {
        String rp = TestProviders.create(server, "rp-agg-old");
        ApiClient v10 = server.admin("1.0");
        assertThat(v10.get(path(rp)).status()).isEqualTo(404);
        assertThat(v10.put(path(rp), List.of(AGG_1)).status()).isEqualTo(404);
    }

    @Test
    void aNewProviderHasNoAggregatesAndTheGenerationShowsFrom119() {
        String rp = TestProviders.create(server, "rp-agg-empty");
        var v11 = server.admin("1.1").get(path(rp));
        assertThat(v11.status()).isEqualTo(200);
        assertThat(v11.json().get("aggregates").size()).isZero();
        assertThat(v11.json().has("resource_provider_generation")).isFalse();
        assertThat(server.admin("1.18").get(path(rp)).json().has("resource_provider_generation")).isFalse();
        var v19 = server.admin("1.19").get(path(rp));
        assertThat(v19.json().get("resource_provider_generation").asLong()).isZero();
    }

    @Test
    void before119APlainListReplacesTheAggregatesAndLeavesTheGenerationAlone() {
        String rp = TestProviders.create(server, "rp-agg-list");
        ApiClient v11 = server.admin("1.1");
        var put = v11.put(path(rp), List.of(AGG_1, AGG_2));
        assertThat(put.status()).isEqualTo(200);
        assertThat(uuids(put.json().get("aggregates"))).containsExactly(AGG_1, AGG_2);
        assertThat(put.json().has("resource_provider_generation")).isFalse();
        assertThat(uuids(v11.get(path(rp)).json().get("aggregates"))).containsExactlyInAnyOrder(AGG_1, AGG_2);
        assertThat(TestProviders.generation(server, rp)).isZero();
        assertThat(server.service().context().index().get(rp).orElseThrow().aggregates())
                .containsExactlyInAnyOrder(AGG_1, AGG_2);

        assertThat(server.admin("1.18").put(path(rp), List.of()).status()).isEqualTo(200);
        assertThat(v11.get(path(rp)).json().get("aggregates").size()).isZero();
        assertThat(server.service().context().index().get(rp).orElseThrow().aggregates()).isEmpty();
        assertThat(TestProviders.generation(server, rp)).isZero();
    }

    @Test
    void eachMicroversionRefusesTheOtherBodyShape() {
        String rp = TestProviders.create(server, "rp-agg-shapes");
        assertThat(server.admin("1.19").put(path(rp), List.of(AGG_1, AGG_2)).status()).isEqualTo(400);
        assertThat(server.admin("1.18").put(path(rp),
                Map.of("aggregates", List.of(AGG_1), "resource_provider_generation", 0)).status()).isEqualTo(400);
        assertThat(latest.get(path(rp)).json().get("aggregates").size()).isZero();
    }

    @Test
    void from119APutNeedsTheCurrentGenerationAndBumpsIt() {
        String rp = TestProviders.create(server, "rp-agg-gen");
        var put = latest.put(path(rp), Map.of("aggregates", List.of(AGG_1, AGG_2), "resource_provider_generation", 0));
        assertThat(put.status()).isEqualTo(200);
        assertThat(uuids(put.json().get("aggregates"))).containsExactly(AGG_1, AGG_2);
        assertThat(put.json().get("resource_provider_generation").asLong()).isEqualTo(1);

        var stale = latest.put(path(rp), Map.of("aggregates", List.of(), "resource_provider_generation", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().at("/errors/0/code").asString()).isEqualTo("placement.concurrent_update");
        assertThat(stale.json().at("/errors/0/detail").asString()).isEqualTo(
                "Resource provider's generation already changed. Please update the generation and try again.");
        assertThat(latest.get(path(rp)).json().get("aggregates").size()).isEqualTo(2);

        var cleared = latest.put(path(rp), Map.of("aggregates", List.of(), "resource_provider_generation", 1));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("aggregates").size()).isZero();
        assertThat(cleared.json().get("resource_provider_generation").asLong()).isEqualTo(2);
        var read = latest.get(path(rp));
        assertThat(read.json().get("aggregates").size()).isZero();
        assertThat(read.json().get("resource_provider_generation").asLong()).isEqualTo(2);
        assertThat(server.service().context().index().get(rp).orElseThrow().generation()).isEqualTo(2);
    }

    @Test
    void malformedBodiesAre400sAndChangeNothing() {
        String rp = TestProviders.create(server, "rp-agg-bad");
        assertThat(latest.put(path(rp), Map.of("aggregates", List.of(AGG_1))).status()).isEqualTo(400);
        assertThat(latest.put(path(rp), Map.of("aggregates", List.of("harry", "sally"),
                "resource_provider_generation", 0)).status()).isEqualTo(400);
        assertThat(latest.put(path(rp), Map.of("aggregates", List.of(AGG_1, AGG_1),
                "resource_provider_generation", 0)).status()).isEqualTo(400);
        assertThat(latest.put(path(rp), Map.of("aggregates", List.of(AGG_1), "resource_provider_generation", 0,
                "extra", true)).status()).isEqualTo(400);
        assertThat(latest.put(path(rp), "{\"bad\", \"not json\"}").status()).isEqualTo(400);
        assertThat(server.admin("1.1").put(path(rp), List.of("not-a-uuid")).status()).isEqualTo(400);
        assertThat(server.admin("1.1").put(path(rp), List.of(AGG_2, AGG_2)).status()).isEqualTo(400);
        assertThat(server.admin("1.1").put(path(rp), "null").status()).isEqualTo(400);
        assertThat(latest.get(path(rp)).json().get("aggregates").size()).isZero();
        assertThat(TestProviders.generation(server, rp)).isZero();
    }

    @Test
    void anUnknownProviderIs404() {
        String unknown = "6984bb2d-830d-4c8d-ac64-c5a8103664be";
        assertThat(latest.get(path(unknown)).status()).isEqualTo(404);
        var put = server.admin("1.1").put(path(unknown), List.of());
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.json().at("/errors/0/detail").asString())
                .isEqualTo("No resource provider with uuid " + unknown + " found");
    }

    @Test
    void cachingHeadersStartAt115() {
        String rp = TestProviders.create(server, "rp-agg-cache");
        ApiClient v14 = server.admin("1.14");
        assertThat(v14.put(path(rp), List.of(AGG_1)).header("Cache-Control")).isNull();
        assertThat(v14.get(path(rp)).header("Last-Modified")).isNull();
        var v15 = server.admin("1.15").get(path(rp));
        assertThat(v15.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(v15.header("Last-Modified")).matches("\\w+, \\d+ \\w+ \\d{4} [\\d:]+ GMT");
    }
}
