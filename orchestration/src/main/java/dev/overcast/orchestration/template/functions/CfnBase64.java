package dev.overcast.orchestration.template.functions;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code Fn::Base64: string}: Heat returns the string unchanged (the consumer encodes). */
final class CfnBase64 extends Function {

    CfnBase64(String name, Object args) {
        super(name, args);
    }

    @Override
    public Object resolve(ResolutionContext context) {
        Object value = Snippets.resolveRaw(args(), context);
        if (!(value instanceof String)) {
            throw fail("Arguments to \"" + name() + "\" not fully resolved");
        }
        return value;
    }
}
