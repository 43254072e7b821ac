package dev.overcast.network.l3;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.json.Json;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.ipam.Cidr;
import tools.jackson.databind.node.ObjectNode;

/**
 * A router's interfaces: {@code add_router_interface} with a subnet (a new port at the subnet's
 * gateway IP) or with an unbound port, and {@code remove_router_interface}, which deletes the
 * port as Neutron does, unless floating IPs or extra routes still need it. The caller holds the
 * router's row lock.
 */
final class RouterInterfaces {
    static final String INTERFACE_OWNER = "network:router_interface";

    private final L3Context l3;

    RouterInterfaces(L3Context l3) {
        this.l3 = l3;
    }

    /** What both actions answer. */
    record Info(String routerId, String projectId, String portId, String networkId, List<String> subnetIds) {
    }

    Info add(Handle h, Caller caller, RouterRow router, ObjectNode body) {
        caller.enforce("add_router_interface", router.projectId());
        String portId = Attrs.uuid(body, "port_id");
        String subnetId = Attrs.uuid(body, "subnet_id");
        if (portId == null && subnetId == null) {
            throw L3Errors.badRequest("router", "Either subnet_id or port_id must be specified");
        }
        if (portId != null && subnetId != null) {
            throw L3Errors.badRequest("router", "Cannot specify both subnet-id and port-id");
        }
        L3Ports.PortInfo port = portId != null ? byPort(h, caller, router, portId) : bySubnet(h, caller, router, subnetId);
        h.attach(RouterStore.class).insertPort(new RouterStore.RouterPort(port.id(), router.id(), port.networkId()));
        h.attach(RouterStore.class).update(router.revised(l3.now()));
        return info(router, port);
    }

    private L3Ports.PortInfo bySubnet(Handle h, Caller caller, RouterRow router, String subnetId) {
        L3Ports.SubnetInfo subnet = l3.ports().subnet(h, subnetId);
        L3Ports.NetworkInfo network = subnet == null ? null : l3.ports().network(h, subnet.networkId());
        if (!caller.seesSubnet(subnet, network)) {
            throw L3Errors.subnetNotFound(subnetId);
        }
        if (subnet.gatewayIp() == null || subnet.gatewayIp().isEmpty()) {
            throw L3Errors.badRequest("router", "Subnet for router interface must have a gateway IP");
        }
        checkNewSubnets(h, router, List.of(subnet), false);
        return l3.ports().createPort(h, new L3Ports.PortSpec(subnet.networkId(), router.projectId(), router.id(),
                INTERFACE_OWNER, List.of(new L3Ports.FixedIpRequest(subnet.id(), subnet.gatewayIp()))));
    }

    private L3Ports.PortInfo byPort(Handle h, Caller caller, RouterRow router, String portId) {
        L3Ports.PortInfo port = l3.ports().port(h, portId);
        if (port == null || !caller.sees(port.projectId())) {
            throw L3Errors.portNotFound(portId);
        }
        if (!port.deviceId().isEmpty()) {
            throw L3Errors.portInUse(port.id(), port.networkId(), port.deviceId());
        }
        if (port.fixedIps().isEmpty()) {
            throw L3Errors.badRequest("router", "Router port must have at least one fixed IP");
        }
        List<L3Ports.SubnetInfo> subnets = new ArrayList<>();
        for (L3Ports.FixedIp ip : port.fixedIps()) {
            L3Ports.SubnetInfo s = l3.ports().subnet(h, ip.subnetId());
            if (s != null && subnets.stream().noneMatch(x -> x.id().equals(s.id()))) {
                subnets.add(s);
            }
        }
        checkNewSubnets(h, router, subnets, false);
        if (subnets.stream().filter(s -> s.ipVersion() == 4).count() > 1) {
            throw L3Errors.badRequest("router", "Cannot have multiple IPv4 subnets on router port");
        }
        return l3.ports().updateDevice(h, port.id(), router.id(), INTERFACE_OWNER);
    }

