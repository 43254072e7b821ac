package dev.overcast.network.l3;

import dev.overcast.network.tags.TagStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routers: create, update, delete, and their external gateway. A gateway is a port on a
 * {@code router:external} network (device_owner {@code network:router_gateway}, no project, as
 * Neutron makes it); setting one creates that port, clearing or moving it deletes it, which
 * floating IPs routed through the router forbid.
 *
 * <p>Every write runs in the caller's transaction with the router's row locked, so interface
 * changes, gateway changes, floating IP associations and the delete of one router take turns.
 */
final class Routers {
    static final String GATEWAY_OWNER = "network:router_gateway";
    static final Set<String> CREATE_ATTRIBUTES = Set.of("name", "description", "admin_state_up",
            "external_gateway_info", "distributed", "ha", "availability_zone_hints", "project_id", "tenant_id", "tags");
    static final Set<String> UPDATE_ATTRIBUTES = Set.of("name", "description", "admin_state_up",
            "external_gateway_info", "routes", "distributed", "ha", "id", "project_id", "tenant_id", "status",
            "availability_zone_hints", "availability_zones", "flavor_id", "tags", "created_at", "updated_at",
            "revision_number");
    private static final Set<String> READ_ONLY = Set.of("id", "project_id", "tenant_id", "status",
            "availability_zone_hints", "availability_zones", "flavor_id", "tags", "created_at", "updated_at",
            "revision_number");
    private static final Set<String> GATEWAY_KEYS = Set.of("network_id", "enable_snat", "external_fixed_ips");

    private final L3Context l3;

    Routers(L3Context l3) {
        this.l3 = l3;
    }

    /** A requested gateway: {@code networkId} null clears it; {@code enableSnat} null keeps the default. */
    record Gateway(String networkId, Boolean enableSnat, List<L3Ports.FixedIpRequest> fixedIps) {
    }

    /** The router if the caller sees it, else 404. */
    RouterRow visible(Handle h, Caller caller, String id) {
        return h.attach(RouterStore.class).find(id).filter(r -> caller.sees(r.projectId()))
                .orElseThrow(() -> L3Errors.routerNotFound(id));
    }

    /** The router locked for a write, if the caller sees it, else 404. */
    RouterRow locked(Handle h, Caller caller, String id) {
        return h.attach(RouterStore.class).lock(id).filter(r -> caller.sees(r.projectId()))
                .orElseThrow(() -> L3Errors.routerNotFound(id));
    }

    RouterRow create(Handle h, Caller caller, ObjectNode body) {
        String owner = caller.owner(body);
        caller.enforce("create_router", owner);
        Gateway gateway = body.has("external_gateway_info") ? gateway(body.get("external_gateway_info")) : null;
        if (gateway != null) {
            enforceGateway(caller, "create_router", body.get("external_gateway_info"), owner);
        }
        refuseUnsupported(body);
        List<String> hints = Attrs.strings(body, "availability_zone_hints");
        if (!hints.isEmpty()) {
            // Overcast has no network availability zones to name (no availability_zone extension).
            throw NeutronErrors.of(404, "AvailabilityZoneNotFound",
                    "AvailabilityZone " + hints.getFirst() + " could not be found.");
        }
        List<String> tags = Attrs.tags(body);
        l3.quotas().check(h, owner, "router", 1);
        var now = l3.now();
        RouterRow row = new RouterRow(UUID.randomUUID().toString(), owner, Attrs.string(body, "name", 255, ""),
                Attrs.string(body, "description", 255, ""), Attrs.bool(body, "admin_state_up", true), "ACTIVE", null,
                null, true, "[]", "[]", now, now, 0);
        h.attach(RouterStore.class).insert(row);
        tags.forEach(t -> TagStore.add(h, RouterView.TAG_TYPE, row.id(), t));
        if (gateway != null && gateway.networkId() != null) {
            RouterRow withGateway = setGateway(h, caller, row, gateway);
            h.attach(RouterStore.class).update(withGateway);
            return withGateway;
        }
        return row;
    }

