package dev.overcast.orchestration.resources.nova;

import java.util.ArrayList;
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
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;
import tools.jackson.databind.JsonNode;

/**
 * OS::Nova::Server over Compute's API, as the stack's user.
 *
 * <p>A create is safe to run again: the server carries its creation key (see {@link Calls}) as a
 * tag, so a second run finds the server the first one made and waits for it rather than making
 * another. A server that ends in ERROR is deleted before the step fails with Nova's fault: the
 * engine records a physical id only when a step succeeds, so a server left behind would outlive
 * its stack. {@code name} and {@code metadata} change in place, and {@code image} by a rebuild
 * unless {@code image_update_policy} is REPLACE; any other change replaces the server (Heat
 * resizes for a flavor change, which Compute cannot do yet).
 */
public final class NovaServer extends DeclaredResource {
    /** The server tag that carries the creation key. */
    private static final String TAG = "heat-";
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = attributeSchema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("name", PropertySchema.of(PropertyType.STRING, "Server name.").updatable());
        p.put("image", PropertySchema.of(PropertyType.STRING, "The ID or name of the image to boot with.")
                .updatable());
        p.put("image_update_policy", PropertySchema.of(PropertyType.STRING, "Policy on how to apply an image-id"
                + " update; either by requesting a server rebuild or by replacing the entire server.")
                .withDefault("REBUILD").updatable()
                .constrained(new PropertyConstraint.AllowedValues(List.of("REBUILD", "REPLACE",
                        "REBUILD_PRESERVE_EPHEMERAL"))));
        p.put("flavor", PropertySchema.of(PropertyType.STRING, "The ID or name of the flavor to boot onto.")
                .asRequired());
        p.put("key_name", PropertySchema.of(PropertyType.STRING, "Name of keypair to inject into the server."));
        p.put("availability_zone", PropertySchema.of(PropertyType.STRING,
                "Name of the availability zone for server placement."));
        p.put("security_groups", PropertySchema.of(PropertyType.LIST,
                "List of security group names or IDs. Cannot be used if neutron ports are associated with this server;"
                        + " assign security groups to the ports instead.").withDefault(List.of()));
        Map<String, PropertySchema> nic = new LinkedHashMap<>();
        nic.put("network", PropertySchema.of(PropertyType.STRING, "Name or ID of network to create a port on."));
        nic.put("uuid", PropertySchema.of(PropertyType.STRING, "ID of network to create a port on (deprecated: use"
                + " network)."));
        nic.put("port", PropertySchema.of(PropertyType.STRING, "ID of an existing port to associate with this server."));
        nic.put("fixed_ip", PropertySchema.of(PropertyType.STRING, "Fixed IP address to specify for the port created"
                + " on the requested network."));
        nic.put("allocate_network", PropertySchema.of(PropertyType.STRING,
                "The special string values of network, auto: means either a network that is already available to the"
                        + " project will be used, or if one does not exist, will be automatically created for the"
                        + " project; none: means no networking will be allocated for the created server.")
                .constrained(new PropertyConstraint.AllowedValues(List.of("none", "auto"))));
        p.put("networks", PropertySchema.of(PropertyType.LIST, "An ordered list of nics to be added to this server,"
                + " with information about connected networks, fixed ips, port etc.").withEntries(nic));
        p.put("scheduler_hints", PropertySchema.of(PropertyType.MAP, "Arbitrary key-value pairs specified by the"
                + " client to help boot a server."));
        p.put("metadata", PropertySchema.of(PropertyType.MAP, "Arbitrary key/value metadata to store for this server."
                + " Both keys and values must be 255 characters or less. Non-string values will be serialized to"
                + " JSON (and the serialized string must be 255 characters or less).").updatable());
        p.put("user_data_format", PropertySchema.of(PropertyType.STRING, "How the user_data should be formatted for"
                + " the server. HEAT_CFNTOOLS and RAW both give the user_data to the server as it is: this deployment"
                + " has no CloudFormation metadata service for the cfn tools, and no software deployments.")
                .withDefault("HEAT_CFNTOOLS")
                .constrained(new PropertyConstraint.AllowedValues(List.of("HEAT_CFNTOOLS", "RAW"))));
        p.put("user_data", PropertySchema.of(PropertyType.STRING, "User data script to be executed by cloud-init.")
                .withDefault(""));
        p.put("config_drive", PropertySchema.of(PropertyType.BOOLEAN, "If True, enable config drive on the server."));
        return java.util.Collections.unmodifiableMap(p);
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("name", new AttributeSchema("Name of the server.", PropertyType.STRING));
        a.put("addresses", new AttributeSchema("A dict of all network addresses with corresponding port_id and subnets."
                + " Each network will have two keys in dict, they are network name and network id.", PropertyType.MAP));
        a.put("networks", new AttributeSchema("A dict of assigned network addresses of the form: {\"public\": [ip1,"
                + " ip2...], \"private\": [ip3, ip4], \"public_uuid\": [ip1, ip2...], \"private_uuid\": [ip3, ip4]}."
                + " Each network will have two keys in dict, they are network name and network id.", PropertyType.MAP));
        a.put("first_address", new AttributeSchema("Convenience attribute to fetch the first assigned network address,"
                + " or an empty string if nothing has been assigned at this time.", PropertyType.STRING));
        a.put("accessIPv4", new AttributeSchema("The manually assigned alternative public IPv4 address of the server.",
                PropertyType.STRING));
        a.put("accessIPv6", new AttributeSchema("The manually assigned alternative public IPv6 address of the server.",
                PropertyType.STRING));
        a.put("instance_name", new AttributeSchema("AWS compatible instance name.", PropertyType.STRING));
        return java.util.Collections.unmodifiableMap(a);
    }

    public NovaServer() {
        super("OS::Nova::Server", "A resource for managing Nova instances.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient compute = Calls.compute(context);
        String key = Calls.creationKey(context, name, properties);
        String id = existing(compute, TAG + key, context);
        if (id == null) {
            ServerRequest request = new ServerRequest(Calls.name(properties.get("name"), context, name, key),
                    image(properties, context), flavor(compute, properties.get("flavor").toString()),
                    ServerRequest.networks(networks(properties, context)), TAG + key);
            id = compute.post("/servers", request.body(properties)).path("server").path("id").asString();
        }
        context.recordPhysicalId(id);
        JsonNode server = settle(compute, id, context);
        if (!server.path("status").asString().equals("ACTIVE")) {
            Calls.deleteAndWait(context, compute, "/servers/" + id);
            throw notActive(server);
        }
        return new Applied(id, Map.of("key", key, "server", snapshot(server, context)));
    }

    @Override
    public boolean replaceOnUpdate(Map<String, Object> oldProperties, Map<String, Object> newProperties) {
        return imageChanged(oldProperties, newProperties) && "REPLACE".equals(newProperties.get("image_update_policy"));
    }

    private static boolean imageChanged(Map<String, Object> oldProperties, Map<String, Object> newProperties) {
        return !java.util.Objects.equals(oldProperties.get("image"), newProperties.get("image"));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        ServiceClient compute = Calls.compute(context);
        String path = "/servers/" + current.physicalId();
        String key = String.valueOf(current.data().get("key"));
        String name = Calls.name(properties.get("name"), context, current.name(), key);
        if (imageChanged(current.properties(), properties)) {
            rebuild(compute, current.physicalId(), properties, context);
        }
        compute.put(path, Map.of("server", Map.of("name", name)));
        compute.put(path + "/metadata", Map.of("metadata", Calls.strings(properties.get("metadata"))));
        JsonNode server = compute.get(path).path("server");
        return new Applied(current.physicalId(), Map.of("key", key, "server", snapshot(server, context)));
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Calls.deleteAndWait(context, Calls.compute(context), "/servers/" + current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return state.data().get("server") instanceof Map<?, ?> server ? server.get(attribute) : null;
    }

    /**
     * @return the id of the server an earlier run of this create made, or null; one that failed is
     *         deleted (and null returned), so the create starts again
     */
    private static String existing(ServiceClient compute, String key, PluginContext context) {
        for (JsonNode server : compute.get("/servers/detail?" + ServiceClient.query("tags", key)).path("servers")) {
            String id = server.path("id").asString();
            if (server.path("status").asString().equals("ERROR")) {
                Calls.deleteAndWait(context, compute, "/servers/" + id);
            } else {
                return id;
            }
        }
        return null;
    }

    private static String image(Map<String, Object> properties, PluginContext context) {
        Object image = properties.get("image");
        return image == null ? null : Lookups.image(Calls.image(context), image.toString()).orElse(image.toString());
    }

    /** The flavor's id; one nobody can see is passed on for Nova to refuse with its own reason. */
    private static String flavor(ServiceClient compute, String nameOrId) {
        return Lookups.flavor(compute, nameOrId).orElse(nameOrId);
    }

    private static List<Map<String, Object>> networks(Map<String, Object> properties, PluginContext context) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (properties.get("networks") instanceof List<?> entries) {
            for (Object entry : entries) {
                Map<String, Object> nic = new LinkedHashMap<>();
                ((Map<?, ?>) entry).forEach((k, v) -> nic.put(String.valueOf(k), v));
                if (nic.get("network") == null) {
                    nic.put("network", nic.remove("uuid"));
                }
                if (nic.get("network") != null && nic.get("port") == null) {
                    String network = nic.get("network").toString();
                    nic.put("network", Lookups.network(Calls.network(context), network).orElseThrow(() ->
                            new ResourceFailure("NotFound", "Unable to find network with name or id '" + network + "'")));
                }
                out.add(nic);
            }
        }
        return out;
    }

    /** Boots the server again from the properties' image, keeping its id, and waits until it is ACTIVE. */
    private static void rebuild(ServiceClient compute, String id, Map<String, Object> properties,
            PluginContext context) {
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("imageRef", image(properties, context));
        if ("REBUILD_PRESERVE_EPHEMERAL".equals(properties.get("image_update_policy"))) {
            rebuild.put("preserve_ephemeral", true);
        }
        compute.post("/servers/" + id + "/action", Map.of("rebuild", rebuild));
        JsonNode server = settle(compute, id, context);
        if (!server.path("status").asString().equals("ACTIVE")) {
            throw notActive(server);
        }
    }

    /** @return the server once no task runs on it (it is built, rebuilt, or failed) */
    private static JsonNode settle(ServiceClient compute, String id, PluginContext context) {
        String path = "/servers/" + id;
        JsonNode[] last = new JsonNode[1];
        Calls.await(context, "Server " + id + " settling", () -> {
            last[0] = compute.find(path).map(b -> b.path("server")).orElseThrow(() ->
                    new ResourceFailure("ResourceUnknownStatus", "Server " + id + " disappeared while it was built."));
            String status = last[0].path("status").asString();
            return !status.equals("BUILD") && !status.equals("REBUILD")
                    && !last[0].path("OS-EXT-STS:task_state").isString();
        });
        return last[0];
    }

    /** Heat's failure for a server that ended other than ACTIVE, with Nova's fault. */
    private static ResourceFailure notActive(JsonNode server) {
        String status = server.path("status").asString();
        if (status.equals("ERROR")) {
            JsonNode fault = server.path("fault");
            return new ResourceFailure("ResourceInError", "Went to status ERROR due to \"Message: "
                    + fault.path("message").asString("Unknown") + ", Code: " + fault.path("code").asString("Unknown")
                    + "\"");
        }
        return new ResourceFailure("ResourceUnknownStatus", "Server is not active - Unknown status " + status
                + " due to \"Unknown\"");
    }

    /** The server's attributes, with the id of each network its addresses name. */
    private static Map<String, Object> snapshot(JsonNode server, PluginContext context) {
        Map<String, String> ids = new LinkedHashMap<>();
        ServiceClient network = Calls.network(context);
        server.path("addresses").propertyNames().forEach(name -> {
            JsonNode found = network.get("/v2.0/networks?" + ServiceClient.query("name", name)).path("networks");
            if (found.size() == 1) {
                ids.put(name, found.get(0).path("id").asString());
            }
        });
        return ServerAttributes.snapshot(server, ids);
    }
}
