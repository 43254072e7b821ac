package dev.overcast.network.l3;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.network.NeutronErrors;
import dev.overcast.network.ipam.Cidr;
import tools.jackson.databind.JsonNode;

/**
 * A router's extra routes ({@code extraroute}): each next hop must be on one of the subnets the
 * router is attached to (interfaces or gateway) and must not be one of the router's own addresses.
 */
final class RouterRoutes {
    /** Neutron's {@code max_routes} default. */
    static final int MAX_ROUTES = 30;

    private final L3Context l3;

    RouterRoutes(L3Context l3) {
        this.l3 = l3;
    }

    List<ExtraRoute> validate(Handle h, RouterRow router, JsonNode value) {
        List<ExtraRoute> routes = parse(value);
        if (routes.size() > MAX_ROUTES) {
            throw NeutronErrors.of(400, "RoutesExhausted", "Unable to complete operation for " + router.id()
                    + ". The number of routes exceeds the maximum " + MAX_ROUTES + ".");
        }
        List<String> cidrs = new ArrayList<>();
        Set<String> addresses = new LinkedHashSet<>();
        List<String> portIds = new ArrayList<>(h.attach(RouterStore.class).ports(router.id()).stream()
                .map(RouterStore.RouterPort::portId).toList());
        if (router.gwPortId() != null) {
            portIds.add(router.gwPortId());
        }
        for (String portId : portIds) {
            L3Ports.PortInfo port = l3.ports().port(h, portId);
            if (port == null) {
                continue;
            }
            for (L3Ports.FixedIp ip : port.fixedIps()) {
                addresses.add(ip.ipAddress());
                L3Ports.SubnetInfo subnet = l3.ports().subnet(h, ip.subnetId());
                if (subnet != null) {
                    cidrs.add(subnet.cidr());
                }
            }
        }
        for (ExtraRoute route : routes) {
            if (cidrs.stream().noneMatch(c -> Ip.inCidr(route.nexthop(), c))) {
                throw invalid(routes, "the nexthop is not connected with router");
            }
            if (addresses.contains(route.nexthop())) {
                throw invalid(routes, "the nexthop is used by router");
            }
        }
        return routes;
    }

    private static RuntimeException invalid(List<ExtraRoute> routes, String reason) {
        return NeutronErrors.of(400, "InvalidRoutes", "Invalid format for routes: " + ExtraRoute.repr(routes)
                + ", " + reason + ".");
    }

    /** The API layer's check of {@code routes}: a list of {destination, nexthop} without duplicates. */
    static List<ExtraRoute> parse(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw L3Errors.invalid("routes", "Invalid data format for hostroute: '" + Attrs.text(value) + "'");
        }
        List<ExtraRoute> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject() || item.size() != 2 || !item.path("destination").isString()
                    || !item.path("nexthop").isString()) {
                throw L3Errors.invalid("routes", "Invalid data format for hostroute: '" + Attrs.text(item) + "'");
            }
            String destination = item.get("destination").asString();
            String nexthop = item.get("nexthop").asString();
            Cidr cidr = Ip.cidr(destination);
            if (cidr == null) {
                throw L3Errors.invalid("routes", "'" + destination + "' is not a valid IP subnet");
            }
            if (!Ip.isAddress(nexthop)) {
                throw L3Errors.invalid("routes", "'" + nexthop + "' is not a valid IP address");
            }
            ExtraRoute route = new ExtraRoute(destination, nexthop);
            if (out.contains(route)) {
                throw L3Errors.invalid("routes", "Duplicate hostroute '" + Attrs.text(item) + "'");
            }
            out.add(route);
        }
        return out;
    }
}
