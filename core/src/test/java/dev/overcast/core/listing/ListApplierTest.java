package dev.overcast.core.listing;

import static dev.overcast.core.listing.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListApplierTest {
    record Flavor(String id, String name, Integer ram) {
    }

    static final ListSpec FLAVORS = ListSpec.builder(100)
            .sortKeys("id", "name", "ram")
            .defaultSort(Sort.asc("id"))
            .tieBreaker("id")
            .build();

    static final Map<String, Function<Flavor, Comparable<?>>> KEYS = Map.of(
            "id", Flavor::id,
            "name", Flavor::name,
            "ram", Flavor::ram);

    static final List<Flavor> ALL = List.of(
            new Flavor("4", "m1.large", 8192),
            new Flavor("1", "m1.tiny", 512),
            new Flavor("3", "m1.medium", 4096),
            new Flavor("5", "custom", null),
            new Flavor("2", "m1.small", 2048),
            new Flavor("6", "m1.small", 2048));

    static List<String> ids(String queryString) {
        return ListApplier.apply(ALL, ListQuery.parse(query(queryString), FLAVORS), Flavor::id, KEYS).stream()
                .map(Flavor::id).toList();
    }

    @Test
    void sorts_by_the_default_order() {
        assertThat(ids("")).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void puts_nulls_last_in_either_direction() {
        assertThat(ids("sort=ram:asc")).containsExactly("1", "2", "6", "3", "4", "5");
        assertThat(ids("sort=ram:desc")).containsExactly("4", "3", "6", "2", "1", "5");
    }

    @Test
    void breaks_ties_with_the_next_key() {
        assertThat(ids("sort=name:asc,id:desc")).containsExactly("5", "4", "3", "6", "2", "1");
    }

    @Test
    void is_stable_for_items_that_compare_equal() {
        ListQuery byRam = new ListQuery(100, null, List.of(Sort.asc("ram")), Map.of());

        assertThat(ListApplier.apply(ALL, byRam, Flavor::id, KEYS)).extracting(Flavor::id)
                .containsExactly("1", "2", "6", "3", "4", "5");
    }

    @Test
    void starts_after_the_marker_then_applies_the_limit() {
        assertThat(ids("marker=2&limit=2")).containsExactly("3", "4");
        assertThat(ids("sort=ram:desc&marker=6&limit=10")).containsExactly("2", "1", "5");
    }

    @Test
    void a_marker_on_the_last_item_gives_an_empty_list() {
        assertThat(ids("marker=6")).isEmpty();
    }

    @Test
    void a_limit_of_zero_gives_an_empty_list() {
        assertThat(ids("limit=0")).isEmpty();
    }

    @Test
    void an_unknown_marker_is_a_400() {
        assertThatThrownBy(() -> ids("marker=42"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("marker [42] not found");
    }

    @Test
    void a_sort_key_without_an_accessor_is_a_programming_error() {
        ListQuery query = new ListQuery(10, null, List.of(Sort.asc("vcpus")), Map.of());

        assertThatThrownBy(() -> ListApplier.apply(ALL, query, Flavor::id, KEYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vcpus");
    }

    @Test
    void leaves_the_input_alone() {
        var input = new ArrayList<>(ALL);

        ListApplier.apply(input, ListQuery.parse(query("sort=name:desc"), FLAVORS), Flavor::id, KEYS);

        assertThat(input).isEqualTo(ALL);
    }

    @Test
    void a_page_knows_whether_more_follow() {
        Page<Flavor> first = ListApplier.page(ALL, ListQuery.parse(query("limit=4"), FLAVORS), Flavor::id, KEYS);
        Page<Flavor> last = ListApplier.page(ALL, ListQuery.parse(query("limit=4&marker=4"), FLAVORS), Flavor::id, KEYS);

        assertThat(first.items()).extracting(Flavor::id).containsExactly("1", "2", "3", "4");
        assertThat(first.nextMarker()).contains("4");
        assertThat(last.items()).extracting(Flavor::id).containsExactly("5", "6");
        assertThat(last.hasNext()).isFalse();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void paging_through_any_order_visits_every_item_exactly_once(long seed) {
        var random = new Random(seed);
        List<Flavor> flavors = IntStream.range(0, 40)
                .mapToObj(i -> new Flavor("f" + i, "n" + random.nextInt(5), random.nextInt(4) == 0 ? null : random.nextInt(3)))
                .toList();
        String[] orders = {"sort=name:asc,ram:desc", "sort=ram", "sort_key=name&sort_dir=desc", ""};
        String order = orders[random.nextInt(orders.length)];
        int limit = 1 + random.nextInt(7);

        var seen = new ArrayList<String>();
        String marker = null;
        do {
            String q = order + "&limit=" + limit + (marker == null ? "" : "&marker=" + marker);
            Page<Flavor> page = ListApplier.page(flavors, ListQuery.parse(query(q), FLAVORS), Flavor::id, KEYS);
            page.items().forEach(f -> seen.add(f.id()));
            marker = page.nextMarker().orElse(null);
        } while (marker != null);

        List<String> all = ListApplier.apply(flavors, ListQuery.parse(query(order), FLAVORS), Flavor::id, KEYS)
                .stream().map(Flavor::id).toList();
        assertThat(seen).as("order %s, limit %d", order, limit).isEqualTo(all).hasSize(40);
    }
}
