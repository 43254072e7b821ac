package dev.overcast.placement.model;

import java.util.Collection;

import org.jdbi.v3.core.argument.Argument;

/**
 * A JDBC array bound as one parameter, for {@code where column = any(:values)}: one statement
 * text for any number of values, so that the database parses it once (H2 keeps the plan of a
 * statement text; an {@code in (...)} list of another length is another text). Jdbi's own
 * {@code bindArray} works out the element type by reflection at every call, which on the claim
 * path cost as much as running the statement.
 */
public final class SqlArray {
    private SqlArray() {
    }

    /** The values as an SQL array of {@code sqlType} ({@code "varchar"}, {@code "integer"}). */
    public static Argument of(String sqlType, Collection<?> values) {
        Object[] elements = values.toArray();
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf(sqlType, elements));
    }
}
