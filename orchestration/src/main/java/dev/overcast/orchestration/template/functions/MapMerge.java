package dev.overcast.orchestration.template.functions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code map_merge: [map, map, ...]}: later maps' keys win. */
final class MapMerge extends Function {

    MapMerge(String name, Object args) {
        super(name, args);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object args = Snippets.resolveRaw(args(), context);
        if (!(args instanceof List<?> list)) {
            throw fail("Incorrect arguments to \"" + name() + "\" should be: \"" + name()
                    + "\" : [ { \"key1\": \"val1\" }, { \"key2\": \"val2\" } ]");
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Object item : list) {
            if (item == null) {
                continue;
            }
            if (!(item instanceof Map<?, ?> map)) {
                throw fail("Incorrect arguments: Items to merge must be maps.");
            }
            map.forEach((k, v) -> merged.put((String) k, v));
        }
        return merged;
    }
}
