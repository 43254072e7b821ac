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
 * GET /allocation_candidates over HTTP: cn1 (VCPU, MEMORY_MB, CUSTOM_FAST) with child pf1
 * (SRIOV_NET_VF); cn2 (VCPU, MEMORY_MB, DISK_GB) in aggregate AGG with sharing provider ss
 * (DISK_GB).
 */
class AllocationCandidatesHttpTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static final String CN1 = "c0000000-0000-0000-0000-000000000001";
    static final String PF1 = "c0000000-0000-0000-0000-000000000002";
    static final String CN2 = "c0000000-0000-0000-0000-000000000003";
    static final String SS = "c0000000-0000-0000-0000-000000000004";
    static final String AGG = "a0000000-0000-0000-0000-000000000001";

    @BeforeAll
    static void start() {
        new Rows(server.service().context())
                .customTrait("CUSTOM_FAST").customClass("CUSTOM_MAGIC")
                .provider(CN1, "cn1", null).inventory(CN1, "VCPU", 8).inventory(CN1, "MEMORY_MB", 4096)
                .trait(CN1, "CUSTOM_FAST")
                .provider(PF1, "pf1", CN1).inventory(PF1, "SRIOV_NET_VF", 8)
                .provider(CN2, "cn2", null).inventory(CN2, "VCPU", 8).inventory(CN2, "MEMORY_MB", 4096)
                .inventory(CN2, "DISK_GB", 100).aggregate(CN2, AGG).allocation(
                        "e0000000-0000-0000-0000-000000000001", CN2, "VCPU", 3)
                .provider(SS, "ss", null).inventory(SS, "DISK_GB", 1000).aggregate(SS, AGG)
                .trait(SS, "MISC_SHARES_VIA_AGGREGATE")
                .refresh();
    }

    private static Reply get(String version, String query) {
        return server.admin(version).get("/allocation_candidates?" + query);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void beforeMicroversion110ThereIsNoSuchResource() {
        assertThat(get("1.9", "resources=VCPU:1").status()).isEqualTo(404);
    }

    @Test
    void at110AllocationsAreAListOfProviderAndResources() {
        Reply r = get("1.10", "resources=VCPU:1,MEMORY_MB:1024");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Cache-Control")).isNull();
        JsonNode first = r.json().at("/allocation_requests/0/allocations/0");
        assertThat(first.at("/resource_provider/uuid").asString()).isEqualTo(CN1);
        assertThat(first.at("/resources/VCPU").asLong()).isEqualTo(1);
        assertThat(r.json().at("/allocation_requests").size()).isEqualTo(2);
        JsonNode summary = r.json().at("/provider_summaries/" + CN2);
        assertThat(fieldNames(summary)).containsExactly("resources");
        assertThat(summary.at("/resources/VCPU/capacity").asLong()).isEqualTo(8);
        assertThat(summary.at("/resources/VCPU/used").asLong()).isEqualTo(3);
        assertThat(fieldNames(summary.at("/resources"))).as("only requested classes before 1.27")
                .containsExactlyInAnyOrder("VCPU", "MEMORY_MB");
    }

    @Test
    void from112AllocationsAreKeyedByProviderAndFrom134CarryMappings() {
        Reply r = get("1.12", "resources=VCPU:1,MEMORY_MB:1024");
        assertThat(r.json().at("/allocation_requests/0/allocations/" + CN1 + "/resources/MEMORY_MB").asLong())
                .isEqualTo(1024);
        assertThat(r.json().at("/allocation_requests/0/mappings").isMissingNode()).isTrue();
        Reply m = get("1.34", "resources=VCPU:1,MEMORY_MB:1024");
        assertThat(m.json().at("/allocation_requests/0/mappings//0").asString()).isEqualTo(CN1);
    }

    @Test
    void summariesGrowTraitsAt117AllClassesAt127AndTreeLinksAt129() {
        JsonNode v117 = get("1.17", "resources=VCPU:1").json().at("/provider_summaries/" + CN1);
        assertThat(fieldNames(v117)).containsExactly("resources", "traits");
        assertThat(v117.at("/traits/0").asString()).isEqualTo("CUSTOM_FAST");
        JsonNode v127 = get("1.27", "resources=VCPU:1").json().at("/provider_summaries/" + CN2 + "/resources");
        assertThat(fieldNames(v127)).containsExactlyInAnyOrder("VCPU", "MEMORY_MB", "DISK_GB");
        JsonNode v129 = get("1.29", "resources=VCPU:1").json().at("/provider_summaries");
        assertThat(fieldNames(v129)).containsExactly(CN1, PF1, CN2);
        assertThat(v129.at("/" + PF1 + "/parent_provider_uuid").asString()).isEqualTo(CN1);
        assertThat(v129.at("/" + PF1 + "/root_provider_uuid").asString()).isEqualTo(CN1);
        assertThat(v129.at("/" + CN1 + "/parent_provider_uuid").isNull()).isTrue();
        assertThat(fieldNames(v129.at("/" + PF1 + "/resources"))).containsExactly("SRIOV_NET_VF");
    }

    @Test
    void nestedCombinationsOnlyFrom129() {
        assertThat(get("1.28", "resources=VCPU:1,SRIOV_NET_VF:1").json().at("/allocation_requests").size()).isZero();
        Reply r = get("1.29", "resources=VCPU:1,SRIOV_NET_VF:1");
        assertThat(r.json().at("/allocation_requests").size()).isEqualTo(1);
        assertThat(r.json().at("/allocation_requests/0/allocations/" + PF1 + "/resources/SRIOV_NET_VF").asLong())
                .isEqualTo(1);
    }

    @Test
    void diskComesFromTheHostOrTheProviderSharingItsAggregate() {
        Reply r = get("1.12", "resources=VCPU:1,DISK_GB:10");
        JsonNode requests = r.json().at("/allocation_requests");
        assertThat(requests.size()).isEqualTo(2);
        assertThat(fieldNames(requests.get(0).at("/allocations"))).containsExactly(CN2);
        assertThat(fieldNames(requests.get(1).at("/allocations"))).containsExactly(CN2, SS);
        assertThat(fieldNames(r.json().at("/provider_summaries"))).containsExactlyInAnyOrder(CN2, SS);
    }

    @Test
    void cacheHeadersFrom115() {
        Reply r = get("1.15", "resources=VCPU:1");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(r.header("Last-Modified")).matches("\\w+, \\d+ \\w+ \\d{4} [\\d:]+ GMT");
    }

    @Test
    void limitCutsTheCandidatesAndTheirSummaries() {
        Reply r = get("1.16", "resources=VCPU:1&limit=1");
        assertThat(r.json().at("/allocation_requests").size()).isEqualTo(1);
        assertThat(fieldNames(r.json().at("/provider_summaries"))).containsExactly(CN1);
    }

    @Test
    void granularGroupsWithIsolate() {
        Reply r = get("1.25", "resources1=VCPU:1&resources2=DISK_GB:10&group_policy=isolate");
        JsonNode requests = r.json().at("/allocation_requests");
        assertThat(requests.size()).isEqualTo(1);
        assertThat(fieldNames(requests.get(0).at("/allocations"))).containsExactly(CN2, SS);
        Reply none = get("1.25", "resources1=VCPU:1&resources2=DISK_GB:10&group_policy=none");
        assertThat(none.json().at("/allocation_requests").size()).isEqualTo(2);
    }

    @Test
    void customTraitsAndClassesMustExist() {
        Reply trait = get("1.17", "resources=VCPU:1&required=CUSTOM_NOPE");
        assertThat(trait.status()).isEqualTo(400);
        assertThat(trait.json().at("/errors/0/detail").asString()).isEqualTo("No such trait(s): CUSTOM_NOPE.");
        Reply known = get("1.17", "resources=VCPU:1&required=CUSTOM_FAST");
        assertThat(known.json().at("/allocation_requests").size()).isEqualTo(1);
        Reply rc = get("1.10", "resources=MCPU:99");
        assertThat(rc.status()).isEqualTo(400);
        assertThat(rc.json().at("/errors/0/detail").asString())
                .isEqualTo("Invalid resource class in resources parameter: No such resource class MCPU.");
        assertThat(get("1.10", "resources=CUSTOM_MAGIC:1").json().at("/allocation_requests").size()).isZero();
    }

    @Test
    void malformedQueriesAre400WithAnErrorCode() {
        Reply r = get("1.23", "resources=VCPU:1&limit=5&bogus=1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/detail").asString())
                .startsWith("Invalid query string parameters: Additional properties are not allowed ('bogus' was "
                        + "unexpected)");
        assertThat(r.json().at("/errors/0/code").asString()).isEqualTo("placement.undefined_code");
        Reply subtree = get("1.36", "resources1=VCPU:1&required2=CUSTOM_FAST&group_policy=none");
        assertThat(subtree.json().at("/errors/0/code").asString()).isEqualTo("placement.query.bad_value");
    }

    @Test
    void rootRequiredAndForbiddenAggregatesAndInTree() {
        assertThat(get("1.35", "resources=VCPU:1&root_required=CUSTOM_FAST").json().at("/allocation_requests")
                .size()).isEqualTo(1);
        assertThat(get("1.35", "resources=VCPU:1&root_required=!CUSTOM_FAST").json()
                .at("/allocation_requests/0/allocations/" + CN2).isMissingNode()).isFalse();
        assertThat(get("1.32", "resources=VCPU:1&member_of=!" + AGG).json().at("/allocation_requests").size())
                .isEqualTo(1);
        Reply tree = get("1.31", "resources=VCPU:1&in_tree=" + PF1);
        assertThat(tree.json().at("/allocation_requests").size()).isEqualTo(1);
        assertThat(tree.json().at("/allocation_requests/0/allocations/" + CN1).isMissingNode()).isFalse();
    }

    @Test
    void onlyAdminsAndServicesMayAsk() {
        assertThat(server.member("alice", "proj", "1.10").get("/allocation_candidates?resources=VCPU:1").status())
                .isEqualTo(403);
        assertThat(server.service("1.10").get("/allocation_candidates?resources=VCPU:1").status()).isEqualTo(200);
        assertThat(server.client().get("/allocation_candidates?resources=VCPU:1").status()).isEqualTo(401);
    }
}
