package dev.overcast.orchestration.software;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The inputs and outputs of a software config, checked and stored as Heat stores them: a
 * missing {@code type} becomes {@code String}, absent optional keys are left out, an input's
 * {@code replace_on_change} is kept only when true and an output's {@code error_output} always.
 * Pure; a problem is an {@link IllegalArgumentException} whose message a client may see.
 */
public final class SoftwareIo {
    /** The types an input or output may have. */
    public static final List<Object> TYPES = List.of("String", "Number", "CommaDelimitedList", "Json", "Boolean");

    private static final Set<String> INPUT_KEYS = Set.of("name", "description", "type", "default",
            "replace_on_change", "value");
    private static final Set<String> OUTPUT_KEYS = Set.of("name", "description", "type", "error_output");

    private SoftwareIo() {
    }

    /** @return the inputs, normalised; an empty list for null */
    public static List<Map<String, Object>> inputs(Object given) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<?, ?> input : maps(given)) {
            Map<String, Object> m = common(input, INPUT_KEYS);
            if (input.get("default") != null) {
                m.put("default", input.get("default"));
            }
            if (bool(input.get("replace_on_change"), "replace_on_change")) {
                m.put("replace_on_change", true);
            }
            if (input.containsKey("value")) {
                m.put("value", input.get("value"));
            }
            out.add(m);
        }
        return out;
    }

    /** @return the outputs, normalised; an empty list for null */
    public static List<Map<String, Object>> outputs(Object given) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<?, ?> output : maps(given)) {
            Map<String, Object> m = common(output, OUTPUT_KEYS);
            m.put("error_output", bool(output.get("error_output"), "error_output"));
            out.add(m);
        }
        return out;
    }

    private static List<Map<?, ?>> maps(Object given) {
        if (given == null) {
            return List.of();
        }
        if (!(given instanceof List<?> list)) {
            throw new IllegalArgumentException("Software Config I/O Schema must be in a list");
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("Software Config I/O Schema must be a dict");
            }
            out.add(map);
        }
        return out;
    }

    private static Map<String, Object> common(Map<?, ?> io, Set<String> keys) {
        for (Object key : io.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("Unknown Property " + key);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Object name = io.get("name");
        if (name == null) {
            throw new IllegalArgumentException("Property name not assigned");
        }
        m.put("name", string(name, "name"));
        if (io.get("description") != null) {
            m.put("description", string(io.get("description"), "description"));
        }
        Object type = io.get("type") == null ? "String" : io.get("type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Property error: type: \"" + type + "\" is not an allowed value "
                    + "[String, Number, CommaDelimitedList, Json, Boolean]");
        }
        m.put("type", type);
        return m;
    }

    private static String string(Object value, String key) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException("Property error: " + key + ": Value must be a string");
        }
        return String.valueOf(value);
    }

    private static boolean bool(Object value, String key) {
        try {
            return value != null && bool(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Property error: " + key + ": " + e.getMessage());
        }
    }

    /**
     * @return the value as Heat reads a boolean ({@code true}, {@code yes}, {@code on}, {@code 1}, ...)
     * @throws IllegalArgumentException when it is not one
     */
    public static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "true", "t", "on", "y", "yes", "1" -> true;
            case "false", "f", "off", "n", "no", "0" -> false;
            default -> throw new IllegalArgumentException("Unrecognized value \"" + value
                    + "\", acceptable values are: true, false");
        };
    }
}
