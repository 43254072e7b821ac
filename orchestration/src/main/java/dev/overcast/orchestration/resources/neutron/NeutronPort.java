package dev.overcast.orchestration.resources.neutron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.cloud.Lookups.NeutronEntity;
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
 * OS::Neutron::Port: a port on a network, which a server may take ({@code networks: [{port: ...}]}).
 * Its name, addresses, security groups, address pairs, port security, device and admin state
 * change in place (with {@code replacement_policy: REPLACE_ALWAYS} every change replaces it); a
 * new network or MAC address makes a new port. Without {@code security_groups} Neutron gives the
 * project's {@code default} group, on create and, as Heat does, on update.
 */
public final class NeutronPort extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = attributeSchema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("name", PropertySchema.of(PropertyType.STRING, "A symbolic name for this port.").updatable());
        p.put("network", PropertySchema.of(PropertyType.STRING, "Network this port belongs to. If you plan to use"
                + " current port to assign Floating IP, you should specify fixed_ips with subnet.").asRequired());
        p.put("device_id", PropertySchema.of(PropertyType.STRING, "Device ID of this port.").updatable());
        p.put("device_owner", PropertySchema.of(PropertyType.STRING, "Name of the network owning the port. The value"
                + " is typically network:floatingip or network:router_interface or network:dhcp.").updatable());
        p.put("fixed_ips", PropertySchema.of(PropertyType.LIST, "Desired IPs for this port.").withDefault(List.of())
                .updatable().withEntries(Map.of(
                        "subnet", PropertySchema.of(PropertyType.STRING, "Subnet in which to allocate the IP address"
                                + " for this port."),
                        "ip_address", PropertySchema.of(PropertyType.STRING, "IP address desired in the subnet for"
                                + " this port."))));
        p.put("security_groups", PropertySchema.of(PropertyType.LIST, "Security group IDs to associate with this"
                + " port.").updatable());
        p.put("replacement_policy", PropertySchema.of(PropertyType.STRING, "Policy on how to respond to a"
                + " stack-update for this resource. REPLACE_ALWAYS will replace the port regardless of any property"
                + " changes. AUTO will update the existing port for any changed update-allowed property.")
                .withDefault("AUTO").updatable()
                .constrained(new PropertyConstraint.AllowedValues(List.of("REPLACE_ALWAYS", "AUTO"))));
        p.put("value_specs", Neutron.valueSpecs("Extra parameters to include in the request."));
        p.put("admin_state_up", PropertySchema.of(PropertyType.BOOLEAN, "The administrative state of this port.")
                .withDefault(true).updatable());
        p.put("mac_address", PropertySchema.of(PropertyType.STRING, "MAC address to give to this port."));
        p.put("allowed_address_pairs", PropertySchema.of(PropertyType.LIST, "Additional MAC/IP address pairs allowed"
                + " to pass through the port.").updatable().withEntries(Map.of(
                        "mac_address", PropertySchema.of(PropertyType.STRING, "MAC address to allow through this"
                                + " port."),
                        "ip_address", PropertySchema.of(PropertyType.STRING, "IP address to allow through this port.")
                                .asRequired())));
        p.put("port_security_enabled", PropertySchema.of(PropertyType.BOOLEAN, "Flag to enable/disable port security"
                + " on the port. When disable this feature(set it to False), there will be no packages filtering, like"
                + " security-group and address-pairs.").updatable());
        p.put("tags", Neutron.tags(NeutronEntity.PORT));
        return java.util.Collections.unmodifiableMap(p);
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("admin_state_up", new AttributeSchema("The administrative state of this port.", PropertyType.STRING));
        a.put("device_id", new AttributeSchema("Unique identifier for the device.", PropertyType.STRING));
        a.put("device_owner", new AttributeSchema("Name of the network owning the port.", PropertyType.STRING));
        a.put("fixed_ips", new AttributeSchema("Fixed IP addresses.", PropertyType.LIST));
        a.put("mac_address", new AttributeSchema("MAC address of the port.", PropertyType.STRING));
        a.put("name", new AttributeSchema("Friendly name of the port.", PropertyType.STRING));
        a.put("network_id", new AttributeSchema("Unique identifier for the network owning the port.",
                PropertyType.STRING));
        a.put("security_groups", new AttributeSchema("A list of security groups for the port.", PropertyType.LIST));
        a.put("status", new AttributeSchema("The status of the port.", PropertyType.STRING));
        a.put("tenant_id", new AttributeSchema("Tenant owning the port.", PropertyType.STRING));
        a.put("allowed_address_pairs", new AttributeSchema("Additional MAC/IP address pairs allowed to pass through a"
                + " port.", PropertyType.LIST));
        a.put("port_security_enabled", new AttributeSchema("Port security enabled of the port.",
                PropertyType.BOOLEAN));
        return java.util.Collections.unmodifiableMap(a);
    }

    public NeutronPort() {
        super("OS::Neutron::Port", "A resource for managing Neutron ports.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public boolean replaceOnUpdate(Map<String, Object> oldProperties, Map<String, Object> newProperties) {
        return "REPLACE_ALWAYS".equals(newProperties.get("replacement_policy"));
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        Neutron.Creation creation = Neutron.Creation.of(context, name, properties);
        Map<String, Object> body = mutable(network, properties, creation.name(), null);
        body.put("network_id", Neutron.id(network, NeutronEntity.NETWORK, properties.get("network")));
        body.putAll(Neutron.given(properties, "mac_address"));
        JsonNode made = Neutron.create(network, NeutronEntity.PORT, creation, body, properties.get("tags"));
        return Neutron.applied(creation.key(), Neutron.built(context, network, NeutronEntity.PORT, made));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        String key = Neutron.key(current);
        String id = current.physicalId();
        Map<String, Object> wanted = mutable(network, properties, Neutron.name(context, current, properties),
                context.stack().projectId());
        Neutron.update(network, NeutronEntity.PORT, id, Neutron.changed(wanted, current.properties(), properties));
        JsonNode shown = Neutron.retag(network, NeutronEntity.PORT, id, key, properties.get("tags"));
        return Neutron.applied(key, Neutron.built(context, network, NeutronEntity.PORT, shown));
    }

    /**
     * The attributes that may change in place, names resolved to ids.
     *
     * @param updateIn for an update, the stack's project, whose {@code default} group no security
     *                 groups means; null for a create, where Neutron chooses
     */
    private static Map<String, Object> mutable(ServiceClient network, Map<String, Object> properties, String name,
            String updateIn) {
        boolean forUpdate = updateIn != null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("admin_state_up", properties.get("admin_state_up"));
        List<Map<String, Object>> fixedIps = fixedIps(network, properties.get("fixed_ips"));
        if (!fixedIps.isEmpty()) {
            body.put("fixed_ips", fixedIps);
        }
        Object groups = properties.get("security_groups");
        if (groups != null || forUpdate) {
            body.put("security_groups", SecurityGroups.ids(network, groups == null ? List.of("default") : groups,
                    updateIn));
        }
        if (properties.get("allowed_address_pairs") != null || forUpdate) {
            body.put("allowed_address_pairs", addressPairs(properties.get("allowed_address_pairs")));
        }
        body.putAll(Neutron.given(properties, "port_security_enabled", "device_id", "device_owner"));
        return Neutron.withValueSpecs(body, properties);
    }

    /** Heat's fixed_ips with each subnet resolved to {@code subnet_id}. */
    private static List<Map<String, Object>> fixedIps(ServiceClient network, Object given) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (given instanceof List<?> entries) {
            for (Object e : entries) {
                Map<?, ?> entry = (Map<?, ?>) e;
                Map<String, Object> ip = new LinkedHashMap<>();
                if (entry.get("subnet") != null) {
                    ip.put("subnet_id", Neutron.id(network, NeutronEntity.SUBNET, entry.get("subnet")));
                }
                if (entry.get("ip_address") != null) {
                    ip.put("ip_address", entry.get("ip_address"));
                }
                out.add(ip);
            }
        }
        return out;
    }

    private static List<Map<String, Object>> addressPairs(Object given) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (given instanceof List<?> entries) {
            for (Object e : entries) {
                Map<String, Object> pair = new LinkedHashMap<>();
                ((Map<?, ?>) e).forEach((k, v) -> {
                    if (v != null) {
                        pair.put(String.valueOf(k), v);
                    }
                });
                out.add(pair);
            }
        }
        return out;
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Neutron.delete(context, Neutron.client(context), NeutronEntity.PORT, current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return Neutron.attribute(state, attribute);
    }
}