    RouterRow update(Handle h, Caller caller, RouterRow router, ObjectNode body) {
        caller.enforce("update_router", router.projectId());
        Attrs.refuseReadOnly(body, READ_ONLY);
        refuseUnsupported(body);
        String name = Attrs.string(body, "name", 255, router.name());
        String description = Attrs.string(body, "description", 255, router.description());
        boolean adminStateUp = Attrs.bool(body, "admin_state_up", router.adminStateUp());
        RouterRow row = router;
        if (body.has("external_gateway_info")) {
            Gateway gateway = gateway(body.get("external_gateway_info"));
            enforceGateway(caller, "update_router", body.get("external_gateway_info"), router.projectId());
            row = setGateway(h, caller, row, gateway);
        }
        String routes = row.routes();
        if (body.has("routes")) {
            List<ExtraRoute> parsed = new RouterRoutes(l3).validate(h, row, body.get("routes"));
            routes = ExtraRoute.toJson(parsed);
        }
        row = row.withAttributes(name, description, adminStateUp, routes).revised(l3.now());
        h.attach(RouterStore.class).update(row);
        return row;
    }

    /**
     * {@code add_extraroutes} / {@code remove_extraroutes} (extraroute-atomic): the routes given are
     * added to or taken from the router's, checked as a whole routes update is.
     */
    RouterRow changeRoutes(Handle h, Caller caller, RouterRow router, ObjectNode body, boolean add) {
        caller.enforce(add ? "add_extraroutes" : "remove_extraroutes", router.projectId());
        List<ExtraRoute> given = RouterRoutes.parse(body.get("routes"));
        List<ExtraRoute> routes = new ArrayList<>(ExtraRoute.fromJson(router.routes()));
        if (add) {
            given.stream().filter(r -> !routes.contains(r)).forEach(routes::add);
        } else {
            routes.removeAll(given);
        }
        List<ExtraRoute> checked = new RouterRoutes(l3).validate(h, router, ExtraRoute.array(routes));
        RouterRow row = router.withAttributes(router.name(), router.description(), router.adminStateUp(),
                ExtraRoute.toJson(checked)).revised(l3.now());
        h.attach(RouterStore.class).update(row);
        return row;
    }

    void delete(Handle h, Caller caller, RouterRow router) {
        caller.enforce("delete_router", router.projectId());
        RouterStore store = h.attach(RouterStore.class);
        if (!store.ports(router.id()).isEmpty()) {
            throw L3Errors.routerInUse(router.id());
        }
        if (router.gwPortId() != null) {
            removeGateway(h, router);
        }
        TagStore.removeAll(h, RouterView.TAG_TYPE, router.id());
        store.delete(router.id());
    }

    /**
     * The router with its gateway set as {@code gateway} asks (not yet stored): a new port when the
     * network or the addresses change, none when it is cleared, only SNAT when nothing else changes.
     */
    RouterRow setGateway(Handle h, Caller caller, RouterRow router, Gateway gateway) {
        if (gateway.networkId() == null) {
            if (router.gwPortId() != null) {
                removeGateway(h, router);
            }
            return router.withGateway(null, null, true);
        }
        L3Ports.NetworkInfo network = l3.ports().network(h, gateway.networkId());
        if (network == null || !caller.seesNetwork(network)) {
            throw L3Errors.networkNotFound(gateway.networkId());
        }
        if (!network.external()) {
            throw L3Errors.badRequest("router", "Network " + network.id() + " is not an external network");
        }
        List<L3Ports.SubnetInfo> subnets = l3.ports().subnetsOf(h, network.id());
        checkFixedIps(network, subnets, gateway.fixedIps());
        boolean snat = gateway.enableSnat() == null ? true : gateway.enableSnat();
        boolean samePort = network.id().equals(router.gwNetworkId()) && router.gwPortId() != null
                && (gateway.fixedIps().isEmpty() || sameAddresses(h, router.gwPortId(), gateway.fixedIps()));
        if (samePort) {
            return router.withGateway(network.id(), router.gwPortId(), snat);
        }
        if (router.gwPortId() != null) {
            removeGateway(h, router);
        }
        new RouterInterfaces(l3).checkNewSubnets(h, router, subnets, true);
        L3Ports.PortInfo port = l3.ports().createPort(h, new L3Ports.PortSpec(network.id(), "", router.id(),
                GATEWAY_OWNER, gateway.fixedIps()));
        return router.withGateway(network.id(), port.id(), snat);
    }

    /** Deletes the gateway port, unless floating IPs need the router's way out. */
    private void removeGateway(Handle h, RouterRow router) {
        if (!h.attach(FloatingIpStore.class).throughRouter(router.id()).isEmpty()) {
            throw L3Errors.gatewayInUseByFloatingIp(router.id(), router.gwNetworkId());
        }
        l3.ports().deletePort(h, router.gwPortId());
    }