    Info remove(Handle h, Caller caller, RouterRow router, ObjectNode body) {
        caller.enforce("remove_router_interface", router.projectId());
        String portId = Attrs.uuid(body, "port_id");
        String subnetId = Attrs.uuid(body, "subnet_id");
        if (portId == null && subnetId == null) {
            throw L3Errors.badRequest("router", "Either subnet_id or port_id must be specified");
        }
        RouterStore store = h.attach(RouterStore.class);
        L3Ports.PortInfo port;
        if (portId != null) {
            port = store.port(portId).filter(p -> p.routerId().equals(router.id()))
                    .map(p -> l3.ports().port(h, p.portId()))
                    .orElseThrow(() -> L3Errors.interfaceNotFound(router.id(), portId));
            if (port == null) {
                throw L3Errors.interfaceNotFound(router.id(), portId);
            }
            if (subnetId != null && port.fixedIps().stream().noneMatch(ip -> ip.subnetId().equals(subnetId))) {
                throw NeutronErrors.of(400, "SubnetMismatchForPort", "Subnet on port " + portId
                        + " does not match the requested subnet " + subnetId);
            }
        } else {
            port = interfaceOn(h, router, subnetId);
            if (port.fixedIps().stream().map(L3Ports.FixedIp::subnetId).distinct().count() > 1) {
                // Neutron would take only this subnet's address off the port; Overcast's ports API
                // offers no such edit to the l3 feature, so it says so rather than delete more.
                throw L3Errors.badRequest("router", "Port " + port.id() + " of router " + router.id()
                        + " has addresses on several subnets; remove it by port_id");
            }
        }
        List<L3Ports.SubnetInfo> subnets = new ArrayList<>();
        for (String id : port.fixedIps().stream().map(L3Ports.FixedIp::subnetId).distinct().toList()) {
            L3Ports.SubnetInfo s = l3.ports().subnet(h, id);
            if (s != null) {
                confirmNotInUse(h, router, s);
                subnets.add(s);
            }
        }
        l3.ports().deletePort(h, port.id());
        store.deletePort(port.id());
        store.update(router.revised(l3.now()));
        return new Info(router.id(), port.projectId(), port.id(), port.networkId(),
                subnets.stream().map(L3Ports.SubnetInfo::id).toList());
    }

    private L3Ports.PortInfo interfaceOn(Handle h, RouterRow router, String subnetId) {
        for (RouterStore.RouterPort rp : h.attach(RouterStore.class).ports(router.id())) {
            L3Ports.PortInfo port = l3.ports().port(h, rp.portId());
            if (port != null && port.fixedIps().stream().anyMatch(ip -> ip.subnetId().equals(subnetId))) {
                return port;
            }
        }
        throw L3Errors.interfaceNotFoundForSubnet(router.id(), subnetId);
    }

    /** Floating IPs routed through this subnet, and extra routes via it, keep the interface. */
    private void confirmNotInUse(Handle h, RouterRow router, L3Ports.SubnetInfo subnet) {
        for (FloatingIpRow fip : h.attach(FloatingIpStore.class).throughRouter(router.id())) {
            if (Ip.inCidr(fip.fixedIpAddress(), subnet.cidr())) {
                throw L3Errors.interfaceInUseByFloatingIp(router.id(), subnet.id());
            }
        }
        for (ExtraRoute route : ExtraRoute.fromJson(router.routes())) {
            if (Ip.inCidr(route.nexthop(), subnet.cidr())) {
                throw L3Errors.interfaceInUseByRoute(router.id(), subnet.id());
            }
        }
    }

    /**
     * Neutron's duplicate check: the router may not already have a port on one of the new subnets,
     * and (for interfaces) a new subnet may not overlap a subnet it is already attached to.
     */
    void checkNewSubnets(Handle h, RouterRow router, List<L3Ports.SubnetInfo> added, boolean forGateway) {
        List<String> ids = added.stream().map(L3Ports.SubnetInfo::id).toList();
        List<String> attached = new ArrayList<>();
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
            boolean gateway = portId.equals(router.gwPortId());
            for (L3Ports.FixedIp ip : port.fixedIps()) {
                if (ids.contains(ip.subnetId())) {
                    throw L3Errors.badRequest("router", "Router already has a port on subnet " + ip.subnetId());
                }
                if (gateway == forGateway) {
                    attached.add(ip.subnetId());
                }
            }
        }
        for (String id : attached.stream().distinct().toList()) {
            L3Ports.SubnetInfo existing = l3.ports().subnet(h, id);
            Cidr cidr = existing == null ? null : Ip.cidr(existing.cidr());
            for (L3Ports.SubnetInfo s : added) {
                Cidr other = Ip.cidr(s.cidr());
                if (cidr != null && other != null && cidr.overlaps(other)) {
                    throw L3Errors.badRequest("router", "Cidr " + s.cidr() + " of subnet " + s.id()
                            + " overlaps with cidr " + existing.cidr() + " of subnet " + existing.id());
                }
            }
        }
    }

    private static Info info(RouterRow router, L3Ports.PortInfo port) {
        List<String> subnets = port.fixedIps().stream().map(L3Ports.FixedIp::subnetId).filter(Objects::nonNull)
                .distinct().toList();
        return new Info(router.id(), port.projectId(), port.id(), port.networkId(), subnets);
    }

    /** The answer, with the router's tags (the resource the action is on, as its {@code id} is). */
    static ObjectNode render(Info info, tools.jackson.databind.JsonNode routerTags) {
        ObjectNode out = Json.object();
        out.put("id", info.routerId());
        out.put("tenant_id", info.projectId());
        out.put("project_id", info.projectId());
        out.put("port_id", info.portId());
        out.put("network_id", info.networkId());
        if (info.subnetIds().isEmpty()) {
            out.putNull("subnet_id");
        } else {
            out.put("subnet_id", info.subnetIds().getFirst());
        }
        var ids = out.putArray("subnet_ids");
        info.subnetIds().forEach(ids::add);
        out.set("tags", routerTags);
        return out;
    }
}
