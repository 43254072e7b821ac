package dev.overcast.core.listing;

import static dev.overcast.core.listing.Queries.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqlOrderByTest {
    static final ListSpec SPEC = ListSpec.builder(100)
            .sortKeys("created_at", "name", "id")
            .defaultSort(Sort.desc("created_at"))
            .tieBreaker("id")
            .build();

    static final SqlOrderBy ORDER = SqlOrderBy.of(SPEC,
            Map.of("created_at", "i.created_at", "name", "i.display_name", "id", "i.uuid"));

    @Test
    void renders_the_mapped_columns_in_order_with_nulls_last() {
        ListQuery query = ListQuery.parse(query("sort=name:asc,created_at"), SPEC);

        assertThat(ORDER.render(query))
                .isEqualTo("ORDER BY i.display_name ASC NULLS LAST, i.created_at DESC NULLS LAST, i.uuid ASC NULLS LAST");
    }

    @Test
    void renders_nothing_for_no_order() {
        assertThat(ORDER.render(List.of())).isEmpty();
    }

    @Test
    void every_sort_key_of_the_spec_needs_a_column() {
        assertThatThrownBy(() -> SqlOrderBy.of(SPEC, Map.of("created_at", "created_at", "name", "display_name")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sort key id has no column");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"uuid; DROP TABLE instances", "uuid DESC", "a.b.c", "1col", "", "\"uuid\"", "uuid--"})
    void column_names_must_be_plain_identifiers(String column) {
        assertThatThrownBy(() -> SqlOrderBy.of(SPEC, Map.of("created_at", "created_at", "name", "name", "id", column)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a plain column name");
    }

    @Test
    void a_sort_key_the_map_does_not_know_is_a_programming_error() {
        assertThatThrownBy(() -> ORDER.render(List.of(Sort.asc("flavor"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orders_rows_in_h2_as_the_in_memory_applier_orders_items() {
        record Row(String uuid, String displayName, Integer createdAt) {
        }
        List<Row> rows = List.of(new Row("u1", "b", 3), new Row("u2", "a", null), new Row("u3", "b", 1),
                new Row("u4", null, 2), new Row("u5", "a", 2));
        Map<String, Function<Row, Comparable<?>>> keys = Map.of(
                "created_at", Row::createdAt, "name", Row::displayName, "id", Row::uuid);
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:order_by;DB_CLOSE_DELAY=-1");
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE instances (uuid VARCHAR(36) PRIMARY KEY, display_name VARCHAR(255), created_at INT)");
            for (Row row : rows) {
                h.execute("INSERT INTO instances VALUES (?, ?, ?)", row.uuid(), row.displayName(), row.createdAt());
            }
        });

        for (String order : List.of("", "sort=name:asc", "sort=name:desc", "sort=created_at:asc",
                "sort=created_at:desc,name:asc", "sort_key=name&sort_key=created_at&sort_dir=desc")) {
            ListQuery query = ListQuery.parse(query(order), SPEC);
            List<String> fromSql = jdbi.withHandle(h -> h
                    .createQuery("SELECT i.uuid FROM instances i <orderBy> LIMIT :limit")
                    .define("orderBy", ORDER.render(query))
                    .bind("limit", query.fetchLimit())
                    .mapTo(String.class)
                    .list());
            List<String> inMemory = ListApplier.apply(rows, query, Row::uuid, keys).stream().map(Row::uuid).toList();

            assertThat(fromSql).as(order).isEqualTo(inMemory);
        }
    }
}
