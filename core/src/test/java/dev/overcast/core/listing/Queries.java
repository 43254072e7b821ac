package dev.overcast.core.listing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query strings for tests, decoded the way a server does. */
final class Queries {
    private Queries() {
    }

    static Map<String, List<String>> query(String queryString) {
        var params = new LinkedHashMap<String, List<String>>();
        if (queryString.isEmpty()) {
            return params;
        }
        for (String pair : queryString.split("&")) {
            String[] parts = pair.split("=", 2);
            params.computeIfAbsent(decode(parts[0]), k -> new ArrayList<>()).add(parts.length == 2 ? decode(parts[1]) : "");
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
