package dev.overcast.orchestration.resources.neutron;

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
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;

/**
 * OS::Neutron::Subnet: a subnet of a network, its CIDR given or taken from a subnet pool. Its
 * name, gateway, DHCP, pools, name servers, host routes and tags change in place; a new network,
 * CIDR or IP version makes a new subnet. Neutron checks the CIDR, and a bad one fails the create
 * with Neutron's message.
 */
public final class NeutronSubnet extends DeclaredResource {
    private static final List<Object> IPV6_MODES = List.of("dhcpv6-stateful", "dhcpv6-stateless", "slaac");
    private static final Map<String, PropertySchema> PROPERTIES = schema();
    private static final Map<String, AttributeSchema> ATTRIBUTES = attributeSchema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("network", PropertySchema.of(PropertyType.STRING, "The ID of the attached network.").asRequired());
        p.put("subnetpool", PropertySchema.of(PropertyType.STRING, "The name or ID of the subnet pool."));
        p.put("prefixlen", PropertySchema.of(PropertyType.INTEGER, "Prefix length for subnet allocation from subnet"
                + " pool.").constrained(new PropertyConstraint.Range(0, null)));
        p.put("cidr", PropertySchema.of(PropertyType.STRING, "The CIDR."));
        p.put("value_specs", Neutron.valueSpecs("Extra parameters to include in the request."));
        p.put("name", PropertySchema.of(PropertyType.STRING, "The name of the subnet.").updatable());
        p.put("ip_version", PropertySchema.of(PropertyType.INTEGER, "The IP version, which is 4 or 6.").withDefault(4)
                .constrained(new PropertyConstraint.AllowedValues(List.of(4, 6))));
        p.put("dns_nameservers", PropertySchema.of(PropertyType.LIST, "A specified set of DNS name servers to be"
                + " used.").withDefault(List.of()).updatable());
        p.put("gateway_ip", PropertySchema.of(PropertyType.STRING, "The gateway IP address. Set to \"\" to"
                + " create/update a subnet without a gateway. If omitted when creation, neutron will assign the first"
                + " free IP address within the subnet to the gateway automatically.").updatable());
        p.put("enable_dhcp", PropertySchema.of(PropertyType.BOOLEAN, "Set to true if DHCP is enabled and false if"
                + " DHCP is disabled.").withDefault(true).updatable());
        p.put("allocation_pools", PropertySchema.of(PropertyType.LIST, "The start and end addresses for the"
                + " allocation pools.").updatable().withEntries(Map.of(
                        "start", PropertySchema.of(PropertyType.STRING, "Start address for the allocation pool.")
                                .asRequired(),
                        "end", PropertySchema.of(PropertyType.STRING, "End address for the allocation pool.")
                                .asRequired())));
        p.put("host_routes", PropertySchema.of(PropertyType.LIST, "A list of host route dictionaries for the subnet.")
                .updatable().withEntries(Map.of(
                        "destination", PropertySchema.of(PropertyType.STRING, "The destination for static route.")
                                .asRequired(),
                        "nexthop", PropertySchema.of(PropertyType.STRING, "The next hop for the destination.")
                                .asRequired())));
        p.put("ipv6_ra_mode", PropertySchema.of(PropertyType.STRING, "IPv6 RA (Router Advertisement) mode."
                + " dhcpv6-stateful, dhcpv6-stateless, or slaac.")
                .constrained(new PropertyConstraint.AllowedValues(IPV6_MODES)));
        p.put("ipv6_address_mode", PropertySchema.of(PropertyType.STRING, "IPv6 address mode. dhcpv6-stateful,"
                + " dhcpv6-stateless, or slaac.").constrained(new PropertyConstraint.AllowedValues(IPV6_MODES)));
        p.put("tags", Neutron.tags(NeutronEntity.SUBNET));
        return java.util.Collections.unmodifiableMap(p);
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("name", new AttributeSchema("Friendly name of the subnet.", PropertyType.STRING));
        a.put("network_id", new AttributeSchema("Parent network of the subnet.", PropertyType.STRING));
        a.put("tenant_id", new AttributeSchema("Tenant owning the subnet.", PropertyType.STRING));
        a.put("allocation_pools", new AttributeSchema("Ip allocation pools and their ranges.", PropertyType.LIST));
        a.put("gateway_ip", new AttributeSchema("Ip of the subnet's gateway.", PropertyType.STRING));
        a.put("host_routes", new AttributeSchema("Additional routes for this subnet.", PropertyType.LIST));
        a.put("ip_version", new AttributeSchema("Ip version for the subnet.", PropertyType.STRING));
        a.put("cidr", new AttributeSchema("CIDR block notation for this subnet.", PropertyType.STRING));
        a.put("dns_nameservers", new AttributeSchema("List of dns nameservers.", PropertyType.LIST));
        a.put("enable_dhcp", new AttributeSchema("'true' if DHCP is enabled for this subnet; 'false' otherwise.",
                PropertyType.STRING));
        return java.util.Collections.unmodifiableMap(a);
    }

    public NeutronSubnet() {
        super("OS::Neutron::Subnet", "A resource for managing Neutron subnets.",
                PROPERTIES, ATTRIBUTES);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        checkCombination(properties);
        ServiceClient network = Neutron.client(context);
        Neutron.Creation creation = Neutron.Creation.of(context, name, properties);
        Map<String, Object> body = mutable(properties, creation.name());
        body.put("network_id", Neutron.id(network, NeutronEntity.NETWORK, properties.get("network")));
        body.put("ip_version", properties.get("ip_version"));
        if (properties.get("subnetpool") != null) {
            body.put("subnetpool_id", Neutron.id(network, NeutronEntity.SUBNETPOOL, properties.get("subnetpool")));
        }
        body.putAll(Neutron.given(properties, "cidr", "prefixlen", "ipv6_ra_mode", "ipv6_address_mode"));
        if (properties.get("allocation_pools") == null) {
            body.remove("allocation_pools");
        }
        if (properties.get("gateway_ip") == null) {
            body.remove("gateway_ip");
        }
        return Neutron.applied(creation.key(), Neutron.create(network, NeutronEntity.SUBNET, creation, body,
                properties.get("tags")));
    }

    /** Heat's checks: a CIDR or a subnet pool, not both; a prefix length only with a pool; IPv6 modes only on IPv6. */
    static void checkCombination(Map<String, Object> properties) {
        Object pool = properties.get("subnetpool");
        Object cidr = properties.get("cidr");
        if (pool != null && cidr != null) {
            throw new ResourceFailure("ResourcePropertyConflict",
                    "Cannot define the following properties at the same time: subnetpool, cidr");
        }
        if (pool == null && cidr == null) {
            throw new ResourceFailure("PropertyUnspecifiedError",
                    "At least one of the following properties must be specified: subnetpool, cidr");
        }
        if (properties.get("prefixlen") != null && cidr != null) {
            throw new ResourceFailure("ResourcePropertyConflict",
                    "Cannot define the following properties at the same time: prefixlen, cidr");
        }
        Object ra = properties.get("ipv6_ra_mode");
        Object address = properties.get("ipv6_address_mode");
        if (((Number) properties.get("ip_version")).intValue() == 4 && (ra != null
                || address != null)) {
            throw new ResourceFailure("StackValidationFailed",
                    "ipv6_ra_mode and ipv6_address_mode are not supported for ipv4.");
        }
        if (ra != null && address != null && !ra.equals(address)) {
            throw new ResourceFailure("StackValidationFailed",
                    "When both ipv6_ra_mode and ipv6_address_mode are set, they must be equal.");
        }
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        ServiceClient network = Neutron.client(context);
        String key = Neutron.key(current);
        String id = current.physicalId();
        Map<String, Object> wanted = mutable(properties, Neutron.name(context, current, properties));
        Neutron.update(network, NeutronEntity.SUBNET, id, Neutron.changed(wanted, current.properties(), properties));
        return Neutron.applied(key, Neutron.retag(network, NeutronEntity.SUBNET, id, key, properties.get("tags")));
    }

    /** The attributes that may change in place; a gateway of "" is none, as Heat's null gateway. */
    private static Map<String, Object> mutable(Map<String, Object> properties, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("enable_dhcp", properties.get("enable_dhcp"));
        body.put("dns_nameservers", properties.get("dns_nameservers"));
        body.put("host_routes", properties.get("host_routes") == null ? List.of() : properties.get("host_routes"));
        body.put("allocation_pools", properties.get("allocation_pools") == null ? List.of()
                : properties.get("allocation_pools"));
        Object gateway = properties.get("gateway_ip");
        body.put("gateway_ip", gateway == null || gateway.toString().isEmpty() || gateway.equals("~") ? null : gateway);
        return Neutron.withValueSpecs(body, properties);
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        Neutron.delete(context, Neutron.client(context), NeutronEntity.SUBNET, current.physicalId());
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return Neutron.attribute(state, attribute);
    }
}
