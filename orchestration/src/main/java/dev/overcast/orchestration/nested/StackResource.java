package dev.overcast.orchestration.nested;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.AttributeSchema;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.template.functions.Py;

/**
 * OS::Heat::Stack: a stack made from the {@code template} property with the {@code parameters}
 * property as its values. Its outputs are the {@code outputs} attribute, and each one is also
 * an attribute of its own name ({@code get_attr: [res, out]}). Heat makes it through the Heat
 * API of a region; here it is a nested stack of the same deployment (a {@code context} with
 * another region is refused).
 */
final class StackResource extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("context", PropertySchema.of(PropertyType.MAP, "Context for this stack.")
                .withEntries(Map.of("region_name", PropertySchema.of(PropertyType.STRING,
                        "Region name in which this stack will be created."))));
        p.put("template", PropertySchema.of(PropertyType.STRING, "Template that specifies the stack to be created as "
                + "a resource.").asRequired().updatable());
        p.put("timeout", PropertySchema.of(PropertyType.INTEGER, "Number of minutes to wait for this stack creation.")
                .updatable());
        p.put("parameters", PropertySchema.of(PropertyType.MAP, "Set of parameters passed to this stack.")
                .withDefault(Map.of()).updatable());
        return java.util.Collections.unmodifiableMap(p);
    }

    StackResource() {
        super("OS::Heat::Stack", "A resource for managing a stack, in this region.",
                PROPERTIES, Map.of("stack_name", new AttributeSchema("Name of the stack.", PropertyType.STRING),
                "outputs", new AttributeSchema("A dict of key-value pairs output from the stack.", PropertyType.MAP)));
    }

    @Override
    public boolean acceptsAttribute(String attribute) {
        return true;
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        checkRegion(properties);
        NestedStacks nested = context.services().require(NestedStacks.class);
        String id = nested.create(name, definition(properties), context);
        return new Applied(id, snapshot(nested, id));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        checkRegion(properties);
        NestedStacks nested = context.services().require(NestedStacks.class);
        nested.update(current.physicalId(), definition(properties), context);
        return new Applied(current.physicalId(), snapshot(nested, current.physicalId()));
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        context.services().require(NestedStacks.class).delete(current.physicalId(), context);
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return switch (attribute) {
            case "stack_name" -> state.data().get("stack_name");
            case "outputs" -> state.data().get("outputs");
            default -> state.data().get("outputs") instanceof Map<?, ?> outputs ? outputs.get(attribute) : null;
        };
    }

    private static void checkRegion(Map<String, Object> properties) {
        if (properties.get("context") instanceof Map<?, ?> ctx && ctx.get("region_name") != null) {
            throw new dev.overcast.orchestration.resources.ResourceFailure("NotSupported",
                    "A stack in another region (" + Py.str(ctx.get("region_name"))
                            + ") is not supported by Overcast.");
        }
    }

    private static NestedStacks.Definition definition(Map<String, Object> properties) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (properties.get("parameters") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> parameters.put(Py.str(k), v));
        }
        Integer timeout = properties.get("timeout") == null ? null : Py.toNumber(properties.get("timeout")).intValue();
        return new NestedStacks.Definition(Py.str(properties.get("template")), parameters, timeout);
    }

    /** The child's name and outputs as they stand, stored with the resource. */
    static Map<String, Object> snapshot(NestedStacks nested, String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("outputs", nested.outputs(id));
        data.put("stack_name", nested.name(id));
        return data;
    }
}
