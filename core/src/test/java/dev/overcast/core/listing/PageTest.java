package dev.overcast.core.listing;

import static dev.overcast.core.listing.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PageTest {
    static final String BASE = "http://cloud.example:8080/compute/v2.1/servers";

    record Server(String id, String name) {
    }

    static List<Server> servers(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new Server(id, "vm-" + id)).toList();
    }

    @Test
    void the_extra_item_means_there_is_a_next_page_starting_after_the_last_shown() {
        Page<Server> page = Page.of(servers("a", "b", "c"), 2, Server::id);

        assertThat(page.items()).extracting(Server::id).containsExactly("a", "b");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.nextMarker()).contains("b");
    }

    @Test
    void a_page_that_is_exactly_full_is_the_last_one() {
        Page<Server> page = Page.of(servers("a", "b"), 2, Server::id);

        assertThat(page.items()).hasSize(2);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.links(BASE, query("limit=2"))).isEmpty();
    }

    @Test
    void an_empty_page_has_no_next() {
        Page<Server> page = Page.of(List.of(), 5, Server::id);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextMarker()).isEmpty();
    }

    @Test
    void a_limit_of_zero_gives_an_empty_page_without_a_next_link() {
        Page<Server> page = Page.of(servers("a"), 0, Server::id);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void fetching_more_than_limit_plus_one_is_a_programming_error() {
        assertThatThrownBy(() -> Page.of(servers("a", "b", "c", "d"), 2, Server::id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetch limit + 1");
    }

    @Test
    void takes_the_limit_from_the_query() {
        ListQuery query = new ListQuery(1, null, List.of(), Map.of());

        assertThat(Page.of(servers("a", "b"), query, Server::id).nextMarker()).contains("a");
    }

    @Test
    void the_next_link_keeps_the_query_and_replaces_the_marker() {
        Page<Server> page = Page.of(servers("a", "b", "c"), 2, Server::id);

        assertThat(page.nextHref(BASE, query("status=ACTIVE&limit=2&marker=old&sort_key=name&sort_key=uuid")))
                .contains(BASE + "?limit=2&marker=b&sort_key=name&sort_key=uuid&status=ACTIVE");
    }

    @Test
    void the_next_link_adds_a_marker_when_the_request_had_none() {
        Page<Server> page = Page.of(servers("a", "b"), 1, Server::id);

        assertThat(page.nextHref(BASE, query(""))).contains(BASE + "?marker=a");
    }

    @Test
    void the_next_link_encodes_values() {
        Page<Server> page = Page.of(List.of(new Server("a/b c", "x"), new Server("d", "y")), 1, Server::id);

        assertThat(page.nextHref(BASE, query("name=web%20%26%20db")))
                .contains(BASE + "?marker=a%2Fb+c&name=web+%26+db");
    }

    @Test
    void nova_links_are_one_next_link_in_collection_shape() {
        Page<Server> page = Page.of(servers("a", "b", "c"), 2, Server::id);

        assertThat(Json.write(page.links(BASE, query("limit=2"))))
                .isEqualTo("[{\"rel\":\"next\",\"href\":\"" + BASE + "?limit=2&marker=b\"}]");
    }

    @Test
    void keystone_links_have_self_previous_and_next_with_nulls_written_out() {
        Page<Server> more = Page.of(servers("a", "b", "c"), 2, Server::id);
        Page<Server> last = Page.of(servers("a"), 2, Server::id);

        assertThat(more.collectionLinks(BASE, query("limit=2")))
                .isEqualTo(new CollectionLinks(BASE + "?limit=2", null, BASE + "?limit=2&marker=b"));
        assertThat(Json.parse(Json.write(last.collectionLinks(BASE, query("")))))
                .isEqualTo(Json.parse("{\"self\":\"" + BASE + "\",\"previous\":null,\"next\":null}"));
    }

    @Test
    void mapping_keeps_the_next_marker() {
        Page<String> names = Page.of(servers("a", "b", "c"), 2, Server::id).map(Server::name);

        assertThat(names.items()).containsExactly("vm-a", "vm-b");
        assertThat(names.nextMarker()).contains("b");
    }

    @Test
    void walking_every_page_visits_every_item_once() {
        List<Server> all = servers("a", "b", "c", "d", "e", "f", "g");
        Function<String, List<Server>> fetchAfter = marker -> all.stream()
                .dropWhile(s -> marker != null && s.id().compareTo(marker) <= 0).limit(3).toList();

        var seen = new java.util.ArrayList<String>();
        String marker = null;
        do {
            Page<Server> page = Page.of(fetchAfter.apply(marker), 2, Server::id);
            page.items().forEach(s -> seen.add(s.id()));
            marker = page.nextMarker().orElse(null);
        } while (marker != null);

        assertThat(seen).containsExactly("a", "b", "c", "d", "e", "f", "g");
    }
}
