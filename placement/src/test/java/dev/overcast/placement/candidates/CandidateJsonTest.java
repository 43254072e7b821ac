package dev.overcast.placement.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.core.json.Json;
import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.candidates.AllocationCandidates.Options;
import dev.overcast.placement.candidates.AllocationCandidates.Result;
import tools.jackson.databind.JsonNode;

class CandidateJsonTest {
    private static final CandidateQuery VCPU = CandidateQuery.of(List.of(RequestGroup.of("", Map.of("VCPU", 2L))));

    private static JsonNode render(ProviderView view, String version) {
        Result r = AllocationCandidates.find(view, VCPU, Options.defaults());
        return Json.parse(new String(CandidateJson.render(r, VCPU, ApiVersion.parse(version)), StandardCharsets.UTF_8));
    }

    @Test
    void aChangedProviderIsRenderedAfreshNotFromTheCache() {
        ProviderView before = new Tree().root("cn-cache").inv("VCPU", 8).used("VCPU", 1).view();
        assertThat(render(before, "1.39").at("/provider_summaries/cn-cache/resources/VCPU/used").asLong()).isEqualTo(1);
        ProviderView after = new Tree().root("cn-cache").inv("VCPU", 8).used("VCPU", 5).view();
        assertThat(render(after, "1.39").at("/provider_summaries/cn-cache/resources/VCPU/used").asLong()).isEqualTo(5);
        assertThat(render(after, "1.28").at("/provider_summaries/cn-cache").has("root_provider_uuid")).isFalse();
        assertThat(render(after, "1.29").at("/provider_summaries/cn-cache/root_provider_uuid").asString())
                .isEqualTo("cn-cache");
    }

    @Test
    void theThreeAllocationRequestShapes() {
        ProviderView view = new Tree().root("cn").inv("VCPU", 8).view();
        assertThat(render(view, "1.11").at("/allocation_requests/0/allocations/0/resource_provider/uuid").asString())
                .isEqualTo("cn");
        assertThat(render(view, "1.12").at("/allocation_requests/0/allocations/cn/resources/VCPU").asLong())
                .isEqualTo(2);
        assertThat(render(view, "1.12").at("/allocation_requests/0").has("mappings")).isFalse();
        assertThat(render(view, "1.34").at("/allocation_requests/0/mappings").toString()).isEqualTo("{\"\":[\"cn\"]}");
    }

    @Test
    void stringsThatNeedEscapingAreEscaped() {
        byte[] out = new JsonBytes(4).raw('[').str("a\"b\\c\nd").raw(',').str("zoë").raw(',').str(null).raw(',')
                .num(-12).raw(']').toBytes();
        JsonNode parsed = Json.parse(new String(out, StandardCharsets.UTF_8));
        assertThat(parsed.get(0).asString()).isEqualTo("a\"b\\c\nd");
        assertThat(parsed.get(1).asString()).isEqualTo("zoë");
        assertThat(parsed.get(2).isNull()).isTrue();
        assertThat(parsed.get(3).asLong()).isEqualTo(-12);
    }
}
