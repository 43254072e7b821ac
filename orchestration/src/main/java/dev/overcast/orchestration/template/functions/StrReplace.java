package dev.overcast.orchestration.template.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.ResolutionContext;

/**
 * {@code str_replace} and its strict variants (and 2013-05-23's {@code Fn::Replace}).
 *
 * <p>Longer keys are replaced first, then lexicographically smaller ones, so overlapping keys
 * behave as in Heat; each key splits the remaining pieces so a replacement is never replaced again.
 */
final class StrReplace extends Function {

    /** Heat's Replace, ReplaceJson, ReplaceJsonStrict and ReplaceJsonVeryStrict. */
    enum Mode {
        PLAIN, JSON, STRICT, VERY_STRICT;

        boolean strict() {
            return this == STRICT || this == VERY_STRICT;
        }
    }

    private final Mode mode;
    private final Object params;
    private final Object template;

    StrReplace(String name, Object args, Mode mode) {
        this(name, args, mode, params(name, args), ((Map<?, ?>) args).get("template"));
    }

    private StrReplace(String name, Object args, Mode mode, Object params, Object template) {
        super(name, args);
        this.mode = mode;
        this.params = params;
        this.template = template;
        if (!(params instanceof Map<?, ?>) && !(params instanceof Function)) {
            throw fail("\"" + name + "\" parameters must be a mapping");
        }
    }

    /** {@code Fn::Replace: [{params}, template]}. */
    static StrReplace cfn(String name, Object args) {
        if (!(args instanceof List<?> list) || list.size() != 2) {
            throw fail("Arguments to \"" + name + "\" must be of the form [{\"<key_1>\": \"<value_1>\", ...}, "
                    + "\"<key_1> <key_2>\"]");
        }
        return new StrReplace(name, args, Mode.PLAIN, list.get(0), list.get(1));
    }

    private static Object params(String name, Object args) {
        if (!(args instanceof Map<?, ?> map)) {
            throw fail("Arguments to \"" + name + "\" must be a map");
        }
        if (!map.containsKey("params") || !map.containsKey("template")) {
            String example = name + ":\n              template: This is var1 template var2\n              params:\n"
                    + "                var1: a\n                var2: string";
            throw fail("\"" + name + "\" syntax should be " + example);
        }
        return map.get("params");
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object text = Snippets.resolveRaw(template, context);
        Object mapping = Snippets.resolveRaw(params, context);
        if (!(text instanceof String s)) {
            throw fail("\"" + name() + "\" template must be a string");
        }
        if (!(mapping instanceof Map<?, ?> map)) {
            throw fail("\"" + name() + "\" params must be a map");
        }
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(k -> keys.add((String) k));
        keys.sort(Comparator.<String>comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        Set<String> unreplaced = new LinkedHashSet<>(keys);
        List<String> pieces = replace(List.of(s), keys, 0, map, unreplaced);
        if (mode.strict() && !unreplaced.isEmpty()) {
            throw fail("The following params were not found in the template: " + String.join(",", unreplaced));
        }
        return pieces.get(0);
    }

    private List<String> replace(List<String> strings, List<String> keys, int from, Map<?, ?> map,
                                 Set<String> unreplaced) {
        if (from == keys.size()) {
            return strings;
        }
        String placeholder = keys.get(from);
        String value = replacement(map.get(placeholder), placeholder);
        List<String> out = new ArrayList<>(strings.size());
        for (String s : strings) {
            List<String> parts = split(s, placeholder);
            if (parts.size() > 1) {
                unreplaced.remove(placeholder);
            }
            out.add(String.join(value, replace(parts, keys, from + 1, map, unreplaced)));
        }
        return out;
    }

    /** Python's {@code str.split(sep)} for a non-empty separator. */
    static List<String> split(String s, String separator) {
        List<String> parts = new ArrayList<>();
        if (separator.isEmpty()) {
            throw fail("empty separator");
        }
        int start = 0;
        int at;
        while ((at = s.indexOf(separator, start)) >= 0) {
            parts.add(s.substring(start, at));
            start = at + separator.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    private String replacement(Object value, String param) {
        if (mode == Mode.PLAIN) {
            if (value == null) {
                return "";
            }
            if (!(value instanceof String) && !Py.isNumber(value)) {
                throw fail("\"" + name() + "\" params must be strings or numbers, param " + param + " is not valid");
            }
            return Py.str(value);
        }
        boolean allowEmpty = mode != Mode.VERY_STRICT;
        if (value == null) {
            if (allowEmpty) {
                return "";
            }
            throw emptyValue(param);
        }
        String text;
        if (value instanceof String || Py.isNumber(value)) {
            text = Py.str(value);
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (!allowEmpty && !Py.truthy(value)) {
                throw emptyValue(param);
            }
            text = Py.jsonDumps(value, true);
        } else {
            throw fail("\"" + name() + "\" params must be strings, numbers, list or map.");
        }
        if (!allowEmpty && text.isEmpty()) {
            throw emptyValue(param);
        }
        return text;
    }

    private ArgumentException emptyValue(String param) {
        return fail(name() + " has an undefined or empty value for param " + param
                + ", must be a defined non-empty value");
    }
}
