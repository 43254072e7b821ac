package dev.overcast.core.listing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders query parameters back into a URL, names sorted (as Nova does) so links are stable. */
final class QueryString {
    private QueryString() {
    }

    /** {@code base?a=1&b=2}, or {@code base} when there are no parameters. */
    static String url(String base, Map<String, List<String>> params) {
        var pairs = new ArrayList<String>();
        for (var param : new TreeMap<>(params).entrySet()) {
            for (String value : param.getValue()) {
                pairs.add(encode(param.getKey()) + "=" + encode(value));
            }
        }
        return pairs.isEmpty() ? base : base + "?" + String.join("&", pairs);
    }

    /** The same parameters with {@code marker} set to {@code marker} (once). */
    static Map<String, List<String>> withMarker(Map<String, List<String>> params, String marker) {
        var copy = new TreeMap<>(params);
        copy.put("marker", List.of(marker));
        return copy;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
