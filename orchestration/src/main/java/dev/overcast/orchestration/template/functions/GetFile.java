package dev.overcast.orchestration.template.functions;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/** {@code get_file: path}: the contents of a file sent with the template. */
final class GetFile extends Function {

    private final TemplateScope scope;

    GetFile(FunctionCall call) {
        super(call.name(), call.args());
        this.scope = call.scope();
    }

    @Override
    public void validate(ValidationScope validation) {
        if (!Snippets.hasFunctions(args())) {
            resolve(ResolutionContext.STATIC);
        }
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object key = Snippets.resolveRaw(args(), context);
        if (!(key instanceof String path)) {
            throw fail("Argument to \"" + name() + "\" must be a string");
        }
        String contents = scope.files().get(path);
        if (contents == null) {
            throw fail("No content found in the \"files\" section for " + name() + " path: " + path);
        }
        return contents;
    }
}
