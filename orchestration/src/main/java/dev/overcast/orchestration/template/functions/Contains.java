package dev.overcast.orchestration.template.functions;

import java.util.List;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code contains: [value, sequence]}. */
final class Contains extends Function {

    private final Object value;
    private final Object sequence;

    Contains(String name, Object args) {
        super(name, args);
        if (!Py.truthy(args) || !(args instanceof List<?> list)) {
            throw fail("Incorrect arguments to \"" + name + "\" should be: \"" + name
                    + "\" : [ \"value1\", [ \"value1\", \"value2\"]]");
        }
        if (list.size() != 2) {
            throw fail("Arguments to \"" + name + "\" must be of the form: [value1, [value1, value2]]");
        }
        this.value = list.get(0);
        this.sequence = list.get(1);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object v = Snippets.resolveRaw(value, context);
        Object seq = Snippets.resolveRaw(sequence, context);
        if (seq instanceof List<?> list) {
            return Py.in(v, list);
        }
        if (seq instanceof String s) {
            if (!(v instanceof String sub)) {
                throw fail("'in <string>' requires string as left operand, not " + Py.shortTypeName(v));
            }
            return s.contains(sub);
        }
        throw fail("Second argument to \"" + name() + "\" should be a sequence.");
    }
}
