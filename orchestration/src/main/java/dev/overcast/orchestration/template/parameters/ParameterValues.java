package dev.overcast.orchestration.template.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.functions.Py;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a parameter value as its type, as Heat's parameter classes do. Failures are
 * {@link IllegalArgumentException}s carrying Heat's (Python's) wording.
 */
final class ParameterValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");

    private ParameterValues() {
    }

    /**
     * @return the value the constraints are checked against: the parsed list or JSON for those
     *         types, the raw value otherwise (after checking numbers and booleans read as such)
     */
    static Object forValidation(ParameterType type, Object raw) {
        return switch (type) {
            case STRING -> Py.str(raw);
            case NUMBER -> {
                Py.toNumber(raw);
                yield raw;
            }
            case BOOLEAN -> {
                bool(raw);
                yield raw;
            }
            case COMMA_DELIMITED_LIST -> commaList(raw);
            case JSON -> json(raw);
        };
    }

    /** @return the value functions see: Heat's {@code Parameter.value()} */
    static Object coerce(ParameterType type, Object raw) {
        return switch (type) {
            case STRING -> Py.str(raw);
            case NUMBER -> Py.toNumber(raw);
            case BOOLEAN -> bool(raw);
            case COMMA_DELIMITED_LIST -> commaList(raw);
            case JSON -> json(raw);
        };
    }

    /** oslo's {@code bool_from_string(value, strict=True)}. */
    static boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = Py.str(raw);
        String lowered = text.strip().toLowerCase();
        if (TRUE.contains(lowered)) {
            return true;
        }
        if (FALSE.contains(lowered)) {
            return false;
        }
        throw new IllegalArgumentException("Unrecognized value '" + text + "', acceptable values are: "
                + "'0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    }

    static List<String> commaList(Object raw) {
        if (raw instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(item -> out.add(Py.str(item)));
            return out;
        }
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String s)) {
            throw new IllegalArgumentException("Value must be a comma-delimited list string: '"
                    + Py.shortTypeName(raw) + "' object has no attribute 'split'");
        }
        if (s.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of(s.split(",", -1)));
    }

    static Object json(Object raw) {
        if (!(raw instanceof String s)) {
            return raw instanceof Map<?, ?> || raw instanceof List<?> ? raw : checkedJson(Py.jsonDumps(raw, false), raw);
        }
        if (s.isEmpty()) {
            return s;
        }
        return checkedJson(s, raw);
    }

    private static Object checkedJson(String text, Object raw) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage();
            int newline = detail.indexOf('\n');
            throw new IllegalArgumentException("Value must be valid JSON: "
                    + (newline > 0 ? detail.substring(0, newline) : detail));
        }
    }
}
