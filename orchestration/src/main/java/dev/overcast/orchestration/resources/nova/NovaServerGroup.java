package dev.overcast.orchestration.resources.nova;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertyConstraint;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceState;
import tools.jackson.databind.JsonNode;

/**
 * OS::Nova::ServerGroup: a server group whose policy servers name in their {@code group}
 * scheduler hint. Without a name it is named from its creation key (see {@link Calls}), so a
 * create run again finds the group the first run made by that name.
 */
public final class NovaServerGroup extends DeclaredResource {
    /** Server groups with a list of policies, the soft ones included (2.15), as Heat sends them. */
    private static final String VERSION = "2.15";
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("name", PropertySchema.of(PropertyType.STRING, "Server Group name."));
        p.put("policies", PropertySchema.of(PropertyType.LIST, "A list of string policies to apply. Defaults to"
                + " anti-affinity. Nova takes one policy per group.").withDefault(List.of("anti-affinity"))
                .constrained(new PropertyConstraint.AllowedValues(List.of(List.of("anti-affinity"),
                        List.of("affinity"), List.of("soft-anti-affinity"), List.of("soft-affinity")))));
        return java.util.Collections.unmodifiableMap(p);
    }

    public NovaServerGroup() {
        super("OS::Nova::ServerGroup", "A resource for managing a Nova server group.",
                PROPERTIES, Map.of());
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient compute = Calls.compute(context).microversion(VERSION);
        String key = Calls.creationKey(context, name, properties);
        String groupName = Calls.name(properties.get("name"), context, name, key);
        List<?> policies = (List<?>) properties.get("policies");
        if (properties.get("name") == null) {
            for (JsonNode group : compute.get("/os-server-groups").path("server_groups")) {
                if (group.path("name").asString().equals(groupName)) {
                    return new Applied(group.path("id").asString(), Map.of());
                }
            }
        }
        JsonNode made = compute.post("/os-server-groups", Map.of("server_group",
                Map.of("name", groupName, "policies", policies.stream().map(String::valueOf).toList())));
        return new Applied(made.path("server_group").path("id").asString(), Map.of());
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        // No property changes in place; the engine replaces instead.
        return new Applied(current.physicalId(), current.data());
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Calls.compute(context).delete("/os-server-groups/" + current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return null;
    }
}
