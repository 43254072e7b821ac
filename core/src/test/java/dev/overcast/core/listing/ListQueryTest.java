package dev.overcast.core.listing;

import static dev.overcast.core.listing.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.http.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListQueryTest {
    static final ListSpec SERVERS = ListSpec.builder(1000)
            .defaultLimit(50)
            .sortKeys("created_at", "display_name", "uuid")
            .defaultSort(Sort.desc("created_at"))
            .tieBreaker("uuid")
            .filters("name", "status")
            .acceptedParams("all_tenants")
            .build();

    static ListQuery parse(String queryString) {
        return ListQuery.parse(query(queryString), SERVERS);
    }

    static void assertBadRequest(String queryString, String message) {
        assertThatThrownBy(() -> parse(queryString))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage(message);
    }

    @Test
    void an_empty_query_gets_the_defaults() {
        ListQuery query = parse("");

        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.marker()).isNull();
        assertThat(query.sorts()).containsExactly(Sort.desc("created_at"), Sort.desc("uuid"));
        assertThat(query.filters()).isEmpty();
    }

    @ParameterizedTest(name = "limit={0} gives {1}")
    @CsvSource({"0, 0", "1, 1", "999, 999", "1000, 1000", "1001, 1000", "99999999999999999999, 1000", "+7, 7",
            "' 8 ', 8", "-0, 0"})
    void a_limit_is_a_non_negative_integer_capped_at_the_max(String limit, int expected) {
        assertThat(ListQuery.parse(Map.of("limit", List.of(limit)), SERVERS).limit()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"abc", "1.5", "''", "1e3", "0x10"})
    void a_limit_that_is_not_an_integer_is_a_400(String limit) {
        assertThatThrownBy(() -> ListQuery.parse(Map.of("limit", List.of(limit)), SERVERS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("limit param must be an integer");
    }

    @Test
    void a_negative_limit_is_a_400() {
        assertBadRequest("limit=-1", "limit param must be positive");
    }

    @Test
    void a_repeated_parameter_counts_with_its_last_value() {
        ListQuery query = parse("limit=5&limit=7&marker=a&marker=b&name=x&name=y");

        assertThat(query.limit()).isEqualTo(7);
        assertThat(query.marker()).isEqualTo("b");
        assertThat(query.filters()).containsExactly(Map.entry("name", "y"));
    }

    @Test
    void the_marker_is_taken_as_given() {
        assertThat(parse("marker=6f1c%2Fa b").marker()).isEqualTo("6f1c/a b");
    }

    @Test
    void a_blank_marker_means_the_first_page() {
        assertThat(parse("marker=").marker()).isNull();
    }

    @Test
    void keeps_whitelisted_filters_and_ignores_other_parameters() {
        ListQuery query = parse("name=web&status=ACTIVE&flavor=m1.small&all_tenants=1&limit=3");

        assertThat(query.filters()).containsOnly(Map.entry("name", "web"), Map.entry("status", "ACTIVE"));
    }

    @Test
    void a_strict_spec_rejects_an_unknown_parameter_by_name() {
        ListSpec strict = ListSpec.builder(100).filters("name").acceptedParams("all_tenants").strict().build();

        assertThatThrownBy(() -> ListQuery.parse(query("name=a&all_tenants=1&limit=2&flavor=x"), strict))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Invalid query parameter: flavor.");
    }

    @Test
    void a_strict_spec_accepts_paging_filters_and_declared_parameters() {
        ListSpec strict = ListSpec.builder(100).sortKeys("id").defaultSort(Sort.asc("id"))
                .filters("name").acceptedParams("all_tenants").strict().build();

        ListQuery query = ListQuery.parse(query("name=a&all_tenants=1&limit=2&marker=m&sort=id:desc"), strict);

        assertThat(query.filters()).containsExactly(Map.entry("name", "a"));
        assertThat(query.sorts()).containsExactly(Sort.desc("id"));
    }

    @Test
    void the_fetch_limit_is_one_more_than_the_limit() {
        assertThat(parse("limit=10").fetchLimit()).isEqualTo(11);
        assertThat(new ListQuery(Integer.MAX_VALUE, null, List.of(), Map.of()).fetchLimit())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void the_query_is_immutable() {
        ListQuery query = parse("name=a");

        assertThatThrownBy(() -> query.sorts().add(Sort.asc("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> query.filters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
