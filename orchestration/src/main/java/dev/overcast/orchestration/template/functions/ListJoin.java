package dev.overcast.orchestration.template.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.ResolutionContext;

/**
 * {@code list_join: [delimiter, list, ...]}. Before 2015-10-15 (and for {@code Fn::Join}) exactly
 * one list of strings; from 2015-10-15 several lists, and maps or lists inside become JSON.
 */
final class ListJoin extends Function {

    private final boolean multiple;
    private final Object delimiter;
    private final List<?> lists;

    private ListJoin(String name, Object args, boolean multiple) {
        super(name, args);
        this.multiple = multiple;
        String example = "\"" + name + "\" : [ \" \", [ \"str1\", \"str2\"]" + (multiple ? " ...]" : "]");
        String message = "Incorrect arguments to \"" + name + "\" should be: " + example;
        if (!(args instanceof List<?> list)) {
            throw fail(message);
        }
        if (multiple ? list.size() < 2 : list.size() != 2) {
            throw fail(message);
        }
        this.delimiter = list.get(0);
        this.lists = list.subList(1, list.size());
    }

    static ListJoin single(String name, Object args) {
        return new ListJoin(name, args, false);
    }

    static ListJoin multiple(String name, Object args) {
        return new ListJoin(name, args, true);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        List<Object> strings = new ArrayList<>();
        for (Object raw : lists) {
            Object list = Snippets.resolveRaw(raw, context);
            if (list == null || (multiple && !Py.truthy(list))) {
                continue;
            }
            if (!(list instanceof List<?> items)) {
                throw fail("\"" + name() + "\" must operate on a list");
            }
            strings.addAll(items);
        }
        Object delim = Snippets.resolveRaw(delimiter, context);
        if (!(delim instanceof String d)) {
            throw fail("\"" + name() + "\" delimiter must be a string");
        }
        List<String> parts = new ArrayList<>(strings.size());
        for (Object s : strings) {
            parts.add(text(s));
        }
        return String.join(d, parts);
    }

    private String text(Object s) {
        if (s == null) {
            return "";
        }
        if (s instanceof String str) {
            return str;
        }
        String repr = Py.repr(s);
        repr = repr.length() > 200 ? repr.substring(0, 200) : repr;
        if (!multiple) {
            throw fail("Items to join must be strings not " + repr);
        }
        if (s instanceof Map<?, ?> || s instanceof List<?>) {
            return Py.jsonDumps(s, true);
        }
        throw fail("Items to join must be string, map or list not " + repr);
    }
}
