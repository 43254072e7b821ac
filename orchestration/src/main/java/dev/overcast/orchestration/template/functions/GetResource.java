package dev.overcast.orchestration.template.functions;

import java.util.Optional;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;

/** {@code get_resource: name}: the resource's reference id. */
final class GetResource extends Function {

    GetResource(String name, Object args) {
        super(name, args);
    }

    @Override
    public void validate(ValidationScope scope) {
        Snippets.staticValue(args()).ifPresent(scope::requireResource);
    }

    @Override
    public Optional<String> reference() {
        return Snippets.staticValue(args()).filter(String.class::isInstance).map(String.class::cast);
    }

    @Override
    public boolean needsEngine() {
        return true;
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
