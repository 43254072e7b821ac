package dev.overcast.orchestration.resources.neutron;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.cloud.Lookups;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;

/**
 * OS::Neutron::FloatingIPAssociation: a floating IP associated with a port. Every property
 * changes in place: another floating IP is associated after the old one is let go. Its physical
 * id is the floating IP's. Associating is idempotent, so a create run again does no harm.
 */
public final class NeutronFloatingIPAssociation extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("floatingip_id", PropertySchema.of(PropertyType.STRING, "ID of the floating IP to associate.")
                .asRequired().updatable());
        p.put("port_id", PropertySchema.of(PropertyType.STRING, "ID of an existing port with at least one IP address"
                + " to associate with this floating IP.").asRequired().updatable());
        p.put("fixed_ip_address", PropertySchema.of(PropertyType.STRING, "IP address to use if the port has multiple"
                + " addresses.").updatable());
        return java.util.Collections.unmodifiableMap(p);
    }

    public NeutronFloatingIPAssociation() {
        super("OS::Neutron::FloatingIPAssociation", "A resource for associating floating ips and ports.",
                PROPERTIES, Map.of());
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        String fip = properties.get("floatingip_id").toString();
        network.put(path(fip), Map.of("floatingip", NeutronFloatingIP.association(network, properties)));
        return new Applied(fip, Map.of());
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        if (!current.physicalId().equals(String.valueOf(properties.get("floatingip_id")))) {
            delete(current, context);
        }
        return create(current.name(), properties, context);
    }

    /** Lets the floating IP go; one that is gone already is fine. */
    @Override
    public void delete(ResourceState current, PluginContext context) {
        if (current.physicalId() == null) {
            return;
        }
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("port_id", null);
        try {
            Neutron.client(context).put(path(current.physicalId()), Map.of("floatingip", none));
        } catch (ResourceFailure e) {
            if (!e.errorType().equals("NotFound")) {
                throw e;
            }
        }
    }

    private static String path(String floatingIpId) {
        return "/v2.0/floatingips/" + Lookups.encode(floatingIpId);
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return null;
    }
}
