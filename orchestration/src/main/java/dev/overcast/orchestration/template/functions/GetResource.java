package dev.overcast.orchestration.template.functions;

import java.util.Set;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;

/** {@code get_resource: name}: the resource's reference id. */
final class GetResource extends Function {

    GetResource(String name, Object args) {
        super(name, args);
    }

    @Override
    public void validate(ValidationScope scope) {
        super.validate(scope);
        Snippets.staticValue(args()).ifPresent(value -> {
            if (!(value instanceof String s) || !scope.resources().contains(s)) {
                throw TemplateException.invalidReference(Py.str(value), scope.key());
            }
        });
    }

    @Override
    public void dependencies(Set<String> into) {
        super.dependencies(into);
        Snippets.staticValue(args()).filter(String.class::isInstance).ifPresent(v -> into.add((String) v));
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object name = Snippets.resolveRaw(args(), context);
        if (!(name instanceof String s)) {
            throw TemplateException.invalidReference(Py.str(name), "unknown");
        }
        return context.resourceRef(s);
    }
}
