package dev.overcast.orchestration.template.functions;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;

/** A function of another HOT version (Heat's {@code Removed}): refused when validated. */
final class Unavailable extends Function {

    Unavailable(String name, Object args) {
        super(name, args);
    }

    private TemplateException error() {
        return TemplateException.invalidVersion("The function " + name() + " is not supported in this version of HOT.");
    }

    @Override
    public void validate(ValidationScope scope) {
        throw error();
    }

    @Override
    public Object resolve(ResolutionContext context) {
        throw error();
    }
}
