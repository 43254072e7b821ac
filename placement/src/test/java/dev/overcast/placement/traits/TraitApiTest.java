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

class TraitApiTest {
    static final String INVALID = "The trait is invalid. A valid trait must be no longer than 255 characters, start "
            + "with the prefix \"CUSTOM_\" and use following characters: \"A\"-\"Z\", \"0\"-\"9\" and \"_\"";
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static ApiClient admin;

    @BeforeAll
    static void start() {
        admin = server.admin("1.6");
    }

    private static List<String> names(JsonNode traits) {
        List<String> out = new ArrayList<>();
        traits.forEach(t -> out.add(t.asString()));
        return out;
    }

    private static String detail(ApiClient.Reply reply) {
        return reply.json().at("/errors/0/detail").asString();
    }

    @Test
    void everyTraitRouteIsUnknownBelow16() {
        ApiClient old = server.admin("1.5");
        String rp = TestProviders.create(server, "rp-old-traits");
        assertThat(old.get("/traits").status()).isEqualTo(404);
        assertThat(old.put("/traits/CUSTOM_OLD", null).status()).isEqualTo(404);
        assertThat(old.get("/traits/HW_CPU_X86_SSE").status()).isEqualTo(404);
        assertThat(old.delete("/traits/CUSTOM_OLD").status()).isEqualTo(404);
        assertThat(old.get("/resource_providers/" + rp + "/traits").status()).isEqualTo(404);
        assertThat(old.put("/resource_providers/" + rp + "/traits",
                Map.of("traits", List.of(), "resource_provider_generation", 0)).status()).isEqualTo(404);
        assertThat(old.delete("/resource_providers/" + rp + "/traits").status()).isEqualTo(404);
    }

    @Test
    void onlyCustomNamesCanBeCreated() {
        for (String bad : List.of("TRAIT_X", "CUSTOM_ABC:1", "CUSTOM_lower", "CUSTOM_" + "A".repeat(249),
                "HW_CPU_X86_SSE")) {
            var reply = admin.put("/traits/" + bad, null);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(detail(reply)).isEqualTo(INVALID);
        }
        assertThat(admin.put("/traits/CUSTOM_" + "A".repeat(248), null).status()).isEqualTo(201);
    }

    @Test
    void putCreatesOnceThenSaysItExists() {
        var created = admin.put("/traits/CUSTOM_PUT_ONCE", null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/placement/traits/CUSTOM_PUT_ONCE");
        assertThat(created.header("Content-Type")).isNull();
        var again = admin.put("/traits/CUSTOM_PUT_ONCE", null);
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.header("Location")).endsWith("/placement/traits/CUSTOM_PUT_ONCE");
        assertThat(admin.get("/traits/CUSTOM_PUT_ONCE").status()).isEqualTo(204);
        assertThat(TraitCatalog.exists(server.service().context().jdbi(), "CUSTOM_PUT_ONCE")).isTrue();
    }

    @Test
    void standardTraitsExistWithoutBeingCreatedAndUnknownOnesDoNot() {
        assertThat(admin.get("/traits/HW_CPU_X86_AVX2").status()).isEqualTo(204);
        var missing = admin.get("/traits/NON_EXISTED");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(detail(missing)).isEqualTo("No such trait(s): NON_EXISTED.");
        var jdbi = server.service().context().jdbi();
        assertThat(TraitCatalog.exists(jdbi, "COMPUTE_STATUS_DISABLED")).isTrue();
        assertThat(TraitCatalog.exists(jdbi, "CUSTOM_NEVER_MADE")).isFalse();
        java.util.Set<String> missingNames = jdbi.withHandle(h -> TraitCatalog.missing(h,
                List.of("HW_CPU_X86_SSE", "CUSTOM_NEVER_MADE", "NOPE")));
        assertThat(missingNames).containsExactly("CUSTOM_NEVER_MADE", "NOPE");
    }

