package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.json.Json;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VersionTest {

    @Test
    void a_version_reads_and_writes_as_major_dot_minor() {
        assertThat(Version.parse("1.3")).isEqualTo(new Version(1, 3));
        assertThat(new Version(1, 3)).hasToString("1.3");
        assertThat(Json.write(new Version(5, 12))).isEqualTo("\"5.12\"");
        assertThat(Json.read("\"5.12\"", Version.class)).isEqualTo(new Version(5, 12));
    }

    @Test
    void anything_but_major_dot_minor_is_refused_with_the_text_in_the_message() {
        for (String text : new String[] {"1", "1.3.0", "v1.3", "", "1.-3"}) {
            assertThatThrownBy(() -> Version.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + text + "\"");
        }
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versions_order_by_major_then_minor_numerically() {
        assertThat(Version.parse("1.10").isAbove(Version.parse("1.9"))).isTrue();
        assertThat(Version.parse("2.0").isAbove(Version.parse("1.99"))).isTrue();
        assertThat(Version.parse("1.3").isAbove(Version.parse("1.3"))).isFalse();
    }

    @Test
    void a_reader_reads_its_own_major_up_to_its_minor() {
        Version reader = Version.parse("5.3");

        assertThat(reader.canRead(Version.parse("5.0"))).isTrue();
        assertThat(reader.canRead(Version.parse("5.3"))).isTrue();
        assertThat(reader.canRead(Version.parse("5.4"))).isFalse();
        assertThat(reader.canRead(Version.parse("6.0"))).isFalse();
        assertThat(reader.canRead(Version.parse("4.22"))).isFalse();
    }
}
