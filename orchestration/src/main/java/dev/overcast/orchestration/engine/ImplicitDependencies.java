package dev.overcast.orchestration.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.overcast.orchestration.template.ResourceDefinition;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.functions.Function;

/**
 * The dependencies Heat adds by resource type, beyond {@code depends_on}, get_resource and
 * get_attr, so that templates written for Heat create (and delete) in an order Network accepts:
 * <ul>
 * <li>a port, and a server on a network, wait for every subnet of that network in the template
 *     (which subnet the address comes from is not known before);</li>
 * <li>a floating IP waits for the router interface on the subnet of its port, and for the router
 *     whose gateway is on its floating network (the port must be reachable from there).</li>
 * </ul>
 * Networks, subnets and routers are compared as written in the template ({@code get_resource}
 * snippets, names or ids), as Heat compares them before anything is created.
 */
final class ImplicitDependencies {
    private ImplicitDependencies() {
    }

    /** {@code template} with the implicit dependencies of its resources. */
    static Template add(Template template) {
        return template.withImplicitDependencies(of(template.resources()));
    }

    /** @return by resource name, the resources it implicitly requires */
    static Map<String, Set<String>> of(Map<String, ResourceDefinition> resources) {
        Map<String, Set<String>> extra = new LinkedHashMap<>();
        for (ResourceDefinition def : resources.values()) {
            Set<String> needs = switch (def.type()) {
                case "OS::Neutron::Port" -> subnetsOf(resources, network(props(def)));
                case "OS::Nova::Server" -> serverSubnets(resources, props(def));
                case "OS::Neutron::FloatingIP", "OS::Neutron::FloatingIPAssociation" ->
                        floatingIpNeeds(resources, props(def));
                default -> Set.of();
            };
            if (!needs.isEmpty()) {
                extra.put(def.name(), needs);
            }
        }
        return extra;
    }

    /** The resource's properties as written, functions in their template form ({@code {get_resource: net}}). */
    private static Map<?, ?> props(ResourceDefinition def) {
        return canonical(def.properties()) instanceof Map<?, ?> map ? map : Map.of();
    }

    /** A snippet with its functions back in their template form, so that equal snippets are equal. */
    private static Object canonical(Object snippet) {
        return switch (snippet) {
            case Function f -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                out.put(f.name(), canonical(f.args()));
                yield out;
            }
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, canonical(v)));
                yield out;
            }
            case List<?> list -> list.stream().map(ImplicitDependencies::canonical).toList();
            case null -> null;
            default -> snippet;
        };
    }

    private static Object network(Map<?, ?> properties) {
        Object network = properties.get("network");
        return network != null ? network : properties.get("network_id");
    }

    private static Set<String> subnetsOf(Map<String, ResourceDefinition> resources, Object network) {
        Set<String> subnets = new LinkedHashSet<>();
        if (network == null) {
            return subnets;
        }
        for (ResourceDefinition other : resources.values()) {
            if (other.type().equals("OS::Neutron::Subnet") && network.equals(network(props(other)))) {
                subnets.add(other.name());
            }
        }
        return subnets;
    }

    private static Set<String> serverSubnets(Map<String, ResourceDefinition> resources, Map<?, ?> properties) {
        Set<String> subnets = new LinkedHashSet<>();
        if (properties.get("networks") instanceof List<?> networks) {
            for (Object entry : networks) {
                if (entry instanceof Map<?, ?> nic) {
                    Object network = nic.get("network") != null ? nic.get("network") : nic.get("uuid");
                    subnets.addAll(subnetsOf(resources, network));
                }
            }
        }
        return subnets;
    }

    private static Set<String> floatingIpNeeds(Map<String, ResourceDefinition> resources, Map<?, ?> properties) {
        Set<String> needs = new LinkedHashSet<>();
        Object floating = properties.get("floating_network") != null ? properties.get("floating_network")
                : properties.get("floating_network_id");
        ResourceDefinition port = referenced(resources, properties.get("port_id"), "OS::Neutron::Port");
        for (ResourceDefinition other : resources.values()) {
            Map<?, ?> p = props(other);
            if (other.type().equals("OS::Neutron::Router") && floating != null
                    && p.get("external_gateway_info") instanceof Map<?, ?> gateway
                    && floating.equals(gateway.get("network"))) {
                needs.add(other.name());
            }
            if (other.type().equals("OS::Neutron::RouterInterface") && port != null) {
                Object subnet = p.get("subnet") != null ? p.get("subnet") : p.get("subnet_id");
                if (subnet != null && onSubnet(resources, props(port), subnet)) {
                    needs.add(other.name());
                }
            }
        }
        return needs;
    }

    /** Whether a port is on {@code subnet}: one of its fixed IPs names it, or it has none and is on its network. */
    private static boolean onSubnet(Map<String, ResourceDefinition> resources, Map<?, ?> port, Object subnet) {
        if (port.get("fixed_ips") instanceof List<?> fixedIps && !fixedIps.isEmpty()) {
            for (Object ip : fixedIps) {
                if (ip instanceof Map<?, ?> fixed
                        && (subnet.equals(fixed.get("subnet")) || subnet.equals(fixed.get("subnet_id")))) {
                    return true;
                }
            }
            return false;
        }
        ResourceDefinition subnetDef = referenced(resources, subnet, "OS::Neutron::Subnet");
        return subnetDef != null && Objects.equals(network(port), network(props(subnetDef)));
    }

    /** The template resource a {@code get_resource} snippet names, if it is of {@code type}. */
    private static ResourceDefinition referenced(Map<String, ResourceDefinition> resources, Object snippet,
            String type) {
        if (snippet instanceof Map<?, ?> map && map.size() == 1 && map.get("get_resource") instanceof String name) {
            ResourceDefinition def = resources.get(name);
            return def != null && def.type().equals(type) ? def : null;
        }
        return null;
    }
}
