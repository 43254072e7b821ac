package dev.overcast.orchestration.template.functions;

import java.util.ArrayList;
import java.util.List;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code filter: [values, list]}: the list without the values. */
final class Filter extends Function {

    private final Object values;
    private final Object sequence;

    Filter(String name, Object args) {
        super(name, args);
        if (!(args instanceof List<?> list)) {
            throw fail("Argument to \"" + name + "\" must be a list");
        }
        if (list.size() != 2) {
            throw fail("\"" + name + "\" expected 2 arguments of the form [values, sequence] but got "
                    + list.size() + " arguments instead");
        }
        this.values = list.get(0);
        this.sequence = list.get(1);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object seq = Snippets.resolveRaw(sequence, context);
        if (!Py.truthy(seq)) {
            return seq;
        }
        if (!(seq instanceof List<?> list)) {
            throw fail("\"" + name() + "\" only works with lists");
        }
        Object remove = Snippets.resolveRaw(values, context);
        if (!Py.truthy(remove)) {
            return seq;
        }
        if (!(remove instanceof List<?> removeList)) {
            throw fail("\"" + name() + "\" filters a list of values");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : list) {
            if (!Py.in(item, removeList)) {
                out.add(item);
            }
        }
        return out;
    }
}
