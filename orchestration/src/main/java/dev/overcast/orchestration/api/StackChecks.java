package dev.overcast.orchestration.api;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.engine.StackContext;
import dev.overcast.orchestration.resources.Properties;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.template.ResourceDefinition;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.TemplateInput;
import dev.overcast.orchestration.template.environment.Environment;
import dev.overcast.orchestration.template.environment.ResolvedType;
import dev.overcast.orchestration.template.functions.Function;

/**
 * Heat's resource validation before a stack runs: every type exists, and every property the
 * template gives is known, of the right type and within its constraints (values that come
 * from other resources are checked when the engine resolves them).
 */
final class StackChecks {
    /** Heat's default {@code max_nested_stack_depth}. */
    private static final int NESTED_DEPTH = 5;
    private final ResourceTypes types;

    StackChecks(ResourceTypes types) {
        this.types = types;
    }

    void check(Template template) {
        check(template, true);
    }

    /**
     * @param valuesRequired false for {@code template validate}, where parameters may have no
     *                       value: a resource whose properties need one is not checked, as in Heat
     */
    void check(Template template, boolean valuesRequired) {
        check(template, valuesRequired, 0);
    }

    private void check(Template template, boolean valuesRequired, int depth) {
        StackContext none = new StackContext(types, List.of());
        for (ResourceDefinition def : template.resources().values()) {
            ResourcePlugin plugin = plugin(template, def);
            Map<String, Object> given;
            try {
                given = def.resolveProperties(new Unresolved(none));
            } catch (dev.overcast.orchestration.template.TemplateException e) {
                if (valuesRequired || e.type() != dev.overcast.orchestration.template.TemplateException.Type.UserParameterMissing) {
                    throw e;
                }
                continue;
            }
            Properties.validate(def.name(), plugin, given == null ? Map.of() : given, true);
            if (template.resolvedType(def.name()) instanceof ResolvedType.TemplateResource t) {
                checkNested(template, def.name(), t.path(), depth + 1);
            }
        }
        for (ResourceDefinition def : template.resources().values()) {
            attributes(template, def.properties());
            attributes(template, def.metadata());
        }
        template.outputs().values().forEach(o -> attributes(template, o.value()));
    }

    /**
     * A template resource's template is checked as Heat checks a nested stack before the parent
     * runs: with the parent's files and registry, its parameter values unknown, its problems
     * under the resource's path, and no deeper than Heat's {@code max_nested_stack_depth}.
     */
    private void checkNested(Template parent, String resourceName, String path, int depth) {
        if (depth > NESTED_DEPTH) {
            throw new TemplateException(TemplateException.Type.RequestLimitExceeded,
                    "Recursion depth exceeds " + NESTED_DEPTH + ".");
        }
        Environment env = parent.environment();
        Environment childEnv = new Environment(Map.of(), env.parameterDefaults(), env.resourceRegistry(),
                env.encryptedParamNames(), env.mergeStrategies());
        try {
            Template nested = Template.parse(TemplateInput.of(parent.files().get(path)).withFiles(parent.files())
                    .withEnvironment(childEnv).forValidation());
            check(nested, false, depth);
        } catch (TemplateException e) {
            if (e.type() == TemplateException.Type.RequestLimitExceeded) {
                throw e;
            }
            throw new TemplateException(e.type(), underResource(e.getMessage(), resourceName));
        }
    }

    /** {@code Property error: resources.r...: m} as {@code Property error: resources.<name>.resources.r...: m}. */
    static String underResource(String message, String resourceName) {
        String prefix = "resources." + resourceName + ".";
        if (message.startsWith("resources.")) {
            return prefix + message;
        }
        int at = message.indexOf(": resources.");
        return at < 0 ? message : message.substring(0, at + 2) + prefix + message.substring(at + 2);
    }

    /**
     * Heat's InvalidTemplateAttribute for a {@code get_attr} naming an attribute its resource's
     * type does not have (when both names are written out, not computed).
     */
    private void attributes(Template template, Object snippet) {
        switch (snippet) {
            case Map<?, ?> map -> map.values().forEach(v -> attributes(template, v));
            case List<?> list -> list.forEach(v -> attributes(template, v));
            case Function f -> {
                if ((f.name().equals("get_attr") || f.name().equals("Fn::GetAtt")) && f.args() instanceof List<?> args
                        && args.size() > 1 && args.get(0) instanceof String resource
                        && args.get(1) instanceof String attribute
                        && template.resources().containsKey(resource)) {
                    ResourcePlugin plugin = plugin(template, template.resource(resource));
                    if (!plugin.acceptsAttribute(attribute)) {
                        throw new HeatError(400, "InvalidTemplateAttribute", "The Referenced Attribute ("
                                + resource + " " + attribute + ") is incorrect.");
                    }
                }
                attributes(template, f.args());
            }
            case null, default -> {
            }
        }
    }

    private ResourcePlugin plugin(Template template, ResourceDefinition def) {
        ResolvedType resolved = template.resolvedType(def.name());
        return switch (resolved) {
            case ResolvedType.Plugin p -> types.find(p.type()).orElseThrow(() -> TemplateException.validation(
                    "Failed to validate", "resources." + def.name(), ResourceTypes.notFound(p.type())));
            case ResolvedType.TemplateResource t -> types.templateResource(def.type(), t.path(), template.files())
                    .orElseThrow(() -> TemplateException.validation("Failed to validate", "resources." + def.name(),
                            "Could not fetch remote template \"" + t.path() + "\": the stack's files have no such file."));
            case ResolvedType.Unregistered u -> throw TemplateException.validation(
                    "Failed to validate", "resources." + def.name(), ResourceTypes.notFound(u.type()));
        };
    }

    /** Before anything exists: references give names, attributes nothing. */
    private record Unresolved(StackContext context) implements dev.overcast.orchestration.template.ResolutionContext {
        @Override
        public String resourceRef(String resourceName) {
            return resourceName;
        }

        @Override
        public Object attribute(String resourceName, String attributeName, List<Object> path) {
            return null;
        }

        @Override
        public Map<String, Object> allAttributes(String resourceName) {
            return Map.of();
        }
    }
}
