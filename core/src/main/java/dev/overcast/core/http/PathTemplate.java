package dev.overcast.core.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route path such as {@code /v3/projects/{project_id}/tags/{tag}}, matched segment by
 * segment. A trailing slash is part of the path: {@code /v2/images/} is not {@code /v2/images}.
 */
record PathTemplate(String text, List<String> segments, boolean trailingSlash) {

    static PathTemplate parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + text);
        }
        return new PathTemplate(text, split(text), hasTrailingSlash(text));
    }

    static boolean hasTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/");
    }

    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The path parameters when {@code path} matches, else null. */
    Map<String, String> match(List<String> path) {
        if (path.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(path.get(i))) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }
}
