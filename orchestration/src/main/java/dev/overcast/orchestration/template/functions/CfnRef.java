package dev.overcast.orchestration.template.functions;

import java.util.Optional;

import dev.overcast.orchestration.template.ResolutionContext;
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
        Snippets.staticValue(args()).filter(v -> !isParameter(v)).ifPresent(validation::requireResource);
    }

    @Override
    public Optional<String> reference() {
        return Snippets.staticValue(args()).filter(v -> v instanceof String && !isParameter(v)).map(String.class::cast);
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
