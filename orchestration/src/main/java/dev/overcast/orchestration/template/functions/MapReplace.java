package dev.overcast.orchestration.template.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code map_replace: [map, {keys: {...}, values: {...}}]}: renames keys and replaces values. */
final class MapReplace extends Function {

    private final String example;

    MapReplace(String name, Object args) {
        super(name, args);
        this.example = "\"" + name + "\" : [ { \"key1\": \"val1\" }, "
                + "{\"keys\": {\"key1\": \"key2\"}, \"values\": {\"val1\": \"val2\"}}]";
    }

    private Map<?, ?> ensureMap(Object m) {
        if (m == null) {
            return Map.of();
        }
        if (m instanceof Map<?, ?> map) {
            return map;
        }
        throw fail("Incorrect arguments: to \"" + name() + "\", arguments must be a list of maps. Example:  " + example);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object args = Snippets.resolveRaw(args(), context);
        String shape = "Incorrect arguments to \"" + name() + "\" should be: " + example;
        if (!(args instanceof List<?> list) || list.size() != 2) {
            throw fail(shape);
        }
        Map<?, ?> input = ensureMap(list.get(0));
        Map<?, ?> replacements = ensureMap(list.get(1));
        for (Object key : replacements.keySet()) {
            if (!"keys".equals(key) && !"values".equals(key)) {
                throw fail(shape);
            }
        }
        Map<?, ?> keys = ensureMap(replacements.get("keys"));
        Map<?, ?> values = ensureMap(replacements.get("values"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : input.entrySet()) {
            Object newKey = keys.get(e.getKey());
            if (newKey == null) {
                newKey = e.getKey();
            } else if (input.containsKey(newKey) && !newKey.equals(e.getKey())) {
                throw fail("key replacement " + Py.str(newKey) + " collides with a key in the input map");
            } else if (out.containsKey(Py.str(newKey))) {
                throw fail("key replacement " + Py.str(newKey) + " collides with a key in the output map");
            }
            Object value = e.getValue();
            if (value != null && !(value instanceof Map<?, ?>) && !(value instanceof List<?>) && values.containsKey(value)) {
                value = values.get(value);
            }
            out.put(Py.str(newKey), value);
        }
        return out;
    }
}
