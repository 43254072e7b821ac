package dev.overcast.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListSpecTest {

    @Test
    void the_default_limit_is_the_max_limit_unless_given() {
        assertThat(ListSpec.builder(1000).build().defaultLimit()).isEqualTo(1000);
        assertThat(ListSpec.builder(1000).defaultLimit(25).build().defaultLimit()).isEqualTo(25);
    }

    @Test
    void keeps_what_it_was_given() {
        ListSpec spec = ListSpec.builder(500)
                .sortKeys("created_at", "name", "id")
                .defaultSort(Sort.desc("created_at"))
                .tieBreaker("id")
                .filters("name", "status")
                .acceptedParams("all_tenants")
                .strict()
                .build();

        assertThat(spec.sortKeys()).containsExactly("created_at", "name", "id");
        assertThat(spec.defaultSort()).containsExactly(Sort.desc("created_at"));
        assertThat(spec.defaultAscending()).isFalse();
        assertThat(spec.tieBreaker()).contains("id");
        assertThat(spec.filters()).containsExactlyInAnyOrder("name", "status");
        assertThat(spec.acceptedParams()).containsExactly("all_tenants");
        assertThat(spec.maxLimit()).isEqualTo(500);
        assertThat(spec.strict()).isTrue();
    }

    @ParameterizedTest(name = "max limit {0}")
    @ValueSource(ints = {0, -1})
    void the_max_limit_must_be_positive(int max) {
        assertThatThrownBy(() -> ListSpec.builder(max)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "default limit {0}")
    @ValueSource(ints = {-1, 101})
    void the_default_limit_must_fit_under_the_max(int limit) {
        assertThatThrownBy(() -> ListSpec.builder(100).defaultLimit(limit).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default limit " + limit);
    }

    @Test
    void sort_keys_need_a_default_sort() {
        assertThatThrownBy(() -> ListSpec.builder(100).sortKeys("name").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a default sort");
    }

    @Test
    void the_default_sort_must_use_allowed_keys() {
        assertThatThrownBy(() -> ListSpec.builder(100).sortKeys("name").defaultSort(Sort.asc("size")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default sort key size");
    }

    @Test
    void the_default_sort_must_not_repeat_a_key() {
        assertThatThrownBy(() -> ListSpec.builder(100).sortKeys("name")
                .defaultSort(Sort.asc("name"), Sort.desc("name")).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_tie_breaker_must_be_an_allowed_key() {
        assertThatThrownBy(() -> ListSpec.builder(100).sortKeys("name").defaultSort(Sort.asc("name"))
                .tieBreaker("id").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tie-breaker id");
    }

    @Test
    void sort_keys_must_not_repeat() {
        assertThatThrownBy(() -> ListSpec.builder(100).sortKeys("name", "name").defaultSort(Sort.asc("name")).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit", "marker", "sort", "sort_key", "sort_dir"})
    void paging_parameters_cannot_be_filters(String name) {
        assertThatThrownBy(() -> ListSpec.builder(100).filters(name).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name + " is a paging parameter");
        assertThatThrownBy(() -> ListSpec.builder(100).acceptedParams(name).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
