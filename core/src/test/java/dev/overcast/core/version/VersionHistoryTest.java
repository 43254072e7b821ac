package dev.overcast.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VersionHistoryTest {

    static VersionHistory compute(int maxMinor) {
        var builder = VersionHistory.builder("compute", "X-OpenStack-Nova-API-Version");
        builder.version("2.1", "Initial version");
        for (int minor = 2; minor <= maxMinor; minor++) {
            builder.version("2." + minor, "Change number " + minor);
        }
        return builder.build();
    }

    @Test
    void knows_its_minimum_maximum_and_changes() {
        VersionHistory history = VersionHistory.builder("placement", null)
                .version("1.0", "Initial version")
                .version("1.1", "Resource provider aggregates")
                .version("1.2", "Custom resource classes")
                .build();

        assertThat(history.min()).isEqualTo(ApiVersion.parse("1.0"));
        assertThat(history.max()).isEqualTo(ApiVersion.parse("1.2"));
        assertThat(history.changes()).extracting(VersionHistory.Change::description)
                .containsExactly("Initial version", "Resource provider aggregates", "Custom resource classes");
        assertThat(history.serviceType()).isEqualTo("placement");
        assertThat(history.legacyHeader()).isEmpty();
        assertThat(history).hasToString("placement 1.0-1.2");
    }

    @Test
    void a_history_of_one_version_is_fine() {
        VersionHistory history = VersionHistory.builder("clustering", "OpenStack-API-Version")
                .version("1.0", "Initial version").build();

        assertThat(history.min()).isEqualTo(history.max());
    }

    @Test
    void supports_exactly_the_versions_in_it() {
        VersionHistory history = compute(95);

        assertThat(history.supports(ApiVersion.parse("2.1"))).isTrue();
        assertThat(history.supports(ApiVersion.parse("2.95"))).isTrue();
        assertThat(history.supports(ApiVersion.parse("2.96"))).isFalse();
        assertThat(history.supports(ApiVersion.parse("1.99"))).isFalse();
        assertThat(history.supports(ApiVersion.parse("3.0"))).isFalse();
    }

    @Test
    void build_rejects_a_gap_naming_where_it_is() {
        var builder = VersionHistory.builder("compute", null)
                .version("2.1", "Initial version")
                .version("2.2", "Keypair type")
                .version("2.4", "Reserved status of fixed IPs");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("compute: version history is not contiguous: 2.4 follows 2.2 where 2.3 was expected");
    }

    @Test
    void build_rejects_a_repeated_version() {
        var builder = VersionHistory.builder("compute", null)
                .version("2.1", "Initial version")
                .version("2.1", "Again");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2.1 follows 2.1");
    }

    @Test
    void build_rejects_versions_out_of_order() {
        var builder = VersionHistory.builder("compute", null)
                .version("2.2", "Keypair type")
                .version("2.1", "Initial version");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2.1 follows 2.2");
    }

    @Test
    void build_rejects_a_jump_to_another_major_version() {
        var builder = VersionHistory.builder("compute", null)
                .version("2.1", "Initial version")
                .version("3.0", "Something else");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3.0 follows 2.1 where 2.2 was expected");
    }

    @Test
    void build_rejects_an_empty_history() {
        assertThatThrownBy(() -> VersionHistory.builder("compute", null).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one version");
    }

    @Test
    void the_contiguity_check_can_be_run_on_any_list_of_versions() {
        List<ApiVersion> ok = Stream.of("3.0", "3.1", "3.2").map(ApiVersion::parse).toList();
        List<ApiVersion> gap = Stream.of("3.0", "3.1", "3.3").map(ApiVersion::parse).toList();

        assertThatCode(() -> VersionHistory.assertContiguous(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> VersionHistory.assertContiguous(gap))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3.3 follows 3.1 where 3.2 was expected");
    }

    @Test
    void a_version_without_a_description_is_rejected() {
        var builder = VersionHistory.builder("compute", null);

        assertThatThrownBy(() -> builder.version("2.1", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.1 needs a description");
    }

    @Test
    void a_mistyped_version_in_code_is_a_programming_error_not_a_client_error() {
        var builder = VersionHistory.builder("compute", null);

        assertThatThrownBy(() -> builder.version("2.x", "Oops")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.x");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "compute 2", "com,pute", " compute"})
    void the_service_type_must_be_a_single_word(String serviceType) {
        assertThatThrownBy(() -> VersionHistory.builder(serviceType, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_legacy_header_must_be_a_header_name() {
        assertThatThrownBy(() -> VersionHistory.builder("compute", "X-Nova: 2.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
