package dev.overcast.orchestration.template.functions;

import java.util.List;
import java.util.Optional;

import dev.overcast.orchestration.template.AttributePath;
import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.TemplateVersion;
import dev.overcast.orchestration.template.functions.SnippetParser.FunctionCall;

/**
 * {@code get_attr: [resource, attribute, path...]}. In 2013-05-23 the path is applied here
 * (Heat's {@code GetAttThenSelect}); later the resource applies it. From 2015-10-15
 * {@code get_attr: [resource]} gives all attributes.
 */
final class GetAttr extends Function {

    private enum Variant { THEN_SELECT, PATH, ALL_ATTRIBUTES }

    private final Variant variant;
    private final Object resource;
    private final Object attribute;
    private final List<Object> path;

    private GetAttr(String name, Object args, Variant variant) {
        super(name, args);
        this.variant = variant;
        if (variant == Variant.ALL_ATTRIBUTES && !Py.truthy(args)) {
            throw fail("Arguments to \"" + name + "\" can be of the next forms: [resource_name] or "
                    + "[resource_name, attribute, (path), ...]");
        }
        if (!(args instanceof List<?> list)) {
            throw fail("Argument to \"" + name + "\" must be a list");
        }
        if (list.size() < 2 && !(variant == Variant.ALL_ATTRIBUTES && list.size() == 1)) {
            throw fail("Arguments to \"" + name + "\" must be of the form [resource_name, attribute, (path), ...]");
        }
        this.resource = list.get(0);
        this.attribute = list.size() > 1 ? list.get(1) : null;
        this.path = list.size() > 2 ? List.copyOf(list.subList(2, list.size()).stream()
                .map(o -> o == null ? (Object) "" : o).toList()) : List.of();
    }

    static GetAttr create(FunctionCall call) {
        TemplateVersion v = call.scope().version();
        Variant variant = v.atLeast(TemplateVersion.V2015_10_15) ? Variant.ALL_ATTRIBUTES
                : v.atLeast(TemplateVersion.V2014_10_16) ? Variant.PATH : Variant.THEN_SELECT;
        return new GetAttr(call.name(), call.args(), variant);
    }

    @Override
    public void validate(ValidationScope scope) {
        Snippets.staticValue(resource).ifPresent(scope::requireResource);
    }

    @Override
    public Optional<String> reference() {
        return Snippets.staticValue(resource).filter(String.class::isInstance).map(String.class::cast);
    }

    /** @return the resource name, when it needs no run-time facts */
    String resourceName() {
        return Snippets.staticValue(resource).map(Py::str).orElse(null);
    }

    @Override
    public boolean needsEngine() {
        return true;
    }

    @Override
    public Object resolve(ResolutionContext context) {
        String name = Py.str(Snippets.resolveRaw(resource, context));
        if (attribute == null) {
            return context.allAttributes(name);
        }
        String attr = Py.str(Snippets.resolveRaw(attribute, context));
        @SuppressWarnings("unchecked")
        List<Object> resolvedPath = (List<Object>) Snippets.resolveRaw(path, context);
        if (variant == Variant.THEN_SELECT) {
            Object value = context.attribute(name, attr, List.of());
            return value == null ? null : AttributePath.select(value, resolvedPath);
        }
        return context.attribute(name, attr, resolvedPath);
    }
}
