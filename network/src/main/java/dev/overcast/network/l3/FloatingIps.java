package dev.overcast.network.l3;

import dev.overcast.network.tags.TagStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;

import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.node.ObjectNode;

/**
 * Floating IPs: an address taken from an external network by a port of its own (device_owner
 * {@code network:floatingip}, device_id the floating IP), mapped to a fixed IP of a port that a
 * router connects to that external network.
 *
 * <p>The router is found as Neutron finds it: among the routers with a gateway on the floating
 * IP's network and an interface on the fixed IP's subnet, the one whose interface holds the
 * subnet's gateway IP, else the first. That router's row is locked while the association is
 * written, so an interface removal that would strand the floating IP waits and then refuses.
 * One fixed IP has at most one floating IP per external network: the table's unique key decides
 * between concurrent associations.
 */
final class FloatingIps {
    static final String OWNER = "network:floatingip";
    static final String TAG_TYPE = "floatingips";
    static final Set<String> CREATE_ATTRIBUTES = Set.of("floating_network_id", "floating_ip_address", "subnet_id",
            "port_id", "fixed_ip_address", "description", "project_id", "tenant_id", "dns_name", "dns_domain", "tags");
    static final Set<String> UPDATE_ATTRIBUTES = Set.of("port_id", "fixed_ip_address", "description", "id",
            "floating_network_id", "floating_ip_address", "project_id", "tenant_id", "router_id", "status",
            "dns_name", "dns_domain", "subnet_id", "port_details", "tags", "created_at", "updated_at",
            "revision_number", "qos_policy_id");
    private static final Set<String> READ_ONLY = Set.of("id", "floating_network_id", "floating_ip_address",
            "project_id", "tenant_id", "router_id", "status", "dns_name", "dns_domain", "subnet_id", "port_details",
            "tags", "created_at", "updated_at", "revision_number", "qos_policy_id");

    private final L3Context l3;

    FloatingIps(L3Context l3) {
        this.l3 = l3;
    }

    /** Where a floating IP points: a port's fixed IP through a router, or nowhere (all null). */
    record Association(String portId, String fixedIp, String routerId) {
        static final Association NONE = new Association(null, null, null);
    }

    FloatingIpRow visible(Handle h, Caller caller, String id) {
        return h.attach(FloatingIpStore.class).find(id).filter(f -> caller.sees(f.projectId()))
                .orElseThrow(() -> L3Errors.floatingIpNotFound(id));
    }

    FloatingIpRow locked(Handle h, Caller caller, String id) {
        return h.attach(FloatingIpStore.class).lock(id).filter(f -> caller.sees(f.projectId()))
                .orElseThrow(() -> L3Errors.floatingIpNotFound(id));
    }

    FloatingIpRow create(Handle h, Caller caller, ObjectNode body) {
        String owner = caller.owner(body);
        caller.enforce("create_floatingip", owner);
        String networkId = Attrs.uuid(body, "floating_network_id");
        if (networkId == null) {
            throw NeutronErrors.of(400, "HTTPBadRequest",
                    "Failed to parse request. Required attribute 'floating_network_id' not specified");
        }
        String address = Attrs.ip(body, "floating_ip_address");
        if (address != null) {
            caller.enforce("create_floatingip:floating_ip_address", owner);
        }
        String subnetId = Attrs.uuid(body, "subnet_id");
        String portId = Attrs.uuid(body, "port_id");
        String fixedIp = Attrs.ip(body, "fixed_ip_address");
        String description = Attrs.string(body, "description", 255, "");
        refuseDns(body);
        List<String> tags = Attrs.tags(body);
        L3Ports.NetworkInfo network = l3.ports().network(h, networkId);
        if (network == null || !caller.seesNetwork(network)) {
            throw L3Errors.networkNotFound(networkId);
        }
        if (!network.external()) {
            throw L3Errors.badRequest("floatingip", "Network " + networkId + " is not a valid external network");
        }
        List<L3Ports.SubnetInfo> subnets = l3.ports().subnetsOf(h, networkId);
        if (subnets.stream().noneMatch(s -> s.ipVersion() == 4)) {
            throw L3Errors.badRequest("floatingip", "Network " + networkId + " does not contain any IPv4 subnet");
        }
        if (subnetId != null && subnets.stream().noneMatch(s -> s.id().equals(subnetId))) {
            throw NeutronErrors.invalidInput("Failed to create port on network " + networkId
                    + ", because fixed_ips included invalid subnet " + subnetId);
        }
        if (fixedIp != null && portId == null) {
            throw L3Errors.badRequest("floatingip", "fixed_ip_address cannot be specified without a port_id");
        }
        l3.quotas().check(h, owner, "floatingip", 1);
        String id = UUID.randomUUID().toString();
        List<L3Ports.FixedIpRequest> wanted = address == null && subnetId == null ? List.of()
                : List.of(new L3Ports.FixedIpRequest(subnetId, address));
        L3Ports.PortInfo port = l3.ports().createPort(h, new L3Ports.PortSpec(networkId, "", id, OWNER, wanted));
        String floatingAddress = port.fixedIps().stream().map(L3Ports.FixedIp::ipAddress)
                .filter(a -> Ip.version(a) == 4).findFirst()
                .orElseThrow(() -> NeutronErrors.of(400, "ExternalIpAddressExhausted",
                        "Unable to find any IP address on external network " + networkId + "."));
        var now = l3.now();
        FloatingIpRow row = new FloatingIpRow(id, owner, floatingAddress, networkId, port.id(), null, null, null,
                "DOWN", description, now, now, 0);
        // A refused association rolls the transaction back, and the address with it.
        Association to = portId == null ? Association.NONE : associationFor(h, caller, row, portId, fixedIp);
        FloatingIpRow stored = row.associated(to.portId(), to.fixedIp(), to.routerId());
        writing(stored, portId, () -> h.attach(FloatingIpStore.class).insert(stored));
        tags.forEach(t -> TagStore.add(h, TAG_TYPE, id, t));
        return stored;
    }

