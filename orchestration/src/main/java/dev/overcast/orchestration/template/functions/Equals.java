package dev.overcast.orchestration.template.functions;

import java.util.List;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code equals: [a, b]}: Python equality of the two resolved values. */
final class Equals extends Function {

    private final Object first;
    private final Object second;

    Equals(String name, Object args) {
        super(name, args);
        if (!(args instanceof List<?> list) || list.size() != 2) {
            throw fail("Arguments to \"" + name + "\" must be of the form: [value_1, value_2]");
        }
        this.first = list.get(0);
        this.second = list.get(1);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        return Py.equal(Snippets.resolveRaw(first, context), Snippets.resolveRaw(second, context));
    }
}
