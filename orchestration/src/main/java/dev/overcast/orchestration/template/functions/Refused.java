package dev.overcast.orchestration.template.functions;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;

/**
 * A function Heat has and Overcast deliberately does not (yaql, which needs a yaql interpreter;
 * the CloudFormation functions that need AWS concepts): refused when validated, clearly.
 */
final class Refused extends Function {

    private final String feature;

    Refused(String name, Object args, String feature) {
        super(name, args);
        this.feature = feature;
    }

    @Override
    public void validate(ValidationScope scope) {
        throw TemplateException.notSupported(feature);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        throw TemplateException.notSupported(feature);
    }
}
