package dev.overcast.network.subnets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.overcast.core.json.Json;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.api.Attributes;
import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;
import dev.overcast.network.ipam.IpRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A subnet's address layout checked as Neutron checks it: the CIDR, the gateway, the allocation
 * pools, name servers, host routes and IPv6 modes, each refused with Neutron's message. Pure:
 * nothing here reads the database.
 */
final class SubnetShape {
    static final List<String> IPV6_MODES = List.of("slaac", "dhcpv6-stateful", "dhcpv6-stateless");

    private SubnetShape() {
    }

    /** The network of {@code text}, host bits cleared, of {@code version}. */
    static Cidr cidr(String text, int version) {
        Cidr.Parsed parsed = Cidr.parse(text)
                .orElseThrow(() -> Attributes.invalid("cidr", "'" + text + "' is not a valid IP subnet"));
        Cidr cidr = parsed.normalized();
        if (cidr.version() != version) {
            throw NeutronErrors.invalidInput("cidr '" + text + "' does not match the ip_version '" + version + "'");
        }
        if (cidr.prefix() == 0) {
            throw NeutronErrors.invalidInput("0 is not allowed as CIDR prefix length");
        }
        return cidr;
    }

    static int ipVersion(ObjectNode body) {
        if (!body.has("ip_version")) {
            throw Attributes.missing("ip_version");
        }
        Integer v = Attributes.integer(body, "ip_version", null, false);
        if (v != 4 && v != 6) {
            throw Attributes.invalid("ip_version", "'" + v + "' is not in [4, 6]");
        }
        return v;
    }

    /** The gateway the body asks for: absent means the first address, null means none. */
    static IpAddress gateway(ObjectNode body, Cidr cidr) {
        if (!body.has("gateway_ip")) {
            IpRange usable = cidr.usable();
            return usable.size().signum() > 0 && !(cidr.version() == 4 && cidr.prefix() >= 31) ? usable.first() : null;
        }
        if (body.get("gateway_ip").isNull()) {
            return null;
        }
        IpAddress gw = address(body.get("gateway_ip"), "gateway_ip");
        if (gw.version() != cidr.version()) {
            throw NeutronErrors.invalidInput("gateway_ip '" + gw + "' does not match the ip_version '"
                    + cidr.version() + "'");
        }
        if (!cidr.usable().contains(gw)) {
            throw NeutronErrors.invalidInput("Gateway is not valid on subnet");
        }
        return gw;
    }

    static IpAddress address(JsonNode value, String attribute) {
        if (!value.isString()) {
            throw Attributes.invalid(attribute, "'" + Attributes.show(value) + "' is not a valid IP address");
        }
        return IpAddress.parse(value.asString()).orElseThrow(
                () -> Attributes.invalid(attribute, "'" + value.asString() + "' is not a valid IP address"));
    }

