package dev.overcast.orchestration.template.functions;

import java.util.List;

import dev.overcast.orchestration.template.ResolutionContext;

/** {@code resource_facade: metadata|deletion_policy|update_policy}, answered by the engine. */
final class ResourceFacade extends Function {

    private static final List<String> ATTRIBUTES = List.of("metadata", "deletion_policy", "update_policy");

    ResourceFacade(String name, Object args) {
        super(name, args);
        if (!ATTRIBUTES.contains(args)) {
            throw fail("Incorrect arguments to \"" + name + "\" should be one of: " + String.join(", ", ATTRIBUTES));
        }
    }

    @Override
    public boolean needsEngine() {
        return true;
    }

    @Override
    public Object resolve(ResolutionContext context) {
        return context.resourceFacade((String) args());
    }
}
