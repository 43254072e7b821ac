package dev.overcast.orchestration.template.functions;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/** {@code get_param: name} or {@code get_param: [name, path...]}. */
final class GetParam extends Function {

    private final TemplateScope scope;

    GetParam(FunctionCall call) {
        super(call.name(), call.args());
        this.scope = call.scope();
    }

    @Override
    public void validate(ValidationScope validation) {
        Object args = args();
        Object first = args instanceof List<?> list && !list.isEmpty() ? list.get(0) : args;
        if (first instanceof String name && !scope.hasParameter(name)) {
            throw TemplateException.parameterMissing(name);
        }
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object args = Snippets.resolveRaw(args(), context);
        if (!Py.truthy(args)) {
            throw fail("Function \"" + name() + "\" must have arguments");
        }
        Object paramName;
        List<?> path;
        if (args instanceof String s) {
            paramName = s;
            path = List.of();
        } else if (args instanceof List<?> list) {
            paramName = list.get(0);
            path = list.subList(1, list.size());
        } else {
            throw fail("Argument to \"" + name() + "\" must be string or list");
        }
        if (!(paramName instanceof String name)) {
            throw fail("Parameter name in \"" + name() + "\" must be string");
        }
        Object value = scope.parameterValue(name);
        for (Object key : path) {
            value = step(value, key);
            if (value == NOT_FOUND) {
                return "";
            }
        }
        return value;
    }

    private static final Object NOT_FOUND = new Object();

    /** One step of Heat's path walk; any failure makes the whole get_param an empty string. */
    private static Object step(Object collection, Object key) {
        if (collection instanceof Map<?, ?> map) {
            return map.containsKey(key) ? map.get(key) : NOT_FOUND;
        }
        int size = collection instanceof List<?> list ? list.size()
                : collection instanceof String s ? s.length() : -1;
        Integer index = size < 0 ? null : index(key, size);
        if (index == null) {
            return NOT_FOUND;
        }
        return collection instanceof List<?> list ? list.get(index)
                : String.valueOf(((String) collection).charAt(index));
    }

    private static Integer index(Object key, int size) {
        long i;
        if (key instanceof Integer || key instanceof Long) {
            i = ((Number) key).longValue();
        } else if (key instanceof String s && s.strip().matches("[+-]?\\d{1,9}")) {
            i = Long.parseLong(s.strip());
        } else {
            return null;
        }
        if (i < 0) {
            i += size;
        }
        return i >= 0 && i < size ? (int) i : null;
    }
}
