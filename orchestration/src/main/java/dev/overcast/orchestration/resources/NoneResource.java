package dev.overcast.orchestration.resources;

import java.util.Map;

/** OS::Heat::None: a placeholder that accepts any properties and does nothing. */
final class NoneResource extends DeclaredResource {
    NoneResource() {
        super("OS::Heat::None", "Enables easily disabling certain resources via the resource_registry.",
                Map.of(), Map.of());
    }

    @Override
    public boolean acceptsAnyProperties() {
        return true;
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