    private boolean sameAddresses(Handle h, String portId, List<L3Ports.FixedIpRequest> wanted) {
        L3Ports.PortInfo port = l3.ports().port(h, portId);
        if (port == null) {
            return false;
        }
        Set<String> subnets = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        port.fixedIps().forEach(ip -> {
            subnets.add(ip.subnetId());
            addresses.add(ip.ipAddress());
        });
        for (L3Ports.FixedIpRequest w : wanted) {
            if ((w.subnetId() != null && !subnets.contains(w.subnetId()))
                    || (w.ipAddress() != null && !addresses.contains(w.ipAddress()))) {
                return false;
            }
        }
        return true;
    }

    private static void checkFixedIps(L3Ports.NetworkInfo network, List<L3Ports.SubnetInfo> subnets,
            List<L3Ports.FixedIpRequest> wanted) {
        for (L3Ports.FixedIpRequest ip : wanted) {
            if (ip.subnetId() != null && subnets.stream().noneMatch(s -> s.id().equals(ip.subnetId()))) {
                throw NeutronErrors.invalidInput("Failed to create port on network " + network.id()
                        + ", because fixed_ips included invalid subnet " + ip.subnetId());
            }
            for (L3Ports.SubnetInfo s : subnets) {
                if (ip.ipAddress() != null && ip.ipAddress().equals(s.gatewayIp())) {
                    throw L3Errors.badRequest("router", "External IP " + ip.ipAddress() + " is the same as the gateway IP");
                }
            }
        }
    }

    /** {@code external_gateway_info} as given: null or {} clears the gateway. */
    static Gateway gateway(JsonNode info) {
        if (info == null || info.isNull() || (info.isObject() && info.isEmpty())) {
            return new Gateway(null, null, List.of());
        }
        if (!info.isObject()) {
            throw L3Errors.invalid("external_gateway_info", "'" + Attrs.text(info) + "' is not a dictionary");
        }
        ObjectNode body = (ObjectNode) info;
        for (String key : body.propertyNames()) {
            if (!GATEWAY_KEYS.contains(key)) {
                throw L3Errors.invalid("external_gateway_info", "Unexpected keys supplied: " + key);
            }
        }
        if (!body.has("network_id")) {
            throw L3Errors.invalid("external_gateway_info", "Validation of dictionary's keys failed. Expected keys: "
                    + "{'network_id'} Provided keys: " + body.propertyNames());
        }
        String networkId = Attrs.uuid(body, "network_id");
        if (networkId == null) {
            throw L3Errors.invalid("external_gateway_info", "'None' is not a valid UUID");
        }
        Boolean snat = body.has("enable_snat") ? Attrs.toBoolean("enable_snat", body.get("enable_snat")) : null;
        return new Gateway(networkId, snat, fixedIps(body.get("external_fixed_ips")));
    }

    private static List<L3Ports.FixedIpRequest> fixedIps(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw L3Errors.invalid("external_fixed_ips", "'" + Attrs.text(list) + "' is not a list");
        }
        List<L3Ports.FixedIpRequest> out = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw L3Errors.invalid("external_fixed_ips", "'" + Attrs.text(item) + "' is not a dictionary");
            }
            ObjectNode ip = (ObjectNode) item;
            for (String key : ip.propertyNames()) {
                if (!key.equals("subnet_id") && !key.equals("ip_address")) {
                    throw L3Errors.invalid("external_fixed_ips", "Unexpected keys supplied: " + key);
                }
            }
            out.add(new L3Ports.FixedIpRequest(Attrs.uuid(ip, "subnet_id"), Attrs.ip(ip, "ip_address")));
        }
        return out;
    }

    /** Neutron checks each gateway attribute a client sets with its own rule. */
    private static void enforceGateway(Caller caller, String action, JsonNode info, String owner) {
        caller.enforce(action + ":external_gateway_info", owner);
        if (info != null && info.isObject()) {
            for (String key : GATEWAY_KEYS) {
                if (info.has(key)) {
                    caller.enforce(action + ":external_gateway_info:" + key, owner);
                }
            }
        }
    }

    /** Distributed and HA routers need agents Overcast does not simulate; false is what every router is. */
    private static void refuseUnsupported(ObjectNode body) {
        for (String name : List.of("distributed", "ha")) {
            if (body.has(name) && Attrs.bool(body, name, false)) {
                throw L3Errors.badRequest("router", "Overcast routers cannot be " + (name.equals("ha")
                        ? "highly available (l3-ha)" : "distributed (dvr)"));
            }
        }
    }
}
