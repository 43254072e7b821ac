package dev.overcast.network.ports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.QuotaCheck;
import dev.overcast.network.SecurityGroupLookup;
import dev.overcast.network.ipam.IpAddress;
import dev.overcast.network.ipam.Ipam;
import dev.overcast.network.networks.NetworkRow;
import dev.overcast.network.networks.NetworkStore;
import dev.overcast.network.subnets.SubnetRow;
import dev.overcast.network.subnets.SubnetStore;
import tools.jackson.databind.node.ArrayNode;

/**
 * Creates, changes and deletes ports inside the caller's transaction, with the rules Neutron
 * applies whoever asks: unique MACs, IPAM, port security and groups, quotas. Policy is the
 * caller's business: the HTTP API checks it before calling, and other features (routers,
 * floating IPs, auto-allocated topology) call this directly for the ports they own.
 *
 * <p>Every write locks the network's row first, so the MAC check and the choice of subnets see
 * every port committed before; addresses are then taken under each subnet's lock by {@link Ipam}.
 */
public final class PortWriter {
    private static final int MAC_ATTEMPTS = 16;

    private final NetworkContext ctx;
    private final SecurityGroupLookup groups;
    private final QuotaCheck quotas;
    private final MacAddresses macs;

    public PortWriter(NetworkContext ctx, SecurityGroupLookup groups, QuotaCheck quotas, RandomGenerator random) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.macs = new MacAddresses(ctx.settings().baseMac(), random);
    }

    /** The port with its addresses and groups, if it exists. */
    public Optional<Port> find(Handle h, String id) {
        return PortStore.find(h, id).map(row -> PortStore.load(h, row));
    }

    /** Ports whose device is {@code deviceId} (a server, a router), oldest first. */
    public List<Port> ofDevice(Handle h, String deviceId) {
        List<PortRow> rows = h.createQuery("select id from ports where device_id = :d order by created_at, id")
                .bind("d", deviceId).mapTo(String.class).list().stream()
                .map(id -> PortStore.find(h, id).orElseThrow()).toList();
        return PortStore.loadAll(h, rows);
    }

    /**
     * Creates a port. 404 NetworkNotFound for an unknown network; 409 MacAddressInUse,
     * IpAddressAlreadyAllocated, IpAddressGenerationFailure, OverQuota; 400 for addresses outside the network.
     */
    public Port create(Handle h, PortSpec spec) {
        NetworkRow network = NetworkStore.lock(h, spec.networkId())
                .orElseThrow(() -> NeutronErrors.notFound("Network", spec.networkId()));
        quotas.check(h, spec.projectId(), "port", 1);
        String id = UUID.randomUUID().toString();
        String mac = mac(h, network.id(), spec.macAddress());
        boolean portSecurity = spec.portSecurityEnabled() != null ? spec.portSecurityEnabled()
                : network.portSecurityEnabled();
        checkPortSecurity(portSecurity, spec.securityGroups(), spec.allowedAddressPairs());
        var now = ctx.clock().instant();
        PortRow row = new PortRow(id, spec.name(), network.id(), spec.projectId(), mac, spec.adminStateUp(),
                PortRow.status(spec.adminStateUp(), spec.bindingHostId(), spec.deviceOwner()), spec.deviceId(),
                spec.deviceOwner(), pairsJson(spec.allowedAddressPairs()), portSecurity, spec.bindingHostId(),
                spec.bindingProfile(), spec.bindingVnicType(), spec.propagateUplinkStatus(), spec.description(), now,
                now, 0);
        PortStore.insert(h, row);
        List<FixedIp> ips = allocate(h, row, spec.fixedIps(), List.of());
        List<String> chosen = groupsFor(h, row, portSecurity, spec.securityGroups());
        PortStore.setGroups(h, id, chosen);
        return new Port(row, ips, chosen);
    }

    /** What an update changes; null fields stay as they are. */
    public record Change(String name, String description, Boolean adminStateUp, String macAddress, String deviceId,
                         String deviceOwner, List<FixedIpRequest> fixedIps, List<String> securityGroups,
                         Boolean portSecurityEnabled, List<AddressPair> allowedAddressPairs, String bindingHostId,
                         String bindingProfile, String bindingVnicType, Boolean propagateUplinkStatus) {
    }

    /** Applies {@code change} to port {@code id}: one revision later, addresses reallocated if asked. */
    public Port update(Handle h, String id, Change c) {
        PortRow old = PortStore.find(h, id).orElseThrow(() -> NeutronErrors.notFound("Port", id));
        NetworkStore.lock(h, old.networkId()).orElseThrow();
        old = PortStore.lock(h, id).orElseThrow(() -> NeutronErrors.notFound("Port", id));
        Port current = PortStore.load(h, old);
        String mac = c.macAddress() == null || c.macAddress().equals(old.macAddress()) ? old.macAddress()
                : mac(h, old.networkId(), c.macAddress());
        if (!mac.equals(old.macAddress()) && old.isBound()) {
            throw NeutronErrors.conflict("PortBound", "Unable to complete operation on port " + id + ", port is already"
                    + " bound, port type: ovs, old_mac " + old.macAddress() + ", new_mac " + mac + ".");
        }
        boolean portSecurity = c.portSecurityEnabled() != null ? c.portSecurityEnabled() : old.portSecurityEnabled();
        List<String> wantedGroups = c.securityGroups() != null ? c.securityGroups()
                : portSecurity ? current.securityGroups() : List.of();
        List<AddressPair> pairs = c.allowedAddressPairs() != null ? c.allowedAddressPairs() : pairs(old);
        if (!portSecurity && c.securityGroups() == null && !current.securityGroups().isEmpty()) {
            throw NeutronErrors.conflict("PortSecurityPortHasSecurityGroup", "Port has security group associated."
                    + " Cannot disable port security or IP address until security group is removed");
        }
        checkPortSecurity(portSecurity, wantedGroups, pairs);
        String owner = c.deviceOwner() != null ? c.deviceOwner() : old.deviceOwner();
        String host = c.bindingHostId() != null ? c.bindingHostId() : old.bindingHostId();
        boolean up = c.adminStateUp() != null ? c.adminStateUp() : old.adminStateUp();
        PortRow row = new PortRow(id, c.name() != null ? c.name() : old.name(), old.networkId(), old.projectId(), mac,
                up, PortRow.status(up, host, owner), c.deviceId() != null ? c.deviceId() : old.deviceId(), owner,
                pairsJson(pairs), portSecurity, host,
                c.bindingProfile() != null ? c.bindingProfile() : old.bindingProfile(),
                c.bindingVnicType() != null ? c.bindingVnicType() : old.bindingVnicType(),
                c.propagateUplinkStatus() != null ? c.propagateUplinkStatus() : old.propagateUplinkStatus(),
                c.description() != null ? c.description() : old.description(), old.createdAt(),
                ctx.clock().instant(), old.revisionNumber() + 1);
        PortStore.update(h, row);
        List<FixedIp> ips = current.fixedIps();
        if (c.fixedIps() != null) {
            ips = allocate(h, row, c.fixedIps(), current.fixedIps());
        }
        List<String> chosen = current.securityGroups();
        if (c.securityGroups() != null || !portSecurity) {
            chosen = portSecurity && !wantedGroups.isEmpty()
                    ? groups.forPort(h, row.projectId(), wantedGroups) : List.of();
            PortStore.setGroups(h, id, chosen);
        }
        return new Port(row, ips, chosen);
    }

    /** Deletes the port and frees its addresses; false when there was no such port. */
    public boolean delete(Handle h, String id) {
        if (PortStore.lock(h, id).isEmpty()) {
            return false;
        }
        PortStore.delete(h, id);
        return true;
    }

    private String mac(Handle h, String networkId, String requested) {
        if (requested != null) {
            if (PortStore.macInUse(h, networkId, requested)) {
                throw NeutronErrors.conflict("MacAddressInUse", "Unable to complete operation for network "
                        + networkId + ". The mac address " + requested + " is in use.");
            }
            return requested;
        }
        for (int attempt = 0; attempt < MAC_ATTEMPTS; attempt++) {
            String mac = macs.next();
            if (!PortStore.macInUse(h, networkId, mac)) {
                return mac;
            }
        }
        throw NeutronErrors.conflict("MacAddressGenerationFailure",
                "Unable to generate unique mac on network " + networkId + ".");
    }

    private static void checkPortSecurity(boolean portSecurity, List<String> groups, List<AddressPair> pairs) {
        if (portSecurity) {
            return;
        }
        if (groups != null && !groups.isEmpty()) {
            throw NeutronErrors.of(400, "PortSecurityAndIPRequiredForSecurityGroups", "Port security must be enabled"
                    + " and port must have an IP address in order to use security groups.");
        }
        if (!pairs.isEmpty()) {
            throw NeutronErrors.conflict("AddressPairAndPortSecurityRequired",
                    "Port Security must be enabled in order to have allowed address pairs on a port.");
        }
    }

    private List<String> groupsFor(Handle h, PortRow row, boolean portSecurity, List<String> requested) {
        if (!portSecurity || (requested == null && row.isNetworkDevice()) || (requested != null && requested.isEmpty())) {
            return List.of();
        }
        return groups.forPort(h, row.projectId(), requested);
    }

    /**
     * The port's addresses after a create or an update: kept where the request names an address the
     * port holds (or only a subnet it has one on), freed where the request drops it, allocated where
     * new. With {@code requested} null (a create without fixed_ips) one address comes from the first
     * IPv4 subnet with room, one from the first stateful IPv6 subnet with room, and one from every
     * SLAAC subnet.
     */
    private List<FixedIp> allocate(Handle h, PortRow port, List<FixedIpRequest> requested, List<FixedIp> held) {
        List<SubnetRow> subnets = SubnetStore.ofNetwork(h, port.networkId());
        boolean router = port.deviceOwner().startsWith("network:router");
        List<FixedIp> result = new ArrayList<>();
        if (requested == null) {
            for (int version : new int[] {4, 6}) {
                List<SubnetRow> candidates = subnets.stream()
                        .filter(s -> s.ipVersion() == version && !s.autoAddress()).toList();
                if (candidates.isEmpty()) {
                    continue;
                }
                result.add(takeFromFirstWithRoom(h, port, candidates, router));
            }
            addAutoAddresses(h, port, subnets, result, router);
            return result;
        }
        Set<FixedIp> keep = new HashSet<>();
        List<FixedIpRequest> fresh = new ArrayList<>();
        for (FixedIpRequest r : requested) {
            SubnetRow subnet = subnetFor(port.networkId(), subnets, r);
            if (subnet.autoAddress() && r.ipAddress() != null && !router) {
                throw NeutronErrors.invalidInput("IPv6 address " + r.ipAddress() + " cannot be directly assigned to a"
                        + " port on subnet " + subnet.id() + " as the subnet is configured for automatic addresses");
            }
            Optional<FixedIp> existing = held.stream().filter(f -> !keep.contains(f) && f.subnetId().equals(subnet.id())
                    && (r.ipAddress() == null || f.ipAddress().equals(r.ipAddress().toString()))).findFirst();
            if (existing.isPresent()) {
                keep.add(existing.get());
            } else {
                fresh.add(new FixedIpRequest(subnet.id(), r.ipAddress()));
            }
        }
        for (FixedIp f : held) {
            boolean auto = subnets.stream().anyMatch(s -> s.id().equals(f.subnetId()) && s.autoAddress());
            if (!keep.contains(f) && !auto) {
                Ipam.release(h, port.id(), f.subnetId(), f.ipAddress());
            } else {
                result.add(f);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        result.forEach(f -> seen.add(f.subnetId() + " " + f.ipAddress()));
        for (FixedIpRequest r : fresh) {
            SubnetRow subnet = subnets.stream().filter(s -> s.id().equals(r.subnetId())).findFirst().orElseThrow();
            FixedIp ip = take(h, port, subnet, r.ipAddress(), router);
            if (!seen.add(ip.subnetId() + " " + ip.ipAddress())) {
                throw NeutronErrors.invalidInput("Duplicate IP address '" + ip.ipAddress() + "'");
            }
            result.add(ip);
        }
        addAutoAddresses(h, port, subnets, result, router);
        return result;
    }

    /** SLAAC addresses: every auto-address subnet gives the port one (routers ask for theirs explicitly). */
    private static void addAutoAddresses(Handle h, PortRow port, List<SubnetRow> subnets, List<FixedIp> result,
            boolean router) {
        if (router) {
            return;
        }
        for (SubnetRow s : subnets) {
            if (s.autoAddress() && result.stream().noneMatch(f -> f.subnetId().equals(s.id()))) {
                result.add(take(h, port, s, null, false));
            }
        }
    }

    /** An address from the first subnet that has one; IpAddressGenerationFailure when none has. */
    private static FixedIp takeFromFirstWithRoom(Handle h, PortRow port, List<SubnetRow> candidates, boolean router) {
        for (SubnetRow subnet : candidates) {
            try {
                return take(h, port, subnet, null, router);
            } catch (Ipam.SubnetFull full) {
                // Neutron moves on to the network's next subnet of the same version.
            }
        }
        throw Ipam.full(port.networkId());
    }

    private static FixedIp take(Handle h, PortRow port, SubnetRow subnet, IpAddress ip, boolean router) {
        IpAddress got = Ipam.allocate(h, subnet.ipam(), port.id(), ip, port.macAddress(), router);
        return new FixedIp(subnet.id(), got.toString());
    }

    private static SubnetRow subnetFor(String networkId, List<SubnetRow> subnets, FixedIpRequest r) {
        if (r.subnetId() != null) {
            return subnets.stream().filter(s -> s.id().equals(r.subnetId())).findFirst()
                    .orElseThrow(() -> NeutronErrors.invalidInput("Failed to create port on network " + networkId
                            + ", because fixed_ips included invalid subnet " + r.subnetId()));
        }
        return subnets.stream().filter(s -> s.network().contains(r.ipAddress())).findFirst()
                .orElseThrow(() -> NeutronErrors.of(400, "InvalidIpForNetwork", "IP address " + r.ipAddress()
                        + " is not a valid IP for any of the subnets on the specified network."));
    }

    static String pairsJson(List<AddressPair> pairs) {
        ArrayNode out = Json.array();
        pairs.forEach(p -> {
            var o = out.addObject().put("ip_address", p.ipAddress());
            if (p.macAddress() != null) {
                o.put("mac_address", p.macAddress());
            }
        });
        return Json.write(out);
    }

    static List<AddressPair> pairs(PortRow row) {
        List<AddressPair> out = new ArrayList<>();
        Json.parse(row.allowedAddressPairs()).forEach(p -> out.add(new AddressPair(p.get("ip_address").asString(),
                p.has("mac_address") ? p.get("mac_address").asString() : null)));
        return out;
    }
}
