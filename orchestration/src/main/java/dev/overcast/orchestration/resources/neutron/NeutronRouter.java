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

/**
 * OS::Neutron::Router: a router, with a gateway on an external network when
 * {@code external_gateway_info} names one. Name, admin state and the gateway (set, changed or
 * cleared) change in place.
 */
public final class NeutronRouter extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = attributeSchema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> gateway = new LinkedHashMap<>();
        gateway.put("network", PropertySchema.of(PropertyType.STRING, "ID or name of the external network for the"
                + " gateway.").asRequired());
        gateway.put("enable_snat", PropertySchema.of(PropertyType.BOOLEAN, "Enables Source NAT on the router gateway."
                + " NOTE: The default policy setting in Neutron restricts usage of this property to administrative"
                + " users only."));
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("name", PropertySchema.of(PropertyType.STRING, "The name of the router.").updatable());
        p.put("external_gateway_info", PropertySchema.of(PropertyType.MAP, "External network gateway configuration"
                + " for a router.").updatable().withEntries(gateway));
        p.put("value_specs", Neutron.valueSpecs("Extra parameters to include in the creation request."));
        p.put("admin_state_up", PropertySchema.of(PropertyType.BOOLEAN, "The administrative state of the router.")
                .withDefault(true).updatable());
        p.put("tags", Neutron.tags(NeutronEntity.ROUTER));
        return java.util.Collections.unmodifiableMap(p);
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("status", new AttributeSchema("The status of the router.", PropertyType.STRING));
        a.put("external_gateway_info", new AttributeSchema("Gateway network for the router.", PropertyType.MAP));
        a.put("name", new AttributeSchema("Friendly name of the router.", PropertyType.STRING));
        a.put("admin_state_up", new AttributeSchema("Administrative state of the router.", PropertyType.STRING));
        a.put("tenant_id", new AttributeSchema("Tenant owning the router.", PropertyType.STRING));
        return java.util.Collections.unmodifiableMap(a);
    }

    public NeutronRouter() {
        super("OS::Neutron::Router", "A resource that implements Neutron router.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        Neutron.Creation creation = Neutron.Creation.of(context, name, properties);
        Map<String, Object> body = body(network, properties, creation.name());
        if (body.get("external_gateway_info") == null) {
            body.remove("external_gateway_info");
        }
        return Neutron.applied(creation.key(), Neutron.create(network, NeutronEntity.ROUTER, creation, body,
                properties.get("tags")));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        String key = Neutron.key(current);
        String id = current.physicalId();
        Neutron.update(network, NeutronEntity.ROUTER, id, Neutron.changed(body(network, properties,
                Neutron.name(context, current, properties)), current.properties(), properties));
        return Neutron.applied(key, Neutron.retag(network, NeutronEntity.ROUTER, id, key, properties.get("tags")));
    }

    /** The router's attributes, the gateway's network resolved ({@code external_gateway_info} null for none). */
    private static Map<String, Object> body(ServiceClient network, Map<String, Object> properties, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("admin_state_up", properties.get("admin_state_up"));
        Map<String, Object> gatewayInfo = null;
        if (properties.get("external_gateway_info") instanceof Map<?, ?> gateway) {
            gatewayInfo = new LinkedHashMap<>();
            gatewayInfo.put("network_id", Neutron.id(network, NeutronEntity.NETWORK, gateway.get("network")));
            if (gateway.get("enable_snat") != null) {
                gatewayInfo.put("enable_snat", gateway.get("enable_snat"));
            }
        }
        body.put("external_gateway_info", gatewayInfo);
        return Neutron.withValueSpecs(body, properties);
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Neutron.delete(context, Neutron.client(context), NeutronEntity.ROUTER, current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return Neutron.attribute(state, attribute);
    }
}
