package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.overcast.core.http.Request;
import dev.overcast.orchestration.HeatError;

/** Heat's {@code limit}, {@code marker} and {@code sort_dir} over an in-memory list. */
public final class Paging {
    private Paging() {
    }

    static <T> List<T> sorted(List<T> items, Comparator<T> order, Request req) {
        String dir = req.query("sort_dir").orElse("desc");
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw HeatError.badRequest("Unknown sort direction, must be one of: asc, desc");
        }
        List<T> out = new ArrayList<>(items);
        out.sort(dir.equals("asc") ? order : order.reversed());
        return out;
    }

    public static <T> List<T> page(List<T> items, Function<T, String> id, Request req) {
        List<T> out = items;
        var marker = req.query("marker");
        if (marker.isPresent()) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (id.apply(out.get(i)).equals(marker.get())) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw HeatError.notFound("Marker", marker.get());
            }
            out = out.subList(at + 1, out.size());
        }
        var limit = req.query("limit");
        if (limit.isPresent()) {
            int n;
            try {
                n = Integer.parseInt(limit.get());
            } catch (NumberFormatException e) {
                throw HeatError.badRequest("Only integer is acceptable by 'limit'.");
            }
            if (n < 0) {
                throw HeatError.badRequest("Value must be >= 0 for field 'limit'.");
            }
            out = out.subList(0, Math.min(n, out.size()));
        }
        return out;
    }

    /** Whether a value passes a filter given once or several times (any of them). */
    static boolean matches(Request req, String filter, String value) {
        List<String> wanted = req.queryParams().get(filter);
        return wanted == null || wanted.isEmpty() || wanted.contains(value);
    }
}
