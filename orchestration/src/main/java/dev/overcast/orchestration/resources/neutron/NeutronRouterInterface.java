package dev.overcast.orchestration.resources.neutron;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.cloud.Lookups;
import dev.overcast.orchestration.cloud.Lookups.NeutronEntity;
import dev.overcast.orchestration.cloud.ServiceClient;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;
import tools.jackson.databind.JsonNode;

/**
 * OS::Neutron::RouterInterface: a router's interface on a subnet (at the subnet's gateway
 * address) or on a port. Its physical id is Heat's {@code <router>:subnet_id=<subnet>} or
 * {@code <router>:port_id=<port>}. A create run again finds the interface already there; any
 * change makes a new interface.
 */
public final class NeutronRouterInterface extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("router", PropertySchema.of(PropertyType.STRING, "The router.").asRequired());
        p.put("subnet", PropertySchema.of(PropertyType.STRING, "The subnet, either subnet or port should be"
                + " specified."));
        p.put("port", PropertySchema.of(PropertyType.STRING, "The port, either subnet or port should be specified."));
        return java.util.Collections.unmodifiableMap(p);
    }

    /** Where an interface is: on a subnet or a port, as the physical id names it. */
    record Target(String routerId, String kind, String id) {
        /** @return Heat's physical id, {@code <router>:subnet_id=<subnet>} */
        String physicalId() {
            return routerId + ":" + kind + "=" + id;
        }

        /**
         * @return the interface the physical id names
         * @throws ResourceFailure when it is no such id
         */
        static Target parse(String physicalId) {
            int colon = physicalId.indexOf(':');
            int equals = physicalId.indexOf('=', colon + 1);
            String kind = colon < 0 || equals < 0 ? "" : physicalId.substring(colon + 1, equals);
            if (!kind.equals("subnet_id") && !kind.equals("port_id")) {
                throw new ResourceFailure("ValueError", "Invalid router interface id " + physicalId);
            }
            return new Target(physicalId.substring(0, colon), kind, physicalId.substring(equals + 1));
        }
    }

    public NeutronRouterInterface() {
        super("OS::Neutron::RouterInterface", "A resource for managing Neutron router interfaces.",
                PROPERTIES, Map.of());
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        Object subnet = properties.get("subnet");
        Object port = properties.get("port");
        if (subnet != null && port != null) {
            throw new ResourceFailure("ResourcePropertyConflict",
                    "Cannot define the following properties at the same time: subnet, port");
        }
        if (subnet == null && port == null) {
            throw new ResourceFailure("PropertyUnspecifiedError",
                    "At least one of the following properties must be specified: subnet, port");
        }
        ServiceClient network = Neutron.client(context);
        String router = Neutron.id(network, NeutronEntity.ROUTER, properties.get("router"));
        Target target = subnet != null
                ? new Target(router, "subnet_id", Neutron.id(network, NeutronEntity.SUBNET, subnet))
                : new Target(router, "port_id", Neutron.id(network, NeutronEntity.PORT, port));
        if (!present(network, target)) {
            network.put("/v2.0/routers/" + Lookups.encode(router) + "/add_router_interface",
                    Map.of(target.kind(), target.id()));
        }
        return new Applied(target.physicalId(), Map.of());
    }

    /** @return whether the router has the interface already (an earlier run of the create added it) */
    private static boolean present(ServiceClient network, Target target) {
        JsonNode ports = network.get("/v2.0/ports?" + ServiceClient.query("device_id", target.routerId()) + "&"
                + ServiceClient.query("device_owner", "network:router_interface")).path("ports");
        for (JsonNode port : ports) {
            if (target.kind().equals("port_id") && port.path("id").asString().equals(target.id())) {
                return true;
            }
            for (JsonNode ip : port.path("fixed_ips")) {
                if (target.kind().equals("subnet_id") && ip.path("subnet_id").asString().equals(target.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        // No property changes in place; the engine replaces instead.
        return new Applied(current.physicalId(), current.data());
    }

    /** Removes the interface (again while a floating IP still uses it); one gone already is fine. */
    @Override
    public void delete(ResourceState current, PluginContext context) {
        if (current.physicalId() == null) {
            return;
        }
        Target target = Target.parse(current.physicalId());
        ServiceClient network = Neutron.client(context);
        Neutron.whileInUse(context, () -> {
            try {
                network.put("/v2.0/routers/" + Lookups.encode(target.routerId()) + "/remove_router_interface",
                        Map.of(target.kind(), target.id()));
            } catch (ResourceFailure e) {
                if (!e.errorType().equals("NotFound")) {
                    throw e;
                }
            }
        });
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return null;
    }
}
