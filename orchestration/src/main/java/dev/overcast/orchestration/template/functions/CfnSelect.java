package dev.overcast.orchestration.template.functions;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code Fn::Select: [index, collection]} (HOT before 2015-10-15). */
final class CfnSelect extends Function {

    private final Object index;
    private final Object collection;

    CfnSelect(String name, Object args) {
        super(name, args);
        if (!(args instanceof List<?> list) || list.size() != 2) {
            throw fail("Arguments to \"" + name + "\" must be of the form [index, collection]");
        }
        this.index = list.get(0);
        this.collection = list.get(1);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object lookup = Snippets.resolveRaw(index, context);
        Object strings = Snippets.resolveRaw(collection, context);
        if (strings == null) {
            return "";
        }
        if (strings instanceof List<?> list) {
            int i;
            try {
                i = Py.toNumber(lookup).intValue();
            } catch (IllegalArgumentException e) {
                throw fail("Index to \"" + name() + "\" must be an integer");
            }
            return i >= 0 && i < list.size() ? list.get(i) : "";
        }
        if (strings instanceof Map<?, ?> map) {
            if (!(lookup instanceof String key)) {
                throw fail("Index to \"" + name() + "\" must be a string");
            }
            return map.containsKey(key) ? map.get(key) : "";
        }
        throw fail("Arguments to \"" + name() + "\" not fully resolved");
    }
}
