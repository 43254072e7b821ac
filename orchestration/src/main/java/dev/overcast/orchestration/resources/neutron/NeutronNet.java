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

/** OS::Neutron::Net: a network. Every property changes in place. */
public final class NeutronNet extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = attributeSchema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("name", PropertySchema.of(PropertyType.STRING, "A string specifying a symbolic name for the network,"
                + " which is not required to be unique.").updatable());
        p.put("value_specs", Neutron.valueSpecs("Extra parameters to include in the request. Parameters are often"
                + " specific to installed hardware or extensions."));
        p.put("admin_state_up", PropertySchema.of(PropertyType.BOOLEAN, "A boolean value specifying the"
                + " administrative status of the network.").withDefault(true).updatable());
        p.put("shared", PropertySchema.of(PropertyType.BOOLEAN, "Whether this network should be shared across all"
                + " tenants. Note that the default policy setting restricts usage of this attribute to administrative"
                + " users only.").withDefault(false).updatable());
        p.put("port_security_enabled", PropertySchema.of(PropertyType.BOOLEAN, "Flag to enable/disable port security"
                + " on the network. It provides the default value for the attribute of the ports created on this"
                + " network.").updatable());
        p.put("tags", Neutron.tags(NeutronEntity.NETWORK));
        return java.util.Collections.unmodifiableMap(p);
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("status", new AttributeSchema("The status of the network.", PropertyType.STRING));
        a.put("name", new AttributeSchema("The name of the network.", PropertyType.STRING));
        a.put("subnets", new AttributeSchema("Subnets of this network.", PropertyType.LIST));
        a.put("admin_state_up", new AttributeSchema("The administrative status of the network.", PropertyType.STRING));
        a.put("tenant_id", new AttributeSchema("The tenant owning this network.", PropertyType.STRING));
        a.put("port_security_enabled", new AttributeSchema("Port security enabled of the network.",
                PropertyType.BOOLEAN));
        a.put("mtu", new AttributeSchema("The maximum transmission unit size(in bytes) for the network.",
                PropertyType.INTEGER));
        return java.util.Collections.unmodifiableMap(a);
    }

    public NeutronNet() {
        super("OS::Neutron::Net", "A resource for managing Neutron net.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        Neutron.Creation creation = Neutron.Creation.of(context, name, properties);
        Map<String, Object> body = body(properties, creation.name());
        if (Boolean.FALSE.equals(body.get("shared"))) {
            // Only admins may set it; members get Neutron's default, false, by leaving it out.
            body.remove("shared");
        }
        JsonNode made = Neutron.create(network, NeutronEntity.NETWORK, creation, body, properties.get("tags"));
        return Neutron.applied(creation.key(), Neutron.built(context, network, NeutronEntity.NETWORK, made));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        String key = Neutron.key(current);
        String id = current.physicalId();
        Neutron.update(network, NeutronEntity.NETWORK, id, Neutron.changed(
                body(properties, Neutron.name(context, current, properties)), current.properties(), properties));
        JsonNode shown = Neutron.retag(network, NeutronEntity.NETWORK, id, key, properties.get("tags"));
        return Neutron.applied(key, Neutron.built(context, network, NeutronEntity.NETWORK, shown));
    }

    private static Map<String, Object> body(Map<String, Object> properties, String name) {
        Map<String, Object> body = Neutron.given(properties, "admin_state_up", "shared", "port_security_enabled");
        body.put("name", name);
        return Neutron.withValueSpecs(body, properties);
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Neutron.delete(context, Neutron.client(context), NeutronEntity.NETWORK, current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return Neutron.attribute(state, attribute);
    }
}
