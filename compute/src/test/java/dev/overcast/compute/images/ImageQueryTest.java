package dev.overcast.compute.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.core.http.ApiException;

/** Nova's image list query turned into Glance's, without a server. */
class ImageQueryTest {
    static ImageQuery of(Map<String, String> query) {
        Map<String, List<String>> params = new java.util.HashMap<>();
        query.forEach((k, v) -> params.put(k, List.of(v)));
        return ImageQuery.of(params);
    }

    @Test
    void novasFiltersAreRenamedForGlance() {
        ImageQuery q = of(Map.of("name", "cirros", "status", "ACTIVE", "changes-since", "2024-01-01T00:00:00Z",
                "server", "http://h/compute/v2.1/servers/abc", "type", "snapshot", "minRam", "512", "minDisk", "1",
                "property-owner_id", "p1", "sort_key", "name"));
        assertThat(q.filters()).containsOnly(Map.entry("name", "cirros"), Map.entry("status", "active"),
                Map.entry("updated_at", "gte:2024-01-01T00:00:00Z"), Map.entry("instance_uuid", "abc"),
                Map.entry("image_type", "snapshot"), Map.entry("min_ram", "512"), Map.entry("min_disk", "1"),
                Map.entry("owner_id", "p1"));
        assertThat(of(Map.of("server", "abc")).filters()).containsEntry("instance_uuid", "abc");
    }

    @Test
    void aLimitOfZeroOrNoneReadsEveryImage() {
        assertThat(of(Map.of()).limit()).isNull();
        assertThat(of(Map.of("limit", "0")).limit()).isNull();
        assertThat(of(Map.of("limit", "7", "marker", "m")).limit()).isEqualTo(7);
        assertThat(of(Map.of("marker", "m")).marker()).isEqualTo("m");
    }

    @Test
    void pagingParametersMustBeNonNegativeIntegers() {
        assertThatThrownBy(() -> of(Map.of("limit", "x"))).isInstanceOf(ApiException.class)
                .hasMessage("Invalid input received: limit must be an integer");
        assertThatThrownBy(() -> of(Map.of("limit", "-1"))).isInstanceOf(ApiException.class)
                .hasMessage("Invalid input received: limit must be >= 0");
        assertThatThrownBy(() -> of(Map.of("page_size", "x"))).isInstanceOf(ApiException.class);
    }
}
