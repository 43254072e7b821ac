package dev.overcast.orchestration.template.functions;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code str_split: [delimiter, string, (index)]} (and 2013-05-23's {@code Fn::Split}). */
final class StrSplit extends Function {

    private final boolean withIndex;
    private final String example;

    StrSplit(String name, Object args, boolean withIndex) {
        super(name, args);
        this.withIndex = withIndex;
        this.example = "\"" + name + "\" : [ \",\", \"apples,pears\"" + (withIndex ? ", <index>]" : "]");
        if (args instanceof String || args instanceof Map<?, ?>) {
            throw fail("Incorrect arguments to \"" + name + "\" should be: " + example);
        }
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object args = Snippets.resolveRaw(args(), context);
        if (!(args instanceof List<?> list) || list.size() < 2 || (!withIndex && list.size() > 2)) {
            throw fail("Incorrect arguments to \"" + name() + "\" should be: " + example);
        }
        Object delim = list.get(0);
        Object text = list.get(1);
        if (text == null) {
            return null;
        }
        if (!(text instanceof String s)) {
            throw fail("'" + Py.shortTypeName(text) + "' object has no attribute 'split'");
        }
        if (!(delim instanceof String d)) {
            throw fail("must be str or None, not " + Py.shortTypeName(delim));
        }
        List<String> parts = StrReplace.split(s, d);
        if (list.size() < 3) {
            return parts;
        }
        int index;
        try {
            index = Py.toNumber(list.get(2)).intValue();
            if (!(list.get(2) instanceof Integer) && !(list.get(2) instanceof String str && str.strip().matches("[+-]?\\d+"))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw fail("Incorrect index to \"" + name() + "\" should be: " + example);
        }
        int at = index < 0 ? index + parts.size() : index;
        if (at < 0 || at >= parts.size()) {
            throw fail("Incorrect index to \"" + name() + "\" should be between 0 and " + (parts.size() - 1));
        }
        return parts.get(at);
    }
}
