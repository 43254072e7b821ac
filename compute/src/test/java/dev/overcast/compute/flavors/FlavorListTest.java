package dev.overcast.compute.flavors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class FlavorListTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();

    @BeforeAll
    static void flavors() {
        Flavors.bootstrapDefaults(server.context());
        ApiClient admin = server.admin("2.96");
        assertThat(admin.post("/v2.1/flavors", Map.of("flavor", Map.of("name", "private.big", "id", "p1",
                "ram", 65536, "vcpus", 16, "disk", 10, "os-flavor-access:is_public", false))).status()).isEqualTo(200);
        assertThat(admin.post("/v2.1/flavors", Map.of("flavor", Map.of("name", "private.other", "id", "p2",
                "ram", 1024, "vcpus", 1, "disk", 1, "os-flavor-access:is_public", "false"))).status()).isEqualTo(200);
        assertThat(admin.post("/v2.1/flavors/p1/action",
                Map.of("addTenantAccess", Map.of("tenant", "p1"))).status()).isEqualTo(200);
    }

    private static List<String> ids(Reply reply) {
        List<String> ids = new ArrayList<>();
        for (JsonNode f : reply.json().get("flavors")) {
            ids.add(f.get("id").asString());
        }
        return ids;
    }

    @Test
    void theDefaultFlavorsAreDevStacksInFlavorIdOrder() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(ids(reply)).containsExactly("1", "2", "3", "4", "42", "5", "84");
        JsonNode tiny = reply.json().at("/flavors/0");
        assertThat(tiny.get("name").asString()).isEqualTo("m1.tiny");
        assertThat(tiny.has("ram")).isFalse();
        assertThat(tiny.has("description")).isFalse();
        assertThat(tiny.at("/links/0/rel").asString()).isEqualTo("self");
        assertThat(tiny.at("/links/0/href").asString()).endsWith("/compute/v2.1/flavors/1");
        assertThat(tiny.at("/links/1/rel").asString()).isEqualTo("bookmark");
        assertThat(tiny.at("/links/1/href").asString()).endsWith("/compute/flavors/1");
        assertThat(reply.json().has("flavors_links")).isFalse();
    }

    @Test
    void theDefaultFlavorsHaveDevStacksSizes() {
        Map<String, List<Integer>> expected = Map.of("m1.tiny", List.of(512, 1, 1), "m1.small", List.of(2048, 20, 1),
                "m1.medium", List.of(4096, 40, 2), "m1.large", List.of(8192, 80, 4),
                "m1.xlarge", List.of(16384, 160, 8), "m1.nano", List.of(128, 1, 1), "m1.micro", List.of(192, 1, 1));
        for (JsonNode f : server.member("u1", "p9", "2.1").get("/v2.1/flavors/detail").json().get("flavors")) {
            List<Integer> sizes = List.of(f.get("ram").asInt(), f.get("disk").asInt(), f.get("vcpus").asInt());
            assertThat(sizes).as(f.get("name").asString()).isEqualTo(expected.get(f.get("name").asString()));
            assertThat(f.get("os-flavor-access:is_public").asBoolean()).isTrue();
        }
    }

    @Test
    void bootstrappingAgainChangesNothing() {
        Flavors.bootstrapDefaults(server.context());
        Reply reply = server.admin("2.1").get("/v2.1/flavors?is_public=none");
        assertThat(ids(reply)).hasSize(9);
    }

    @Test
    void detailsShowEveryFieldWithSwapAsAnEmptyStringBefore275() {
        JsonNode tiny = server.member("u1", "p9", "2.1").get("/v2.1/flavors/detail").json().at("/flavors/0");
        assertThat(tiny.get("ram").asInt()).isEqualTo(512);
        assertThat(tiny.get("vcpus").asInt()).isEqualTo(1);
        assertThat(tiny.get("disk").asInt()).isEqualTo(1);
        assertThat(tiny.get("swap").isString()).isTrue();
        assertThat(tiny.get("swap").asString()).isEmpty();
        assertThat(tiny.get("OS-FLV-EXT-DATA:ephemeral").asInt()).isZero();
        assertThat(tiny.get("OS-FLV-DISABLED:disabled").asBoolean()).isFalse();
        assertThat(tiny.get("os-flavor-access:is_public").asBoolean()).isTrue();
        assertThat(tiny.get("rxtx_factor").asDouble()).isEqualTo(1.0);
        assertThat(tiny.has("description")).isFalse();
        assertThat(tiny.has("extra_specs")).isFalse();
    }

    @Test
    void from275SwapIsZero() {
        JsonNode tiny = server.member("u1", "p9", "2.75").get("/v2.1/flavors/detail").json().at("/flavors/0");
        assertThat(tiny.get("swap").isNumber()).isTrue();
        assertThat(tiny.get("swap").asInt()).isZero();
    }

    @Test
    void from255FlavorsHaveADescriptionAndFrom261TheirExtraSpecs() {
        JsonNode at255 = server.member("u1", "p9", "2.55").get("/v2.1/flavors/detail").json().at("/flavors/0");
        assertThat(at255.has("description")).isTrue();
        assertThat(at255.get("description").isNull()).isTrue();
        assertThat(at255.has("extra_specs")).isFalse();
        JsonNode listed = server.member("u1", "p9", "2.55").get("/v2.1/flavors").json().at("/flavors/0");
        assertThat(listed.has("description")).isTrue();
        JsonNode at261 = server.member("u1", "p9", "2.61").get("/v2.1/flavors/detail").json().at("/flavors/0");
        assertThat(at261.get("extra_specs").isObject()).isTrue();
    }

    @Test
    void minRamAndMinDiskFilter() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors?minRam=4096&minDisk=80");
        assertThat(ids(reply)).containsExactly("4", "5");
    }

    @Test
    void aFilterThatIsNoNumberIsA400() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors?minRam=lots");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/badRequest/message").asString()).isEqualTo("Invalid minRam filter [lots]");
        assertThat(server.member("u1", "p9", "2.1").get("/v2.1/flavors?minDisk=x").status()).isEqualTo(400);
    }

    @Test
    void sortKeyAndDirectionOrderTheList() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors?sort_key=memory_mb&sort_dir=desc");
        assertThat(ids(reply)).containsExactly("5", "4", "3", "2", "1", "84", "42");
    }

    @Test
    void anUnknownSortKeyIsA400() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors?sort_key=colour");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/badRequest/message").asString()).contains("sort_key").contains("colour");
        assertThat(server.member("u1", "p9", "2.1").get("/v2.1/flavors?sort_dir=up").status()).isEqualTo(400);
    }

    @Test
    void limitAndMarkerPageThroughWithANextLink() {
        ApiClient client = server.member("u1", "p9", "2.1");
        Reply first = client.get("/v2.1/flavors/detail?limit=3");
        assertThat(ids(first)).containsExactly("1", "2", "3");
        String next = first.json().at("/flavors_links/0/href").asString();
        assertThat(first.json().at("/flavors_links/0/rel").asString()).isEqualTo("next");
        assertThat(next).contains("/v2.1/flavors/detail?").contains("marker=3").contains("limit=3");
        Reply second = client.get(next.substring(next.indexOf("/v2.1")));
        assertThat(ids(second)).containsExactly("4", "42", "5");
        Reply last = client.get("/v2.1/flavors?limit=3&marker=5");
        assertThat(ids(last)).containsExactly("84");
        assertThat(last.json().has("flavors_links")).isFalse();
    }

    @Test
    void aMarkerThatIsNoFlavorIsA400() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors?marker=nope");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/badRequest/message").asString()).isEqualTo("marker [nope] not found");
    }

    @Test
    void aNegativeLimitIsA400() {
        assertThat(server.member("u1", "p9", "2.1").get("/v2.1/flavors?limit=-1").status()).isEqualTo(400);
        assertThat(server.member("u1", "p9", "2.1").get("/v2.1/flavors?limit=abc").status()).isEqualTo(400);
    }

    @Test
    void unknownQueryParametersAreIgnoredBefore275AndA400From275() {
        assertThat(server.member("u1", "p9", "2.74").get("/v2.1/flavors?colour=red").status()).isEqualTo(200);
        Reply reply = server.member("u1", "p9", "2.75").get("/v2.1/flavors?colour=red");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/badRequest/message").asString()).contains("colour");
    }

    @Test
    void privateFlavorsAreListedOnlyForProjectsWithAccess() {
        assertThat(ids(server.member("u1", "p9", "2.1").get("/v2.1/flavors"))).doesNotContain("p1", "p2");
        assertThat(ids(server.member("u1", "p1", "2.1").get("/v2.1/flavors"))).contains("p1").doesNotContain("p2");
    }

    @Test
    void aPrivateFlavorIsNotFoundForOtherProjects() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors/p1");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/itemNotFound/message").asString()).isEqualTo("Flavor p1 could not be found.");
        assertThat(server.member("u1", "p1", "2.1").get("/v2.1/flavors/p1").status()).isEqualTo(200);
        assertThat(server.admin("2.1").get("/v2.1/flavors/p2").status()).isEqualTo(200);
    }

    @Test
    void adminsChooseThePublicOrPrivateFlavors() {
        ApiClient admin = server.admin("2.1");
        assertThat(ids(admin.get("/v2.1/flavors"))).doesNotContain("p1", "p2");
        assertThat(ids(admin.get("/v2.1/flavors?is_public=false"))).containsExactly("p1", "p2");
        assertThat(ids(admin.get("/v2.1/flavors?is_public=None"))).hasSize(9);
        Reply bad = admin.get("/v2.1/flavors?is_public=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/badRequest/message").asString()).isEqualTo("Invalid is_public filter [maybe]");
    }

    @Test
    void nonAdminsCannotAskForPrivateFlavors() {
        assertThat(ids(server.member("u1", "p9", "2.1").get("/v2.1/flavors?is_public=false")))
                .doesNotContain("p1", "p2").contains("1");
    }

    @Test
    void anUnknownFlavorIsA404() {
        Reply reply = server.member("u1", "p9", "2.1").get("/v2.1/flavors/42x");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/itemNotFound/message").asString()).isEqualTo("Flavor 42x could not be found.");
    }

    @Test
    void theStoreFindsFlavorsByTheirApiIdAndKnowsWhoMayUseThem() {
        FlavorStore store = new FlavorStore(server.context());
        Flavor tiny = store.find("1").orElseThrow();
        assertThat(tiny.name()).isEqualTo("m1.tiny");
        assertThat(tiny.memoryMb()).isEqualTo(512);
        assertThat(store.accessibleTo(tiny, "anyone")).isTrue();
        Flavor big = store.find("p1").orElseThrow();
        assertThat(store.accessibleTo(big, "p1")).isTrue();
        assertThat(store.accessibleTo(big, "p9")).isFalse();
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void theEmbeddedViewIsTheOneServersShowFrom247() {
        Flavor tiny = new FlavorStore(server.context()).find("1").orElseThrow().withExtraSpecs(Map.of("hw:a", "b"));
        JsonNode view = FlavorViews.embedded(tiny, true);
        assertThat(view.get("original_name").asString()).isEqualTo("m1.tiny");
        assertThat(view.get("ram").asInt()).isEqualTo(512);
        assertThat(view.get("vcpus").asInt()).isEqualTo(1);
        assertThat(view.get("disk").asInt()).isEqualTo(1);
        assertThat(view.get("ephemeral").asInt()).isZero();
        assertThat(view.get("swap").asInt()).isZero();
        assertThat(view.at("/extra_specs/hw:a").asString()).isEqualTo("b");
        assertThat(FlavorViews.embedded(tiny, false).has("extra_specs")).isFalse();
    }
}