    FloatingIpRow update(Handle h, Caller caller, FloatingIpRow fip, ObjectNode body) {
        caller.enforce("update_floatingip", fip.projectId());
        Attrs.refuseReadOnly(body, READ_ONLY);
        String fixedIp = Attrs.ip(body, "fixed_ip_address");
        FloatingIpRow row = fip;
        if (body.has("port_id")) {
            String portId = Attrs.uuid(body, "port_id");
            if (portId == null) {
                if (fixedIp != null) {
                    throw L3Errors.badRequest("floatingip", "fixed_ip_address cannot be specified without a port_id");
                }
                row = row.associated(null, null, null);
            } else {
                Association to = associationFor(h, caller, fip, portId, fixedIp);
                row = row.associated(to.portId(), to.fixedIp(), to.routerId());
            }
        } else if (fixedIp != null) {
            throw L3Errors.badRequest("floatingip", "fixed_ip_address cannot be specified without a port_id");
        }
        row = row.withDescription(Attrs.string(body, "description", 255, row.description())).revised(l3.now());
        FloatingIpRow stored = row;
        writing(stored, stored.fixedPortId(), () -> h.attach(FloatingIpStore.class).update(stored));
        return stored;
    }

    void delete(Handle h, Caller caller, FloatingIpRow fip) {
        caller.enforce("delete_floatingip", fip.projectId());
        h.attach(FloatingIpStore.class).delete(fip.id());
        TagStore.removeAll(h, TAG_TYPE, fip.id());
        l3.ports().deletePort(h, fip.floatingPortId());
    }

    /**
     * Where {@code fip} would point if associated with {@code portId} (at {@code fixedIp}, or the
     * port's one IPv4 address): checks the port, finds the router and locks it.
     */
    Association associationFor(Handle h, Caller caller, FloatingIpRow fip, String portId, String fixedIp) {
        L3Ports.PortInfo port = l3.ports().port(h, portId);
        if (port == null || !caller.sees(port.projectId())) {
            throw L3Errors.portNotFound(portId);
        }
        if (!port.projectId().equals(fip.projectId()) && !caller.admin()) {
            throw L3Errors.badRequest("floatingip", "Cannot process floating IP association with Port " + portId
                    + ", since that port is owned by a different tenant");
        }
        L3Ports.FixedIp internal = internalAddress(port, fixedIp);
        if (portId.equals(fip.fixedPortId()) && internal.ipAddress().equals(fip.fixedIpAddress())) {
            return new Association(portId, internal.ipAddress(), fip.routerId());
        }
        for (FloatingIpRow other : h.attach(FloatingIpStore.class).onPort(portId)) {
            if (!other.id().equals(fip.id()) && other.floatingNetworkId().equals(fip.floatingNetworkId())
                    && internal.ipAddress().equals(other.fixedIpAddress())) {
                throw L3Errors.alreadyAssociated(fip, portId, internal.ipAddress());
            }
        }
        String routerId = routerFor(h, port, internal.subnetId(), fip.floatingNetworkId());
        return new Association(portId, internal.ipAddress(), routerId);
    }

