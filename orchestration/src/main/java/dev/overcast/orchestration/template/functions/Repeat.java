package dev.overcast.orchestration.template.functions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateVersion;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/**
 * {@code repeat: {template, for_each, (permutations)}}: one copy of the template per combination
 * of the for_each values (all combinations; or, with {@code permutations: false}, the values
 * taken side by side). From 2016-10-14 a for_each value may be a map (its keys are used).
 */
final class Repeat extends Function {

    private final boolean mapsAllowed;
    private final boolean nestedLoop;
    private final Object forEach;
    private final Object template;

    private Repeat(String name, Object args, boolean mapsAllowed, boolean permutationsKey) {
        super(name, args);
        if (!(args instanceof Map<?, ?> map)) {
            throw fail("Arguments to \"" + name + "\" must be a map");
        }
        if (!map.containsKey("for_each") || !map.containsKey("template")) {
            throw fail("\"repeat\" syntax should be repeat:\n              template: This is %var%\n"
                    + "              for_each:\n                %var%: ['a', 'b', 'c']");
        }
        this.forEach = map.get("for_each");
        this.template = map.get("template");
        Object permutations = permutationsKey && map.containsKey("permutations") ? map.get("permutations") : Boolean.TRUE;
        if (!(permutations instanceof Boolean b)) {
            throw fail("\"permutations\" should be boolean type for " + name + " function.");
        }
        this.nestedLoop = b;
        this.mapsAllowed = mapsAllowed;
    }

    static Repeat create(FunctionCall call) {
        TemplateVersion v = call.scope().version();
        return new Repeat(call.name(), call.args(), v.atLeast(TemplateVersion.V2016_10_14),
                v.atLeast(TemplateVersion.V2017_09_01));
    }

    @Override
    public void validate(ValidationScope scope) {
        if (!(forEach instanceof Function) && !(forEach instanceof Map<?, ?>)) {
            throw fail("The \"for_each\" argument to \"" + name() + "\" must contain a map");
        }
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object resolved = Snippets.resolveRaw(forEach, context);
        if (!(resolved instanceof Map<?, ?> map)) {
            throw fail("The \"for_each\" argument to \"" + name() + "\" must contain a map");
        }
        List<String> keys = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        Set<Integer> lengths = new HashSet<>();
        map.forEach((k, v) -> {
            keys.add((String) k);
            if (v == null) {
                values.add(List.of());
                return;
            }
            List<Object> items = items(v);
            values.add(items);
            lengths.add(items.size());
        });
        if (!nestedLoop && lengths.size() > 1) {
            throw fail("For " + name() + ", the length of for_each values should be equal if no nested loop.");
        }
        Object body = Snippets.resolveRaw(template, context);
        List<Object> out = new ArrayList<>();
        for (List<Object> combination : nestedLoop ? product(values) : zip(values)) {
            out.add(substitute(keys, combination, body));
        }
        return out;
    }

    private List<Object> items(Object value) {
        boolean maps = mapsAllowed && nestedLoop;
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (maps && value instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        throw fail("The values of the \"for_each\" argument to \"" + name() + "\" must be lists"
                + (maps ? " or maps" : ""));
    }

    private static List<List<Object>> product(List<List<Object>> values) {
        List<List<Object>> result = new ArrayList<>();
        result.add(List.of());
        for (List<Object> options : values) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : result) {
                for (Object option : options) {
                    List<Object> combination = new ArrayList<>(prefix);
                    combination.add(option);
                    next.add(combination);
                }
            }
            result = next;
        }
        return result;
    }

    private static List<List<Object>> zip(List<List<Object>> values) {
        int size = values.stream().mapToInt(List::size).min().orElse(0);
        List<List<Object>> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> v : values) {
                row.add(v.get(i));
            }
            result.add(row);
        }
        return result;
    }

    private static Object substitute(List<String> keys, List<Object> values, Object body) {
        if (body instanceof String s) {
            for (int i = 0; i < keys.size(); i++) {
                s = s.replace(keys.get(i), Py.str(values.get(i)));
            }
            return s;
        }
        if (body instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(substitute(keys, values, item)));
            return out;
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) substitute(keys, values, k), substitute(keys, values, v)));
            return out;
        }
        return body;
    }
}