    @Test
    void theListHasStandardAndCustomTraitsAndFilters() {
        admin.put("/traits/CUSTOM_LIST_1", null);
        admin.put("/traits/CUSTOM_LIST_2", null);
        admin.put("/traits/CUSTOM_LISTX", null);
        var all = admin.get("/traits");
        assertThat(all.status()).isEqualTo(200);
        assertThat(names(all.json().get("traits"))).contains("CUSTOM_LIST_1", "CUSTOM_LIST_2",
                "MISC_SHARES_VIA_AGGREGATE", "HW_CPU_X86_SHA").isSorted()
                .hasSizeGreaterThanOrEqualTo(StandardTraits.all().size() + 3);

        assertThat(names(admin.get("/traits?name=in:CUSTOM_LIST_1,CUSTOM_LIST_2,HW_CPU_X86_SSE,CUSTOM_NOPE")
                .json().get("traits"))).containsExactly("CUSTOM_LIST_1", "CUSTOM_LIST_2", "HW_CPU_X86_SSE");
        assertThat(names(admin.get("/traits?name=startswith:CUSTOM_LIST_").json().get("traits")))
                .containsExactly("CUSTOM_LIST_1", "CUSTOM_LIST_2");

        var badName = admin.get("/traits?name=in_abc");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(detail(badName)).contains("Got: \"in_abc\"");
        assertThat(admin.get("/traits?invalid=abc").status()).isEqualTo(400);
        var badAssociated = admin.get("/traits?associated=xyz");
        assertThat(badAssociated.status()).isEqualTo(400);
        assertThat(detail(badAssociated)).isEqualTo("The query parameter \"associated\" only accepts \"true\" or \"false\"");
    }

    @Test
    void associatedListsTraitsByWhetherSomeProviderHasThem() {
        admin.put("/traits/CUSTOM_ASSOC_USED", null);
        admin.put("/traits/CUSTOM_ASSOC_FREE", null);
        String rp = TestProviders.create(server, "rp-assoc");
        assertThat(admin.put("/resource_providers/" + rp + "/traits", Map.of("traits",
                List.of("CUSTOM_ASSOC_USED", "HW_CPU_X86_SSE3"), "resource_provider_generation", 0)).status())
                .isEqualTo(200);
        List<String> used = names(admin.get("/traits?associated=true").json().get("traits"));
        assertThat(used).contains("CUSTOM_ASSOC_USED", "HW_CPU_X86_SSE3").doesNotContain("CUSTOM_ASSOC_FREE");
        List<String> free = names(admin.get("/traits?associated=false&name=startswith:CUSTOM_ASSOC").json()
                .get("traits"));
        assertThat(free).containsExactly("CUSTOM_ASSOC_FREE");
    }

    @Test
    void deleteRemovesAnUnusedCustomTraitOnly() {
        admin.put("/traits/CUSTOM_DEL", null);
        assertThat(admin.delete("/traits/CUSTOM_DEL").status()).isEqualTo(204);
        assertThat(admin.get("/traits/CUSTOM_DEL").status()).isEqualTo(404);
        var again = admin.delete("/traits/CUSTOM_DEL");
        assertThat(again.status()).isEqualTo(404);
        assertThat(detail(again)).isEqualTo("No such trait(s): CUSTOM_DEL.");

        var standard = admin.delete("/traits/HW_CPU_X86_SSE");
        assertThat(standard.status()).isEqualTo(400);
        assertThat(detail(standard)).isEqualTo("Cannot delete standard trait HW_CPU_X86_SSE.");
        assertThat(admin.delete("/traits/NOT_A_TRAIT").status()).isEqualTo(404);
    }

    @Test
    void aTraitAProviderHasCannotBeDeleted() {
        admin.put("/traits/CUSTOM_IN_USE", null);
        String rp = TestProviders.create(server, "rp-in-use");
        admin.put("/resource_providers/" + rp + "/traits",
                Map.of("traits", List.of("CUSTOM_IN_USE"), "resource_provider_generation", 0));
        var reply = admin.delete("/traits/CUSTOM_IN_USE");
        assertThat(reply.status()).isEqualTo(409);
        assertThat(detail(reply)).isEqualTo("The trait CUSTOM_IN_USE is in use by a resource provider.");
        assertThat(admin.get("/traits/CUSTOM_IN_USE").status()).isEqualTo(204);
    }

    @Test
    void cachingHeadersStartAt115() {
        admin.put("/traits/CUSTOM_CACHE", null);
        ApiClient v14 = server.admin("1.14");
        ApiClient v15 = server.admin("1.15");
        for (String path : List.of("/traits", "/traits/CUSTOM_CACHE", "/traits/HW_CPU_X86_SSE")) {
            var before = v14.get(path);
            assertThat(before.header("Last-Modified")).as(path).isNull();
            assertThat(before.header("Cache-Control")).as(path).isNull();
            var after = v15.get(path);
            assertThat(after.header("Cache-Control")).as(path).isEqualTo("no-cache");
            assertThat(after.header("Last-Modified")).as(path).matches("\\w+, \\d+ \\w+ \\d{4} [\\d:]+ GMT");
        }
        assertThat(v14.put("/traits/CUSTOM_CACHE", null).header("Last-Modified")).isNull();
        assertThat(v15.put("/traits/CUSTOM_CACHE", null).header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void callersWithoutAnAdminOrServiceRoleAreForbidden() {
        var reply = server.member("alice", "project-a", "1.6").get("/traits");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(server.service("1.6").get("/traits").status()).isEqualTo(200);
    }
}
