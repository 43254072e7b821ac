package dev.overcast.image.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.core.http.ApiException;

class ImageFilterTest {
    private static final Instant CREATED = Instant.parse("2026-11-23T18:00:00.250Z");

    private static ImageRow image(String name, Long size, String properties) {
        return new ImageRow("id-" + name, name, "queued", "shared", false, false, "p", size, null, null, null, null,
                0, 0, "bare", "raw", properties, CREATED, CREATED);
    }

    private static boolean matches(ImageRow row, String key, String value) {
        return ImageFilter.of(Map.of(key, List.of(value))).test(row);
    }

    @Test
    void timeOperatorsCompareWholeSecondsAsClientsSeeThem() {
        ImageRow row = image("a", null, "{}");
        assertThat(matches(row, "created_at", "2026-11-23T18:00:00Z")).isTrue();
        assertThat(matches(row, "created_at", "eq:2026-11-23T18:00:00Z")).isTrue();
        assertThat(matches(row, "created_at", "neq:2026-11-23T18:00:00Z")).isFalse();
        assertThat(matches(row, "created_at", "gt:2026-11-23T17:59:59Z")).isTrue();
        assertThat(matches(row, "created_at", "gte:2026-11-23T18:00:00Z")).isTrue();
        assertThat(matches(row, "updated_at", "lt:2026-11-23T18:00:00Z")).isFalse();
        assertThat(matches(row, "updated_at", "lte:2026-11-23T18:00:00+00:00")).isTrue();
        assertThatThrownBy(() -> matches(row, "created_at", "around:2026-11-23T18:00:00Z"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> matches(row, "created_at", "yesterday")).isInstanceOf(ApiException.class);
    }

    @Test
    void sizeBoundsLeaveOutImagesWithoutData() {
        var query = Map.of("size_min", List.of("10"), "size_max", List.of("20"));
        assertThat(ImageFilter.of(query).test(image("a", 15L, "{}"))).isTrue();
        assertThat(ImageFilter.of(query).test(image("b", 25L, "{}"))).isFalse();
        assertThat(ImageFilter.of(query).test(image("c", null, "{}"))).isFalse();
    }

    @Test
    void anUnknownKeyFiltersOnACustomProperty() {
        ImageRow row = image("a", null, "{\"os_distro\": \"debian\"}");
        assertThat(matches(row, "os_distro", "debian")).isTrue();
        assertThat(matches(row, "os_distro", "ubuntu")).isFalse();
        assertThat(matches(row, "hw_disk_bus", "scsi")).isFalse();
    }

    @Test
    void pagingAndSpecialParametersAreNotFilters() {
        ImageRow row = image("a", null, "{}");
        assertThat(ImageFilter.of(Map.of("limit", List.of("1"), "sort", List.of("name"), "tag", List.of("x"),
                "visibility", List.of("all"))).test(row)).isTrue();
    }

    @Test
    void changesSinceIsGoneInV2() {
        assertThatThrownBy(() -> ImageFilter.of(Map.of("changes-since", List.of("2026-01-01T00:00:00Z"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
