package dev.overcast.core.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a {@link ListQuery}'s order as SQL from a fixed map of sort keys to columns, so a
 * client's text never reaches the statement: the keys were whitelisted by {@link ListSpec},
 * and only the column names declared here are written. Use it with a JDBI define:
 *
 * <pre>{@code
 * static final SqlOrderBy ORDER = SqlOrderBy.of(SPEC, Map.of("created_at", "i.created_at", "uuid", "i.uuid"));
 * handle.createQuery("SELECT ... FROM instances i WHERE ... <orderBy> LIMIT :limit")
 *       .define("orderBy", ORDER.render(query))
 *       .bind("limit", query.fetchLimit())
 * }</pre>
 *
 * <p>Nulls sort last in both directions, as in {@link ListApplier}; H2 and PostgreSQL both
 * understand {@code NULLS LAST}.
 */
public final class SqlOrderBy {
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final Map<String, String> columns;

    private SqlOrderBy(Map<String, String> columns) {
        this.columns = Map.copyOf(columns);
    }

    /**
     * Maps every sort key of {@code spec} to a column.
     *
     * @param columns API sort key → column name, optionally table-qualified ({@code i.created_at})
     * @throws IllegalStateException when a sort key has no column or a column name is not a
     *                               plain identifier
     */
    public static SqlOrderBy of(ListSpec spec, Map<String, String> columns) {
        for (String key : spec.sortKeys()) {
            if (!columns.containsKey(key)) {
                throw new IllegalStateException("sort key " + key + " has no column");
            }
        }
        for (String column : columns.values()) {
            if (!COLUMN.matcher(column).matches()) {
                throw new IllegalStateException("not a plain column name: " + column);
            }
        }
        return new SqlOrderBy(columns);
    }

    /** {@code ORDER BY c1 ASC NULLS LAST, c2 DESC NULLS LAST}, or an empty string for no order. */
    public String render(List<Sort> sorts) {
        var terms = new ArrayList<String>();
        for (Sort sort : sorts) {
            String column = columns.get(sort.key());
            if (column == null) {
                throw new IllegalArgumentException("sort key " + sort.key() + " has no column");
            }
            terms.add(column + (sort.ascending() ? " ASC" : " DESC") + " NULLS LAST");
        }
        return terms.isEmpty() ? "" : "ORDER BY " + String.join(", ", terms);
    }

    /** The order of {@code query}. */
    public String render(ListQuery query) {
        return render(query.sorts());
    }
}
