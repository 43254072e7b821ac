package dev.overcast.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VersionRangeTest {
    static ApiVersion v(String text) {
        return ApiVersion.parse(text);
    }

    @Test
    void a_closed_range_contains_both_ends_and_nothing_outside() {
        VersionRange range = VersionRange.between(v("2.19"), v("2.46"));

        assertThat(range.contains(v("2.19"))).isTrue();
        assertThat(range.contains(v("2.46"))).isTrue();
        assertThat(range.contains(v("2.18"))).isFalse();
        assertThat(range.contains(v("2.47"))).isFalse();
        assertThat(range).hasToString("2.19-2.46");
    }

    @Test
    void an_open_range_has_no_upper_end() {
        VersionRange range = VersionRange.from(v("2.47"));

        assertThat(range.isOpen()).isTrue();
        assertThat(range.contains(v("2.1000"))).isTrue();
        assertThat(range.contains(v("2.46"))).isFalse();
        assertThat(range).hasToString("2.47-");
    }

    @Test
    void an_empty_range_is_rejected() {
        assertThatThrownBy(() -> VersionRange.between(v("2.5"), v("2.4")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
