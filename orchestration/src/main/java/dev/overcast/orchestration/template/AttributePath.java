package dev.overcast.orchestration.template;

import java.util.List;
import java.util.Map;

/** Heat's selection of a path below an attribute value ({@code get_attr: [r, a, k1, 0]}). */
public final class AttributePath {

    private AttributePath() {
    }

    /**
     * Walks {@code path} into {@code value}: string keys into maps, integer (or integer-looking
     * string) keys into lists and strings. A step that does not fit gives {@code null}, as Heat's
     * {@code select_from_attribute} does.
     */
    public static Object select(Object value, List<?> path) {
        Object current = value;
        for (Object key : path) {
            if (current instanceof Map<?, ?> map) {
                if (!(key instanceof String) || !map.containsKey(key)) {
                    return null;
                }
                current = map.get(key);
            } else if (current instanceof List<?> list) {
                Integer index = index(key, list.size());
                if (index == null) {
                    return null;
                }
                current = list.get(index);
            } else if (current instanceof String s) {
                Integer index = index(key, s.length());
                if (index == null) {
                    return null;
                }
                current = String.valueOf(s.charAt(index));
            } else {
                return null;
            }
        }
        return current;
    }

    private static Integer index(Object key, int size) {
        int i;
        if (key instanceof Integer n) {
            i = n;
        } else if (key instanceof Long n) {
            i = n.intValue();
        } else if (key instanceof String s && s.strip().matches("[+-]?\\d{1,9}")) {
            i = Integer.parseInt(s.strip());
        } else {
            return null;
        }
        if (i < 0) {
            i += size;
        }
        return i >= 0 && i < size ? i : null;
    }
}
