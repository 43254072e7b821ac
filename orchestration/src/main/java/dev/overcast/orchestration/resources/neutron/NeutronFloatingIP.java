package dev.overcast.orchestration.resources.neutron;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.cloud.Lookups.NeutronEntity;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.AttributeSchema;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceState;
import tools.jackson.databind.JsonNode;

/**
 * OS::Neutron::FloatingIP: an address of an external network, associated with a port when
 * {@code port_id} names one. The port and fixed address change in place (associate, move,
 * disassociate); another network or address makes a new floating IP.
 */
public final class NeutronFloatingIP extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = attributeSchema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("floating_network", PropertySchema.of(PropertyType.STRING, "Network to allocate floating IP from.")
                .asRequired());
        p.put("value_specs", PropertySchema.of(PropertyType.MAP, "Extra parameters to include in the \"floatingip\""
                + " object in the creation request. Parameters are often specific to installed hardware or"
                + " extensions.").withDefault(Map.of()));
        p.put("port_id", PropertySchema.of(PropertyType.STRING, "ID of an existing port with at least one IP address"
                + " to associate with this floating IP.").updatable());
        p.put("fixed_ip_address", PropertySchema.of(PropertyType.STRING, "IP address to use if the port has multiple"
                + " addresses.").updatable());
        p.put("floating_ip_address", PropertySchema.of(PropertyType.STRING, "IP address of the floating IP. NOTE: The"
                + " default policy setting in Neutron restricts usage of this property to administrative users only."));
        return java.util.Collections.unmodifiableMap(p);
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("router_id", new AttributeSchema("ID of the router used as gateway, set when associated with a port.",
                PropertyType.STRING));
        a.put("tenant_id", new AttributeSchema("The tenant owning this floating IP.", PropertyType.STRING));
        a.put("floating_network_id", new AttributeSchema("ID of the network in which this IP is allocated.",
                PropertyType.STRING));
        a.put("fixed_ip_address", new AttributeSchema("IP address of the associated port, if specified.",
                PropertyType.STRING));
        a.put("floating_ip_address", new AttributeSchema("The allocated address of this IP.", PropertyType.STRING));
        a.put("port_id", new AttributeSchema("ID of the port associated with this IP.", PropertyType.STRING));
        return java.util.Collections.unmodifiableMap(a);
    }

    public NeutronFloatingIP() {
        super("OS::Neutron::FloatingIP", "A resource for managing Neutron floating ips.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        Neutron.Creation creation = Neutron.Creation.unnamed(context, name, properties);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("floating_network_id", Neutron.id(network, NeutronEntity.NETWORK, properties.get("floating_network")));
        body.putAll(association(network, properties));
        body.putAll(Neutron.given(properties, "floating_ip_address"));
        JsonNode made = Neutron.create(network, NeutronEntity.FLOATINGIP, creation,
                Neutron.withValueSpecs(body, properties), null);
        return Neutron.applied(creation.key(), made);
    }

    /** @return {@code port_id} (resolved) and {@code fixed_ip_address}, null for no association */
    static Map<String, Object> association(ServiceClient network, Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object port = properties.get("port_id");
        out.put("port_id", port == null ? null : Neutron.id(network, NeutronEntity.PORT, port));
        out.put("fixed_ip_address", properties.get("fixed_ip_address"));
        return out;
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        JsonNode shown = Neutron.update(network, NeutronEntity.FLOATINGIP, current.physicalId(),
                association(network, properties));
        return Neutron.applied(Neutron.key(current), shown);
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Neutron.delete(context, Neutron.client(context), NeutronEntity.FLOATINGIP, current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return Neutron.attribute(state, attribute);
    }
}
