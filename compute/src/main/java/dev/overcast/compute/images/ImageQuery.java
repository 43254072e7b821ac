package dev.overcast.compute.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.overcast.core.http.ApiException;

/**
 * A Nova image list's query turned into Glance v2's, as Nova's proxy turns it: its filters
 * renamed ({@code server} → the {@code instance_uuid} property, given as an id or any link to
 * the server; {@code type} → the {@code image_type} property; {@code changes-since} →
 * {@code updated_at=gte:}; {@code minRam}/{@code minDisk} → {@code min_ram}/{@code min_disk};
 * {@code property-X} → the property {@code X}; the status in lower case), other parameters
 * dropped, and {@code limit} and {@code marker} checked as Nova's pagination parameters.
 *
 * @param filters Glance's filters
 * @param limit   how many images to return, or null for all of them
 * @param marker  the image after which to start, or null
 */
record ImageQuery(Map<String, String> filters, Integer limit, String marker) {

    static ImageQuery of(Map<String, List<String>> query) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (var param : new TreeMap<>(query).entrySet()) {
            if (param.getValue().isEmpty()) {
                continue;
            }
            String value = param.getValue().getLast();
            String key = param.getKey();
            switch (key) {
                case "name" -> filters.put("name", value);
                case "status" -> filters.put("status", value.toLowerCase(Locale.ROOT));
                case "changes-since" -> filters.put("updated_at", "gte:" + value);
                case "server" -> filters.put("instance_uuid", value.substring(value.lastIndexOf('/') + 1));
                case "type" -> filters.put("image_type", value);
                case "minRam" -> filters.put("min_ram", value);
                case "minDisk" -> filters.put("min_disk", value);
                default -> {
                    if (key.startsWith("property-") && key.length() > "property-".length()) {
                        filters.put(key.substring("property-".length()), value);
                    }
                }
            }
        }
        Integer limit = nonNegative(query, "limit");
        nonNegative(query, "page_size");
        nonNegative(query, "offset");
        List<String> markers = query.get("marker");
        String marker = markers == null || markers.isEmpty() ? null : markers.getLast();
        return new ImageQuery(Map.copyOf(filters), limit == null || limit == 0 ? null : limit, marker);
    }

    /** Nova's {@code validate_integer(value, name, min_value=0)}. */
    private static Integer nonNegative(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.getLast();
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid input received: " + name + " must be an integer");
        }
        if (n < 0) {
            throw ApiException.badRequest("Invalid input received: " + name + " must be >= 0");
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }
}
