package dev.overcast.orchestration.resources;

import java.util.Map;

/**
 * What a plugin knows of one of its resources: enough to compute attributes and to update or
 * delete it, all of it stored with the resource.
 *
 * @param name       the resource's name in its stack
 * @param physicalId its physical id, or null before it exists
 * @param properties the properties it was last created or updated with (defaults applied)
 * @param data       what the plugin stored on create or update (RandomString's value, ...)
 */
public record ResourceState(String name, String physicalId, Map<String, Object> properties,
                            Map<String, Object> data) {
    public ResourceState {
        properties = properties == null ? Map.of() : properties;
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** The state a stored resource row holds. */
    public static ResourceState of(dev.overcast.orchestration.stacks.ResourceRow row) {
        return new ResourceState(row.name(), row.physicalId(), row.properties(), row.data());
    }
}
