package dev.overcast.core.listing;

import dev.overcast.core.http.ApiException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One list request, checked against its endpoint's {@link ListSpec}.
 *
 * @param limit   items per page, between 0 and the spec's max limit
 * @param marker  the id of the last item of the previous page, or null for the first page
 * @param sorts   the order, ending with the spec's tie-breaker when it has one
 * @param filters the whitelisted filters the client gave, by name
 */
public record ListQuery(int limit, String marker, List<Sort> sorts, Map<String, String> filters) {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    public ListQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        sorts = List.copyOf(sorts);
        filters = Map.copyOf(filters);
    }

    /**
     * Reads a request's query parameters.
     *
     * <p>{@code limit} must be a non-negative integer and is capped at the max limit;
     * {@code marker} is taken as given (blank means none); sorting is {@code sort_key}/
     * {@code sort_dir} or {@code sort=}, not both; filters outside the spec are dropped, or
     * rejected when the spec is strict. A repeated parameter counts with its last value.
     *
     * @param queryParams every query parameter with all its values, in order
     * @throws ApiException 400 naming the offending parameter or value
     */
    public static ListQuery parse(Map<String, List<String>> queryParams, ListSpec spec) {
        Objects.requireNonNull(queryParams, "queryParams");
        String marker = last(queryParams, "marker");
        return new ListQuery(
                limit(last(queryParams, "limit"), spec),
                marker == null || marker.isBlank() ? null : marker,
                SortParser.parse(queryParams, spec),
                filters(queryParams, spec));
    }

    /** Rows to fetch: one more than the limit, so that {@link Page} knows if there is a next page. */
    public int fetchLimit() {
        return limit == Integer.MAX_VALUE ? limit : limit + 1;
    }

    /** Nova's rules and messages: any integer form, not negative; above the max means the max. */
    private static int limit(String value, ListSpec spec) {
        if (value == null) {
            return spec.defaultLimit();
        }
        String text = value.strip();
        if (!INTEGER.matcher(text).matches()) {
            throw ApiException.badRequest("limit param must be an integer");
        }
        BigInteger limit = new BigInteger(text);
        if (limit.signum() < 0) {
            throw ApiException.badRequest("limit param must be positive");
        }
        return limit.min(BigInteger.valueOf(spec.maxLimit())).intValueExact();
    }

    private static Map<String, String> filters(Map<String, List<String>> params, ListSpec spec) {
        var filters = new TreeMap<String, String>();
        for (var param : new TreeMap<>(params).entrySet()) {
            String name = param.getKey();
            if (ListSpec.PAGING_PARAMS.contains(name)) {
                continue;
            }
            if (spec.filters().contains(name)) {
                if (!param.getValue().isEmpty()) {
                    filters.put(name, param.getValue().getLast());
                }
            } else if (spec.strict() && !spec.acceptedParams().contains(name)) {
                throw ApiException.badRequest("Invalid query parameter: " + name + ".");
            }
        }
        return filters;
    }

    private static String last(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }
}
