package dev.overcast.orchestration.template.functions;

import java.util.Set;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/** {@code Ref: name} (2013-05-23): a parameter's value, else a resource's reference id. */
final class CfnRef extends Function {

    private final TemplateScope scope;

    CfnRef(FunctionCall call) {
        super(call.name(), call.args());
        this.scope = call.scope();
    }

    private boolean isParameter(Object name) {
        return name instanceof String s && scope.hasParameter(s);
    }

    @Override
    public void validate(ValidationScope validation) {
        super.validate(validation);
        Snippets.staticValue(args()).ifPresent(value -> {
            if (!isParameter(value) && !(value instanceof String s && validation.resources().contains(s))) {
                throw TemplateException.invalidReference(Py.str(value), validation.key());
            }
        });
    }

    @Override
    public void dependencies(Set<String> into) {
        super.dependencies(into);
        Snippets.staticValue(args()).filter(v -> v instanceof String && !isParameter(v))
                .ifPresent(v -> into.add((String) v));
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object name = Snippets.resolveRaw(args(), context);
        if (isParameter(name)) {
            return scope.parameterValue((String) name);
        }
        return context.resourceRef(Py.str(name));
    }
}