    private static L3Ports.FixedIp internalAddress(L3Ports.PortInfo port, String fixedIp) {
        if (fixedIp != null) {
            if (Ip.version(fixedIp) != 4) {
                throw L3Errors.badRequest("floatingip", "Cannot process floating IP association with " + fixedIp
                        + ", since that is not an IPv4 address");
            }
            return port.fixedIps().stream().filter(ip -> ip.ipAddress().equals(fixedIp)).findFirst()
                    .orElseThrow(() -> L3Errors.badRequest("floatingip", "Port " + port.id()
                            + " does not have fixed ip " + fixedIp));
        }
        List<L3Ports.FixedIp> v4 = port.fixedIps().stream().filter(ip -> Ip.version(ip.ipAddress()) == 4).toList();
        if (v4.isEmpty()) {
            throw L3Errors.badRequest("floatingip", "Cannot add floating IP to port " + port.id()
                    + " that has no fixed IPv4 addresses");
        }
        if (v4.size() > 1) {
            throw L3Errors.badRequest("floatingip", "Port " + port.id() + " has multiple fixed IPv4 addresses.  "
                    + "Must provide a specific IPv4 address when assigning a floating IP");
        }
        return v4.getFirst();
    }

    /** The router connecting the subnet to the external network, locked; 404 when there is none. */
    private String routerFor(Handle h, L3Ports.PortInfo port, String subnetId, String externalNetworkId) {
        RouterStore routers = h.attach(RouterStore.class);
        List<String> candidates = routers.withGatewayOn(externalNetworkId).stream().map(RouterRow::id).toList();
        L3Ports.SubnetInfo subnet = l3.ports().subnet(h, subnetId);
        String first = null;
        String best = null;
        if (!candidates.isEmpty()) {
            for (RouterStore.RouterPort rp : routers.portsOn(candidates, port.networkId())) {
                L3Ports.PortInfo iface = l3.ports().port(h, rp.portId());
                if (iface == null) {
                    continue;
                }
                for (L3Ports.FixedIp ip : iface.fixedIps()) {
                    if (!ip.subnetId().equals(subnetId)) {
                        continue;
                    }
                    if (first == null) {
                        first = rp.routerId();
                    }
                    if (best == null && subnet != null && ip.ipAddress().equals(subnet.gatewayIp())) {
                        best = rp.routerId();
                    }
                }
            }
        }
        String chosen = best != null ? best : first;
        if (chosen == null) {
            throw L3Errors.gatewayNotReachable(externalNetworkId, subnetId, port.id());
        }
        // Take the router's lock, then look again: an interface removed meanwhile has committed.
        RouterRow router = routers.lock(chosen).orElse(null);
        boolean stillConnected = router != null && externalNetworkId.equals(router.gwNetworkId())
                && routers.ports(chosen).stream().anyMatch(rp -> rp.networkId().equals(port.networkId()));
        if (!stillConnected) {
            throw L3Errors.gatewayNotReachable(externalNetworkId, subnetId, port.id());
        }
        return chosen;
    }

    /** Runs a write; the unique key on (network, port, fixed IP) losing a race is the upstream 409. */
    private static void writing(FloatingIpRow row, String portId, Runnable write) {
        try {
            write.run();
        } catch (StatementException e) {
            if (isUniqueViolation(e) && portId != null) {
                throw L3Errors.alreadyAssociated(row, portId, row.fixedIpAddress());
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Without the dns-integration extension a floating IP has no DNS name; only "" is accepted. */
    private static void refuseDns(ObjectNode body) {
        for (String name : List.of("dns_name", "dns_domain")) {
            if (!Attrs.string(body, name, 255, "").isEmpty()) {
                throw L3Errors.badRequest("floatingip", name + " needs the dns-integration extension, "
                        + "which Overcast does not implement");
            }
        }
    }

    /** Frees the floating IPs of a port that is being deleted (see {@link L3PortEvents#portDeleted}). */
    void portDeleted(Handle h, String portId) {
        FloatingIpStore store = h.attach(FloatingIpStore.class);
        for (FloatingIpRow fip : store.onPort(portId)) {
            store.update(fip.associated(null, null, null).revised(l3.now()));
        }
    }
}
