package dev.overcast.orchestration.resources.nova;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.cloud.Lookups;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.AttributeSchema;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertyConstraint;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceState;
import tools.jackson.databind.JsonNode;

/**
 * OS::Nova::Flavor: a flavor, which only an admin may make (Nova's policy says so, not this
 * class). Its extra specs and the projects a private flavor is shared with change in place;
 * anything else makes a new flavor. Without a name it is named from its creation key (see
 * {@link Calls}), so a create run again finds the flavor the first run made.
 */
public final class NovaFlavor extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = Map.of(
            "name", new AttributeSchema("Name of the flavor.", PropertyType.STRING),
            "is_public", new AttributeSchema("Whether the flavor is shared across all projects.",
                    PropertyType.BOOLEAN));

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("name", PropertySchema.of(PropertyType.STRING, "Name of the flavor."));
        p.put("ram", PropertySchema.of(PropertyType.INTEGER, "Memory in MB for the flavor.").asRequired()
                .constrained(new PropertyConstraint.Range(1, null)));
        p.put("vcpus", PropertySchema.of(PropertyType.INTEGER, "Number of VCPUs for the flavor.").asRequired()
                .constrained(new PropertyConstraint.Range(1, null)));
        p.put("disk", PropertySchema.of(PropertyType.INTEGER, "Size of local disk in GB. The \"0\" size is a special"
                + " case that uses the native base image size as the size of the ephemeral root volume.")
                .withDefault(0).constrained(new PropertyConstraint.Range(0, null)));
        p.put("swap", PropertySchema.of(PropertyType.INTEGER, "Swap space in MB.").withDefault(0)
                .constrained(new PropertyConstraint.Range(0, null)));
        p.put("ephemeral", PropertySchema.of(PropertyType.INTEGER, "Size of a secondary ephemeral data disk in GB.")
                .withDefault(0).constrained(new PropertyConstraint.Range(0, null)));
        p.put("rxtx_factor", PropertySchema.of(PropertyType.NUMBER, "RX/TX factor.").withDefault(1.0));
        p.put("is_public", PropertySchema.of(PropertyType.BOOLEAN, "Scope of flavor accessibility. Public or"
                + " private. Default value is True, means public, shared across all projects.").withDefault(true));
        p.put("extra_specs", PropertySchema.of(PropertyType.MAP, "Key/Value pairs to extend the capabilities of the"
                + " flavor.").updatable());
        p.put("tenants", PropertySchema.of(PropertyType.LIST, "List of tenants.").withDefault(List.of()).updatable());
        return java.util.Collections.unmodifiableMap(p);
    }

    public NovaFlavor() {
        super("OS::Nova::Flavor", "A resource for creating OpenStack virtual hardware templates.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient compute = Calls.compute(context);
        String key = Calls.creationKey(context, name, properties);
        String flavorName = Calls.name(properties.get("name"), context, name, key);
        String id = properties.get("name") == null ? existing(compute, flavorName) : null;
        if (id == null) {
            Map<String, Object> flavor = new LinkedHashMap<>();
            flavor.put("name", flavorName);
            flavor.put("ram", properties.get("ram"));
            flavor.put("vcpus", properties.get("vcpus"));
            flavor.put("disk", properties.get("disk"));
            flavor.put("swap", properties.get("swap"));
            flavor.put("OS-FLV-EXT-DATA:ephemeral", properties.get("ephemeral"));
            flavor.put("rxtx_factor", properties.get("rxtx_factor"));
            flavor.put("os-flavor-access:is_public", properties.get("is_public"));
            id = compute.post("/flavors", Map.of("flavor", flavor)).path("flavor").path("id").asString();
        }
        reconcile(compute, id, properties);
        return new Applied(id, Map.of("name", flavorName));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        reconcile(Calls.compute(context), current.physicalId(), properties);
        return new Applied(current.physicalId(), current.data());
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Calls.compute(context).delete("/flavors/" + Lookups.encode(current.physicalId()));
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return switch (attribute) {
            case "name" -> state.data().get("name");
            case "is_public" -> state.properties().get("is_public");
            default -> null;
        };
    }

    private static String existing(ServiceClient compute, String flavorName) {
        for (JsonNode flavor : compute.get("/flavors/detail?is_public=None").path("flavors")) {
            if (flavor.path("name").asString().equals(flavorName)) {
                return flavor.path("id").asString();
            }
        }
        return null;
    }

    /**
     * Brings the flavor's extra specs and project access, as Nova has them now, to what the
     * properties say; a run again after a crash finds part of it done and does the rest.
     */
    private static void reconcile(ServiceClient compute, String id, Map<String, Object> properties) {
        String path = "/flavors/" + Lookups.encode(id);
        Map<String, String> wanted = Calls.strings(properties.get("extra_specs"));
        Map<String, String> actual = new LinkedHashMap<>();
        compute.get(path + "/os-extra_specs").path("extra_specs").properties()
                .forEach(e -> actual.put(e.getKey(), e.getValue().asString()));
        actual.keySet().stream().filter(k -> !wanted.containsKey(k))
                .forEach(k -> compute.delete(path + "/os-extra_specs/" + Lookups.encode(k)));
        if (!wanted.isEmpty() && !wanted.equals(actual)) {
            compute.post(path + "/os-extra_specs", Map.of("extra_specs", wanted));
        }
        if (Boolean.TRUE.equals(properties.get("is_public"))) {
            return;
        }
        List<String> tenants = properties.get("tenants") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
        List<String> granted = new java.util.ArrayList<>();
        compute.get(path + "/os-flavor-access").path("flavor_access")
                .forEach(a -> granted.add(a.path("tenant_id").asString()));
        granted.stream().filter(t -> !tenants.contains(t)).forEach(t -> compute.post(path + "/action",
                Map.of("removeTenantAccess", Map.of("tenant", t))));
        tenants.stream().filter(t -> !granted.contains(t)).forEach(t -> compute.post(path + "/action",
                Map.of("addTenantAccess", Map.of("tenant", t))));
    }
}
