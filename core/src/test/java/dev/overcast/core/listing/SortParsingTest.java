package dev.overcast.core.listing;

import static dev.overcast.core.listing.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.http.ApiException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SortParsingTest {
    /** Like Nova's servers: newest first by default, the uuid breaks ties. */
    static final ListSpec SERVERS = ListSpec.builder(1000)
            .sortKeys("created_at", "display_name", "uuid", "vm_state")
            .defaultSort(Sort.desc("created_at"))
            .tieBreaker("uuid")
            .build();

    static String sorts(String queryString) {
        return ListQuery.parse(query(queryString), SERVERS).sorts().stream()
                .map(Sort::toString).collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "?{0} sorts by {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                                            | created_at:desc,uuid:desc",
            "sort_key=display_name                                         | display_name:desc,uuid:desc",
            "sort_key=display_name&sort_dir=asc                            | display_name:asc,uuid:asc",
            "sort_key=display_name&sort_key=created_at&sort_dir=asc&sort_dir=desc | display_name:asc,created_at:desc,uuid:asc",
            "sort_key=display_name&sort_key=created_at&sort_dir=asc        | display_name:asc,created_at:asc,uuid:asc",
            "sort_key=vm_state&sort_key=display_name&sort_dir=desc         | vm_state:desc,display_name:desc,uuid:desc",
            "sort_dir=asc                                                  | created_at:asc,uuid:asc",
            "sort_key=uuid&sort_dir=asc                                    | uuid:asc",
            "sort_key=created_at&sort_key=uuid&sort_dir=asc&sort_dir=desc  | created_at:asc,uuid:desc",
    })
    void sort_key_and_sort_dir_pair_up_as_in_nova(String queryString, String expected) {
        assertThat(sorts(queryString)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "?{0} sorts by {1}")
    @CsvSource(delimiter = '|', value = {
            "sort=display_name                         | display_name:desc,uuid:desc",
            "sort=display_name:asc                     | display_name:asc,uuid:asc",
            "sort=display_name:asc,created_at          | display_name:asc,created_at:desc,uuid:asc",
            "sort=display_name:asc,created_at:desc,uuid:asc | display_name:asc,created_at:desc,uuid:asc",
            "sort=vm_state:desc&sort=display_name:asc  | vm_state:desc,display_name:asc,uuid:desc",
            "sort=%20display_name%20:%20asc            | display_name:asc,uuid:asc",
    })
    void the_sort_form_takes_keys_with_optional_directions(String queryString, String expected) {
        assertThat(sorts(queryString)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "?{0} is a 400: {1}")
    @CsvSource(delimiter = '|', value = {
            "sort=display_name&sort_key=uuid          | The sort parameter cannot be combined with sort_key or sort_dir.",
            "sort=display_name&sort_dir=asc           | The sort parameter cannot be combined with sort_key or sort_dir.",
            "sort_key=flavor                          | Invalid sort key: flavor. It must be one of: created_at, display_name, uuid, vm_state.",
            "sort=flavor:asc                          | Invalid sort key: flavor. It must be one of: created_at, display_name, uuid, vm_state.",
            "sort=display_name,                       | Invalid sort key: . It must be one of: created_at, display_name, uuid, vm_state.",
            "sort=                                    | Invalid sort key: . It must be one of: created_at, display_name, uuid, vm_state.",
            "sort_key=uuid&sort_dir=up                | Invalid sort direction: up. It must be 'asc' or 'desc'.",
            "sort=uuid:DESC                           | Invalid sort direction: DESC. It must be 'asc' or 'desc'.",
            "sort=uuid:asc:desc                       | Invalid sort direction: asc:desc. It must be 'asc' or 'desc'.",
            "sort=uuid:                               | Invalid sort direction: . It must be 'asc' or 'desc'.",
            "sort_key=uuid&sort_dir=asc&sort_dir=desc | Sort direction size exceeds sort key size",
            "sort_dir=asc&sort_dir=desc               | Sort direction size exceeds sort key size",
            "sort=uuid,display_name:asc,uuid:desc     | Sort key uuid is given more than once.",
            "sort_key=uuid&sort_key=uuid              | Sort key uuid is given more than once.",
    })
    void bad_sorting_is_a_400_naming_the_problem(String queryString, String message) {
        assertThatThrownBy(() -> ListQuery.parse(query(queryString), SERVERS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage(message);
    }

    @Test
    void a_list_without_sort_keys_cannot_be_sorted() {
        ListSpec unsorted = ListSpec.builder(10).build();

        assertThat(ListQuery.parse(query(""), unsorted).sorts()).isEmpty();
        assertThatThrownBy(() -> ListQuery.parse(query("sort=name"), unsorted))
                .isInstanceOf(ApiException.class)
                .hasMessage("Invalid sort key: name. This list cannot be sorted.");
    }

    @Test
    void without_a_tie_breaker_the_order_is_exactly_what_was_asked() {
        ListSpec spec = ListSpec.builder(10).sortKeys("name", "size")
                .defaultSort(Sort.asc("name"), Sort.desc("size")).build();

        assertThat(ListQuery.parse(query(""), spec).sorts()).containsExactly(Sort.asc("name"), Sort.desc("size"));
        assertThat(ListQuery.parse(query("sort_key=size"), spec).sorts()).containsExactly(Sort.asc("size"));
    }

    @Test
    void sort_directions_without_keys_apply_to_every_default_key() {
        ListSpec spec = ListSpec.builder(10).sortKeys("name", "size")
                .defaultSort(Sort.asc("name"), Sort.desc("size")).build();

        assertThat(ListQuery.parse(query("sort_dir=desc&sort_dir=asc"), spec).sorts())
                .isEqualTo(List.of(Sort.desc("name"), Sort.asc("size")));
    }
}
