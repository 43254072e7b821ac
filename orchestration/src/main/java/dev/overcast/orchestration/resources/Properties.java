package dev.overcast.orchestration.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.functions.Py;

/**
 * Checks a resource's resolved properties against its type's schema and applies defaults, with
 * Heat's messages ({@code Property error: resources.r.properties.length: ...}).
 *
 * <p>Before a stack runs, values that come from other resources are not known yet: in
 * {@code lenient} mode a null value passes every check except "required", which looks only at
 * whether the template gives the property at all.
 */
public final class Properties {
    private Properties() {
    }

    /**
     * @return the properties of a resource of type {@code plugin}: with defaults applied, in schema
     *         order; as given, for a type that takes any
     * @throws TemplateException StackValidationFailed naming the property
     */
    public static Map<String, Object> validate(String resourceName, ResourcePlugin plugin, Map<String, Object> given,
            boolean lenient) {
        return plugin.acceptsAnyProperties() ? new LinkedHashMap<>(given)
                : validate(resourceName, plugin.properties(), given, lenient);
    }

    /**
     * @return the properties with defaults applied, in schema order
     * @throws TemplateException StackValidationFailed naming the property
     */
    public static Map<String, Object> validate(String resourceName, Map<String, PropertySchema> schema,
            Map<String, Object> given, boolean lenient) {
        String path = "resources." + resourceName + ".properties";
        for (String key : given.keySet()) {
            if (!schema.containsKey(key)) {
                throw TemplateException.validation("Property error", path, "Unknown Property " + key);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        schema.forEach((key, s) -> {
            boolean present = given.containsKey(key);
            Object value = present ? given.get(key) : s.defaultValue();
            if (value == null && !present && s.required()) {
                throw TemplateException.validation("Property error", path, "Property " + key + " not assigned");
            }
            if (value == null) {
                if (s.defaultValue() != null) {
                    out.put(key, s.defaultValue());
                } else if (lenient || !s.required()) {
                    out.put(key, null);
                } else {
                    throw TemplateException.validation("Property error", path, "Property " + key + " not assigned");
                }
                return;
            }
            out.put(key, check(path + "." + key, s, value));
        });
        return out;
    }

    private static Object check(String path, PropertySchema s, Object value) {
        Object converted = convert(path, s, value);
        for (PropertyConstraint c : s.constraints()) {
            String problem = c.violation(converted);
            if (problem != null) {
                throw TemplateException.validation("Property error", path, problem);
            }
        }
        if (!s.entries().isEmpty()) {
            if (converted instanceof List<?> list) {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    items.add(entries(path + "[" + i + "]", s.entries(), list.get(i)));
                }
                return items;
            }
            return entries(path, s.entries(), converted);
        }
        return converted;
    }

    private static Object entries(String path, Map<String, PropertySchema> keys, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw TemplateException.validation("Property error", path, "\"" + Py.str(value) + "\" is not a map");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object key : map.keySet()) {
            if (!keys.containsKey(String.valueOf(key))) {
                throw TemplateException.validation("Property error", path, "Unknown Property " + key);
            }
        }
        keys.forEach((key, s) -> {
            Object v = map.containsKey(key) ? map.get(key) : s.defaultValue();
            if (v == null) {
                if (s.required()) {
                    throw TemplateException.validation("Property error", path, "Property " + key + " not assigned");
                }
                return;
            }
            out.put(key, check(path + "." + key, s, v));
        });
        return out;
    }

    private static Object convert(String path, PropertySchema s, Object value) {
        return switch (s.type()) {
            case ANY -> value;
            case STRING -> {
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    throw TemplateException.validation("Property error", path,
                            "Value must be a string; got " + Py.jsonDumps(value, false));
                }
                yield Py.str(value);
            }
            case INTEGER -> {
                Number n = number(path, value);
                if (!(n instanceof Integer || n instanceof Long || n instanceof java.math.BigInteger)) {
                    throw TemplateException.validation("Property error", path,
                            "\"" + Py.str(value) + "\" is not an integer");
                }
                yield n;
            }
            case NUMBER -> number(path, value);
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                String text = Py.str(value).toLowerCase(java.util.Locale.ROOT);
                yield switch (text) {
                    case "true", "t", "on", "y", "yes", "1" -> true;
                    case "false", "f", "off", "n", "no", "0" -> false;
                    default -> throw TemplateException.validation("Property error", path,
                            "Unrecognized value \"" + Py.str(value) + "\", acceptable values are: true, false");
                };
            }
            case MAP -> {
                if (!(value instanceof Map<?, ?>)) {
                    throw TemplateException.validation("Property error", path,
                            "Value must be a map; got " + Py.str(value) );
                }
                yield value;
            }
            case LIST -> {
                if (value instanceof List<?>) {
                    yield value;
                }
                if (value instanceof String text) {
                    yield text.isEmpty() ? List.of() : List.of(text.split(","));
                }
                throw TemplateException.validation("Property error", path,
                        "\"" + Py.str(value) + "\" is not a list");
            }
        };
    }

    private static Number number(String path, Object value) {
        if (value instanceof Boolean || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw TemplateException.validation("Property error", path, "Value '" + Py.str(value) + "' is not a number");
        }
        try {
            return Py.toNumber(value);
        } catch (RuntimeException e) {
            throw TemplateException.validation("Property error", path, "Value '" + Py.str(value) + "' is not a number");
        }
    }
}
