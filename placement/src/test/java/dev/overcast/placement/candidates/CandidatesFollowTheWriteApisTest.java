package dev.overcast.placement.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.placement.PlacementServer;
import dev.overcast.testkit.ApiClient;

/** Providers made through the write APIs show up in candidates and the filtered list at once. */
class CandidatesFollowTheWriteApisTest {
    @RegisterExtension
    static final PlacementServer server = new PlacementServer();
    static final String HOST = "f0000000-0000-0000-0000-000000000001";

    @Test
    void aHostCreatedWithInventoryAndATraitIsACandidate() {
        ApiClient api = server.admin("1.39");
        assertThat(api.post("/resource_providers", Map.of("name", "host-1", "uuid", HOST)).status()).isEqualTo(200);
        assertThat(api.put("/resource_providers/" + HOST + "/inventories", Map.of("resource_provider_generation", 0,
                "inventories", Map.of("VCPU", Map.of("total", 4)))).status()).isEqualTo(200);
        assertThat(api.put("/resource_providers/" + HOST + "/traits", Map.of("resource_provider_generation", 1,
                "traits", java.util.List.of("HW_CPU_X86_AVX2"))).status()).isEqualTo(200);
        var candidates = api.get("/allocation_candidates?resources=VCPU:2&required=HW_CPU_X86_AVX2");
        assertThat(candidates.status()).as(candidates.toString()).isEqualTo(200);
        assertThat(candidates.json().at("/allocation_requests/0/allocations/" + HOST + "/resources/VCPU").asLong())
                .isEqualTo(2);
        assertThat(candidates.json().at("/provider_summaries/" + HOST + "/traits/0").asString())
                .isEqualTo("HW_CPU_X86_AVX2");
        assertThat(api.get("/allocation_candidates?resources=VCPU:5").json().at("/allocation_requests").size())
                .isZero();
        var list = api.get("/resource_providers?resources=VCPU:4&required=HW_CPU_X86_AVX2");
        assertThat(list.json().at("/resource_providers/0/uuid").asString()).isEqualTo(HOST);
        assertThat(list.json().at("/resource_providers/0/generation").asLong()).isEqualTo(2);
    }
}
