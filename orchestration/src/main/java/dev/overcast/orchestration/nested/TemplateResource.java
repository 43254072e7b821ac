package dev.overcast.orchestration.nested;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.AttributeSchema;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.TemplateFormat;
import dev.overcast.orchestration.template.TemplateVersion;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.parameters.ParameterSchema;

/**
 * A template resource: a type that is a template file ({@code type: server.yaml}, or a type the
 * resource_registry maps to one). Its properties are the template's parameters (required when
 * they have no default, all of them updatable) and become the nested stack's parameter values;
 * its attributes are the template's outputs, plus {@code OS::stack_id}.
 */
final class TemplateResource implements ResourcePlugin {
    private final String type;
    private final String path;
    private final String text;
    private final Map<String, PropertySchema> properties;
    private final Map<String, AttributeSchema> attributes;

    /** @throws TemplateException when the file is no HOT template with valid parameters */
    TemplateResource(String type, String path, String text) {
        this.type = type;
        this.path = path;
        this.text = text;
        Map<String, Object> raw = TemplateFormat.parseTemplate(text);
        TemplateVersion version = TemplateVersion.fromValue(Py.str(raw.get(TemplateVersion.KEY)))
                .orElseThrow(() -> TemplateException.invalidVersion("The template " + path
                        + " has no valid " + TemplateVersion.KEY));
        Map<String, PropertySchema> props = new LinkedHashMap<>();
        if (raw.get("parameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((name, definition) -> props.put(Py.str(name),
                    property(ParameterSchema.parse(Py.str(name), definition, version))));
        }
        this.properties = java.util.Collections.unmodifiableMap(props);
        Map<String, AttributeSchema> attrs = new LinkedHashMap<>();
        if (raw.get("outputs") instanceof Map<?, ?> outputs) {
            outputs.forEach((name, definition) -> attrs.put(Py.str(name), new AttributeSchema(
                    definition instanceof Map<?, ?> d && d.get("description") != null ? Py.str(d.get("description"))
                            : "No description given", null)));
        }
        attrs.put("OS::stack_id", new AttributeSchema("The nested stack's id.", PropertyType.STRING));
        this.attributes = java.util.Collections.unmodifiableMap(attrs);
    }

    private static PropertySchema property(ParameterSchema p) {
        PropertyType t = switch (p.type()) {
            case STRING -> PropertyType.STRING;
            case NUMBER -> PropertyType.NUMBER;
            case COMMA_DELIMITED_LIST -> PropertyType.LIST;
            case JSON -> PropertyType.ANY;
            case BOOLEAN -> PropertyType.BOOLEAN;
        };
        PropertySchema s = PropertySchema.of(t, p.description() == null ? "" : p.description()).updatable();
        // The nested template applies its own defaults; a parameter without one must be given.
        return p.defaultValue() == null ? s.asRequired() : s;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String description() {
        return "A template resource made from " + path + ".";
    }

    @Override
    public Map<String, PropertySchema> properties() {
        return properties;
    }

    @Override
    public Map<String, AttributeSchema> attributes() {
        return attributes;
    }

    @Override
    public Applied create(String name, Map<String, Object> given, PluginContext context) {
        NestedStacks nested = context.services().require(NestedStacks.class);
        String id = nested.create(name, new NestedStacks.Definition(text, given, null), context);
        return new Applied(id, StackResource.snapshot(nested, id));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> given, PluginContext context) {
        NestedStacks nested = context.services().require(NestedStacks.class);
        nested.update(current.physicalId(), new NestedStacks.Definition(text, given, null), context);
        return new Applied(current.physicalId(), StackResource.snapshot(nested, current.physicalId()));
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        context.services().require(NestedStacks.class).delete(current.physicalId(), context);
    }

    /** As Heat: the template's {@code OS::stack_id} output when it has one, else the nested stack's id. */
    @Override
    public String referenceId(ResourceState state) {
        if (state.data().get("outputs") instanceof Map<?, ?> outputs && outputs.get("OS::stack_id") != null) {
            return Py.str(outputs.get("OS::stack_id"));
        }
        return ResourcePlugin.super.referenceId(state);
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        if (attribute.equals("OS::stack_id")) {
            return state.physicalId();
        }
        return state.data().get("outputs") instanceof Map<?, ?> outputs ? outputs.get(attribute) : null;
    }
}
