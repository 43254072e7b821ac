package dev.overcast.image.metadefs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * One page of a listing, from Glance's {@code limit}, {@code marker} (the name of the last
 * item seen), {@code sort_key} and {@code sort_dir} (default {@code created_at desc}). The
 * catalog is small (Glance ships a few dozen namespaces), so pages are cut in memory.
 *
 * @param more whether items follow this page
 */
record Page<T>(List<T> items, boolean more) {
    /** Glance's {@code limit_param_default} and {@code api_limit_max}. */
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;

    static <T> Page<T> of(Request req, List<T> rows, Map<String, Comparator<T>> sortKeys, Function<T, String> name) {
        int limit = limit(req);
        String sortKey = req.query("sort_key").orElse("created_at");
        Comparator<T> order = sortKeys.get(sortKey);
        if (order == null) {
            throw ApiException.badRequest("Invalid sort key: " + sortKey + ". It must be one of: "
                    + String.join(", ", sortKeys.keySet().stream().sorted().toList()) + ".");
        }
        order = order.thenComparing(name);
        String dir = req.query("sort_dir").orElse("desc");
        switch (dir) {
            case "asc" -> { }
            case "desc" -> order = order.reversed();
            default -> throw ApiException.badRequest("Invalid sort direction: " + dir + ". It must be asc or desc.");
        }
        List<T> sorted = rows.stream().sorted(order).toList();
        int start = req.query("marker").map(marker -> after(sorted, marker, name)).orElse(0);
        int end = Math.min(sorted.size(), start + limit);
        return new Page<>(sorted.subList(start, end), end < sorted.size());
    }

    private static int limit(Request req) {
        String value = req.query("limit").orElse(null);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 0) {
                throw ApiException.badRequest("limit param must be positive");
            }
            return Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit param must be an integer");
        }
    }

    private static <T> int after(List<T> sorted, String marker, Function<T, String> name) {
        for (int i = 0; i < sorted.size(); i++) {
            if (name.apply(sorted.get(i)).equals(marker)) {
                return i + 1;
            }
        }
        throw ApiException.badRequest("Invalid marker: " + marker + " could not be found.");
    }
}
