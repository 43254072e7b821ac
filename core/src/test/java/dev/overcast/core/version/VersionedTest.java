package dev.overcast.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.http.ApiException;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VersionedTest {
    static final VersionHistory COMPUTE = VersionHistoryTest.compute(95);

    static ApiVersion v(String text) {
        return ApiVersion.parse(text);
    }

    @ParameterizedTest(name = "{0} selects {1}")
    @CsvSource({"2.1, a", "2.18, a", "2.19, b", "2.46, b", "2.47, c", "2.95, c"})
    void each_entry_runs_until_the_next_one_starts_and_the_last_to_the_maximum(String version, String expected) {
        Versioned<String> schemas = Versioned.<String>builder(COMPUTE)
                .from("2.1", "a").from("2.19", "b").from("2.47", "c").build();

        assertThat(schemas.select(v(version))).isEqualTo(expected);
    }

    @Test
    void lists_its_ranges_without_gaps_and_the_last_one_open() {
        Versioned<String> schemas = Versioned.<String>builder(COMPUTE)
                .from("2.1", "a").from("2.19", "b").from("2.47", "c").build();

        assertThat(schemas.entries()).containsExactly(
                new Versioned.Entry<>(VersionRange.between(v("2.1"), v("2.18")), "a"),
                new Versioned.Entry<>(VersionRange.between(v("2.19"), v("2.46")), "b"),
                new Versioned.Entry<>(VersionRange.from(v("2.47")), "c"));
        assertThat(schemas.entries().getLast().range().isOpen()).isTrue();
    }

    @Test
    void consecutive_versions_give_one_version_ranges() {
        Versioned<String> schemas = Versioned.<String>builder(COMPUTE)
                .from("2.1", "a").from("2.2", "b").from("2.3", "c").build();

        assertThat(schemas.entries()).extracting(e -> e.range().toString())
                .containsExactly("2.1-2.1", "2.2-2.2", "2.3-");
    }

    @Test
    void a_route_added_later_does_not_exist_below_its_first_version() {
        Versioned<String> tags = Versioned.<String>builder(COMPUTE).from("2.26", "tags").build();

        assertThat(tags.select(v("2.26"))).isEqualTo("tags");
        assertThatThrownBy(() -> tags.select(v("2.25")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("The resource could not be found.");
    }

    @Test
    void a_removed_route_is_not_found_from_the_version_that_removed_it() {
        Versioned<String> proxy = Versioned.<String>builder(COMPUTE)
                .from("2.1", "images").removedIn("2.36").build();

        assertThat(proxy.select(v("2.35"))).isEqualTo("images");
        assertThatThrownBy(() -> proxy.select(v("2.36")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(proxy.entries()).extracting(Versioned.Entry::range)
                .containsExactly(VersionRange.between(v("2.1"), v("2.35")));
    }

    @Test
    void starts_must_increase() {
        var builder = Versioned.<String>builder(COMPUTE).from("2.19", "b");

        assertThatThrownBy(() -> builder.from("2.1", "a")).isInstanceOf(IllegalStateException.class)
                .hasMessage("versions must increase: 2.1 after 2.19");
        assertThatThrownBy(() -> builder.from("2.19", "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_start_outside_the_history_is_a_declaration_error() {
        var builder = Versioned.<String>builder(COMPUTE);

        assertThatThrownBy(() -> builder.from("2.96", "future")).isInstanceOf(IllegalStateException.class)
                .hasMessage("2.96 is not in the compute history (2.1-2.95)");
    }

    @Test
    void nothing_can_start_after_the_route_was_removed() {
        var builder = Versioned.<String>builder(COMPUTE).from("2.1", "a").removedIn("2.36");

        assertThatThrownBy(() -> builder.from("2.40", "b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_route_cannot_be_removed_before_it_starts() {
        var builder = Versioned.<String>builder(COMPUTE).from("2.10", "a");

        assertThatThrownBy(() -> builder.removedIn("2.10")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Versioned.<String>builder(COMPUTE).removedIn("2.10"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_empty_table_is_a_declaration_error() {
        assertThatThrownBy(() -> Versioned.<String>builder(COMPUTE).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void every_supported_version_selects_exactly_one_entry() {
        Versioned<String> schemas = Versioned.<String>builder(COMPUTE)
                .from("2.1", "a").from("2.19", "b").from("2.47", "c").build();

        for (var change : COMPUTE.changes()) {
            List<String> matching = schemas.entries().stream()
                    .filter(e -> e.range().contains(change.version()))
                    .map(Versioned.Entry::value).toList();
            assertThat(matching).as("entries containing %s", change.version()).hasSize(1);
        }
    }
}
