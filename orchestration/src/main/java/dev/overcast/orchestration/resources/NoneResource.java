package dev.overcast.orchestration.resources;

import java.util.Map;

/** OS::Heat::None: a placeholder that accepts any properties and does nothing. */
final class NoneResource implements ResourcePlugin {
    @Override
    public String type() {
        return "OS::Heat::None";
    }

    @Override
    public String description() {
        return "Enables easily disabling certain resources via the resource_registry.";
    }

    @Override
    public Map<String, PropertySchema> properties() {
        return Map.of();
    }

    @Override
    public Map<String, AttributeSchema> attributes() {
        return Map.of();
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        return new Applied(context.physicalName(name), Map.of());
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        return new Applied(current.physicalId(), current.data());
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        // Nothing exists outside the database.
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return null;
    }
}
