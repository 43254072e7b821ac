package dev.overcast.orchestration.template.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies and deep merges of environment data. */
final class Merging {

    private Merging() {
    }

    /** @return a mutable deep copy with string keys */
    static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), copyValue(v)));
        return out;
    }

    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copy(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(item -> out.add(copyValue(item)));
            return out;
        }
        return v;
    }

    /** @return {@code base} with {@code later} merged over it: maps recursively, anything else replaced */
    static Map<String, Object> deepMerge(Map<?, ?> base, Map<?, ?> later) {
        Map<String, Object> out = copy(base);
        later.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object existing = out.get(key);
            if (existing instanceof Map<?, ?> em && v instanceof Map<?, ?> vm) {
                out.put(key, deepMerge(em, vm));
            } else {
                out.put(key, copyValue(v));
            }
        });
        return out;
    }
}
