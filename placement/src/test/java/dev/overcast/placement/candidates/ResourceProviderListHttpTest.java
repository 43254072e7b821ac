package dev.overcast.placement.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * GET /resource_providers with its filters: root (VCPU 8, 6 used, CUSTOM_GOLD, in AGG_A) with
 * child kid (DISK_GB, CUSTOM_SILVER, in AGG_B); lone (VCPU 4, in AGG_A and AGG_B).
 */
class ResourceProviderListHttpTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static final String ROOT = "b0000000-0000-0000-0000-000000000001";
    static final String KID = "b0000000-0000-0000-0000-000000000002";
    static final String LONE = "b0000000-0000-0000-0000-000000000003";
    static final String AGG_A = "a0000000-0000-0000-0000-00000000000a";
    static final String AGG_B = "a0000000-0000-0000-0000-00000000000b";

    @BeforeAll
    static void start() {
        new Rows(server.service().context())
                .customTrait("CUSTOM_GOLD").customTrait("CUSTOM_SILVER")
                .provider(ROOT, "root", null).inventory(ROOT, "VCPU", 8).trait(ROOT, "CUSTOM_GOLD")
                .aggregate(ROOT, AGG_A).allocation("e0000000-0000-0000-0000-000000000009", ROOT, "VCPU", 6)
                .provider(KID, "kid", ROOT).inventory(KID, "DISK_GB", 100).trait(KID, "CUSTOM_SILVER")
                .aggregate(KID, AGG_B)
                .provider(LONE, "lone", null).inventory(LONE, "VCPU", 4).aggregate(LONE, AGG_A)
                .aggregate(LONE, AGG_B)
                .refresh();
    }

    private static Reply list(String version, String query) {
        return server.admin(version).get("/resource_providers" + (query.isEmpty() ? "" : "?" + query));
    }

    private static List<String> names(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().at("/resource_providers").forEach(p -> out.add(p.at("/name").asString()));
        return out;
    }

    private static List<String> rels(JsonNode provider) {
        List<String> out = new ArrayList<>();
        provider.at("/links").forEach(l -> out.add(l.at("/rel").asString()));
        return out;
    }

    @Test
    void at10EachProviderHasItsLinksUnderThePlacementPrefix() {
        Reply r = list("1.0", "");
        assertThat(names(r)).containsExactly("root", "kid", "lone");
        JsonNode root = r.json().at("/resource_providers/0");
        assertThat(root.at("/uuid").asString()).isEqualTo(ROOT);
        assertThat(root.at("/generation").asLong()).isEqualTo(1);
        assertThat(rels(root)).containsExactly("self", "inventories", "usages");
        assertThat(root.at("/links/0/href").asString()).isEqualTo("/placement/resource_providers/" + ROOT);
        assertThat(root.at("/links/1/href").asString()).isEqualTo("/placement/resource_providers/" + ROOT
                + "/inventories");
        assertThat(root.has("parent_provider_uuid")).isFalse();
        assertThat(r.header("Last-Modified")).isNull();
    }

    @Test
    void linksAndTreeFieldsGrowWithTheMicroversion() {
        assertThat(rels(list("1.1", "").json().at("/resource_providers/0")))
                .containsExactly("self", "inventories", "usages", "aggregates");
        assertThat(rels(list("1.6", "").json().at("/resource_providers/0")))
                .containsExactly("self", "inventories", "usages", "aggregates", "traits");
        assertThat(rels(list("1.11", "").json().at("/resource_providers/0")))
                .containsExactly("self", "inventories", "usages", "aggregates", "traits", "allocations");
        JsonNode kid = list("1.14", "").json().at("/resource_providers/1");
        assertThat(kid.at("/parent_provider_uuid").asString()).isEqualTo(ROOT);
        assertThat(kid.at("/root_provider_uuid").asString()).isEqualTo(ROOT);
        assertThat(list("1.14", "").json().at("/resource_providers/0/parent_provider_uuid").isNull()).isTrue();
        Reply cached = list("1.15", "");
        assertThat(cached.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(cached.header("Last-Modified")).as("the newest provider's update, not now")
                .startsWith("Mon, 01 Jan 2024 00:00:");
    }

    @Test
    void nameAndUuidPickOne() {
        assertThat(names(list("1.0", "name=lone"))).containsExactly("lone");
        assertThat(names(list("1.0", "uuid=" + KID))).containsExactly("kid");
        assertThat(names(list("1.0", "name=nobody"))).isEmpty();
        Reply bad = list("1.0", "uuid=not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/detail").asString())
                .startsWith("Invalid query string parameters: 'not-a-uuid' is not a 'uuid'");
    }

    @Test
    void memberOfFrom13ManyFrom124ForbiddenFrom132() {
        assertThat(list("1.2", "member_of=" + AGG_A).status()).isEqualTo(400);
        assertThat(names(list("1.3", "member_of=" + AGG_A))).containsExactly("root", "lone");
        assertThat(names(list("1.3", "member_of=in:" + AGG_A + "," + AGG_B))).containsExactly("root", "kid", "lone");
        assertThat(list("1.23", "member_of=" + AGG_A + "&member_of=" + AGG_B).status()).isEqualTo(400);
        assertThat(names(list("1.24", "member_of=" + AGG_A + "&member_of=" + AGG_B))).containsExactly("lone");
        assertThat(names(list("1.32", "member_of=!" + AGG_B))).containsExactly("root");
        assertThat(list("1.31", "member_of=!" + AGG_B).status()).isEqualTo(400);
    }

    @Test
    void resourcesFrom14AreProvidersWithRoomForEveryAmount() {
        assertThat(list("1.3", "resources=VCPU:1").status()).isEqualTo(400);
        assertThat(names(list("1.4", "resources=VCPU:2"))).containsExactly("root", "lone");
        assertThat(names(list("1.4", "resources=VCPU:3"))).containsExactly("lone");
        assertThat(names(list("1.4", "resources=VCPU:1,DISK_GB:1"))).isEmpty();
        Reply rc = list("1.4", "resources=MCPU:1");
        assertThat(rc.status()).isEqualTo(400);
        assertThat(rc.json().at("/errors/0/detail").asString())
                .isEqualTo("Invalid resource class in resources parameter: No such resource class MCPU.");
        assertThat(list("1.4", "resources=VCPU").json().at("/errors/0/detail").asString())
                .startsWith("Badly formed resources parameter.");
    }

    @Test
    void inTreeFrom114() {
        assertThat(names(list("1.14", "in_tree=" + KID))).containsExactly("root", "kid");
        assertThat(names(list("1.14", "in_tree=b0000000-0000-0000-0000-0000000000ff"))).isEmpty();
        assertThat(list("1.13", "in_tree=" + KID).status()).isEqualTo(400);
    }

    @Test
    void requiredFrom118ForbiddenFrom122AnyOfFrom139() {
        assertThat(list("1.17", "required=CUSTOM_GOLD").status()).isEqualTo(400);
        assertThat(names(list("1.18", "required=CUSTOM_GOLD"))).containsExactly("root");
        assertThat(names(list("1.22", "required=!CUSTOM_GOLD"))).containsExactly("kid", "lone");
        assertThat(names(list("1.39", "required=in:CUSTOM_GOLD,CUSTOM_SILVER"))).containsExactly("root", "kid");
        assertThat(names(list("1.39", "required=CUSTOM_GOLD&required=CUSTOM_SILVER"))).isEmpty();
        assertThat(names(list("1.38", "required=CUSTOM_GOLD&required=CUSTOM_SILVER"))).containsExactly("kid");
        Reply unknown = list("1.18", "required=CUSTOM_NOPE");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/detail").asString())
                .isEqualTo("Invalid trait(s) in \"required\" parameter: No such trait(s): CUSTOM_NOPE.");
    }

    @Test
    void unknownParametersAreRefused() {
        Reply r = list("1.39", "colour=red");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/detail").asString()).startsWith(
                "Invalid query string parameters: Additional properties are not allowed ('colour' was unexpected)");
    }
}
