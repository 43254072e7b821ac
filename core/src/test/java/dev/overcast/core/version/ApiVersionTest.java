package dev.overcast.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.http.ApiException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiVersionTest {

    @ParameterizedTest(name = "{0} is {1}.{2}")
    @CsvSource({"2.1, 2, 1", "2.53, 2, 53", "1.0, 1, 0", "3.70, 3, 70", "10.100, 10, 100"})
    void parses_major_and_minor(String text, int major, int minor) {
        assertThat(ApiVersion.parse(text)).isEqualTo(new ApiVersion(major, minor));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "2", "2.", ".1", "2.1.1", "v2.1", "2.01", "02.1", "0.1", "-2.1", "2.-1", " 2.1",
            "2,1", "latest", "two.one", "2.99999999999"})
    void rejects_anything_but_major_dot_minor_with_a_400_naming_the_value(String text) {
        assertThatThrownBy(() -> ApiVersion.parse(text))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("API Version String " + text + " is of invalid format. Must be of format MajorNum.MinorNum.");
    }

    @Test
    void prints_as_major_dot_minor() {
        assertThat(new ApiVersion(2, 53)).hasToString("2.53");
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({"2.1, 2.2", "2.9, 2.10", "2.99, 3.0", "1.39, 2.1"})
    void orders_numerically_not_as_text(String lower, String higher) {
        assertThat(ApiVersion.parse(lower)).isLessThan(ApiVersion.parse(higher));
        assertThat(ApiVersion.parse(higher).isAtLeast(ApiVersion.parse(lower))).isTrue();
        assertThat(ApiVersion.parse(lower).isAtLeast(ApiVersion.parse(higher))).isFalse();
    }

    @Test
    void a_version_is_at_least_itself() {
        assertThat(ApiVersion.parse("2.5").isAtLeast(ApiVersion.parse("2.5"))).isTrue();
    }

    @Test
    void the_next_version_adds_one_to_the_minor() {
        assertThat(ApiVersion.parse("2.9").next()).isEqualTo(ApiVersion.parse("2.10"));
    }

    @Test
    void negative_or_zero_major_numbers_are_programming_errors() {
        assertThatThrownBy(() -> new ApiVersion(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiVersion(2, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