    /** The pools the body names, checked against the CIDR and each other; absent means all but the gateway. */
    static List<IpRange> pools(JsonNode given, Cidr cidr, IpAddress gateway) {
        if (given == null || given.isNull()) {
            IpRange usable = cidr.usable();
            return gateway == null ? List.of(usable) : usable.minus(gateway);
        }
        if (!given.isArray()) {
            throw Attributes.invalid("allocation_pools", "'" + Attributes.show(given) + "' is not a list");
        }
        List<IpRange> pools = new ArrayList<>();
        for (JsonNode p : given) {
            if (!p.isObject() || !p.has("start") || !p.has("end") || p.size() != 2) {
                throw Attributes.invalid("allocation_pools",
                        "Validation of dictionary's keys failed. Expected keys: {'end', 'start'}");
            }
            IpAddress start = address(p.get("start"), "allocation_pools");
            IpAddress end = address(p.get("end"), "allocation_pools");
            String text = start + "-" + end;
            if (start.version() != end.version() || start.version() != cidr.version() || start.compareTo(end) > 0) {
                throw NeutronErrors.of(400, "InvalidAllocationPool", "The allocation pool " + text + " is not valid.");
            }
            IpRange pool = new IpRange(start, end);
            IpRange usable = cidr.usable();
            if (!usable.contains(start) || !usable.contains(end)) {
                throw NeutronErrors.of(400, "OutOfBoundsAllocationPool", "The allocation pool " + text
                        + " spans beyond the subnet cidr " + cidr + ".");
            }
            pools.add(pool);
        }
        for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
                if (pools.get(i).overlaps(pools.get(j))) {
                    throw NeutronErrors.conflict("OverlappingAllocationPools", "Found overlapping allocation pools: "
                            + pools.get(i) + " " + pools.get(j) + " for subnet " + cidr + ".");
                }
            }
        }
        return pools;
    }

    /** 409 when the gateway is inside a pool (it would be handed out to a port). */
    static void gatewayOutsidePools(IpAddress gateway, List<IpRange> pools) {
        if (gateway == null) {
            return;
        }
        for (IpRange pool : pools) {
            if (pool.contains(gateway)) {
                throw NeutronErrors.conflict("GatewayConflictWithAllocationPools",
                        "Gateway ip " + gateway + " conflicts with allocation pool " + pool + ".");
            }
        }
    }

    static String poolsJson(List<IpRange> pools) {
        ArrayNode out = Json.array();
        pools.forEach(p -> out.addObject().put("start", p.first().toString()).put("end", p.last().toString()));
        return Json.write(out);
    }

    static List<String> nameservers(JsonNode given) {
        if (given == null || given.isNull()) {
            return List.of();
        }
        if (!given.isArray()) {
            throw Attributes.invalid("dns_nameservers", "'" + Attributes.show(given) + "' is not a list");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode n : given) {
            String text = n.isString() ? n.asString() : Attributes.show(n);
            if (!n.isString() || IpAddress.parse(text).isEmpty()) {
                throw Attributes.invalid("dns_nameservers", "'" + text + "' is not a valid nameserver");
            }
            if (!seen.add(text)) {
                throw Attributes.invalid("dns_nameservers", "Duplicate nameserver '" + text + "'");
            }
        }
        return List.copyOf(seen);
    }

    /** Host routes as JSON text: destinations normalized, next hops of the subnet's version. */
    static String hostRoutes(JsonNode given, int version) {
        ArrayNode out = Json.array();
        if (given == null || given.isNull()) {
            return Json.write(out);
        }
        if (!given.isArray()) {
            throw Attributes.invalid("host_routes", "'" + Attributes.show(given) + "' is not a list");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode r : given) {
            if (!r.isObject() || !r.has("destination") || !r.has("nexthop") || r.size() != 2) {
                throw Attributes.invalid("host_routes",
                        "Validation of dictionary's keys failed. Expected keys: {'destination', 'nexthop'}");
            }
            String destination = r.get("destination").asString("");
            Cidr cidr = Cidr.parse(destination).map(Cidr.Parsed::normalized).orElseThrow(
                    () -> Attributes.invalid("host_routes", "'" + destination + "' is not a valid IP subnet"));
            IpAddress nexthop = address(r.get("nexthop"), "host_routes");
            if (cidr.version() != version || nexthop.version() != version) {
                throw NeutronErrors.invalidInput("host_routes '" + destination + "' does not match the ip_version '"
                        + version + "'");
            }
            String key = cidr + " " + nexthop;
            if (!seen.add(key)) {
                throw Attributes.invalid("host_routes", "Duplicate hostroute '" + Json.write(r) + "'");
            }
            out.addObject().put("destination", cidr.toString()).put("nexthop", nexthop.toString());
        }
        return Json.write(out);
    }

    /** IPv6 address modes: only on IPv6 subnets with DHCP, agreeing with each other; SLAAC needs a /64. */
    static void modes(int version, String raMode, String addressMode, boolean enableDhcp, Cidr cidr) {
        for (String[] mode : new String[][] {{"ipv6_ra_mode", raMode}, {"ipv6_address_mode", addressMode}}) {
            if (mode[1] != null && !IPV6_MODES.contains(mode[1])) {
                throw Attributes.invalid(mode[0], "'" + mode[1] + "' is not in " + pythonList(IPV6_MODES));
            }
        }
        if (raMode == null && addressMode == null) {
            return;
        }
        if (version == 4) {
            throw NeutronErrors.invalidInput((raMode != null ? "ipv6_ra_mode" : "ipv6_address_mode")
                    + " is not valid when ip_version is 4");
        }
        if (!enableDhcp) {
            throw NeutronErrors.invalidInput("ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False");
        }
        if (raMode != null && addressMode != null && !raMode.equals(addressMode)) {
            throw NeutronErrors.invalidInput("ipv6_ra_mode set to '" + raMode + "' with ipv6_address_mode set to '"
                    + addressMode + "' is not valid. If both attributes are set, they must be the same value");
        }
        String mode = addressMode != null ? addressMode : raMode;
        if ((mode.equals("slaac") || mode.equals("dhcpv6-stateless")) && cidr.prefix() != 64) {
            throw NeutronErrors.invalidInput("Invalid CIDR " + cidr + " for IPv6 address mode. OpenStack uses the"
                    + " EUI-64 address format, which requires the prefix to be /64");
        }
    }

    private static String pythonList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }
}
