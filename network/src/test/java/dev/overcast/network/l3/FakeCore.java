package dev.overcast.network.l3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jdbi.v3.core.Handle;

import dev.overcast.network.NeutronErrors;

/**
 * An in-memory core (networks, subnets, ports) for the l3 feature's tests: the neighbour the real
 * core replaces at merge. Its IPAM is honest but small: IPv4 subnets hand out their lowest free
 * host address (never the network, broadcast or gateway address, never one twice). Every change
 * made through {@link L3Ports} is undone if the caller's transaction rolls back, so the fake
 * keeps the contract that L3 writes and port writes commit together.
 *
 * <p>Thread-safe: one lock, as tests call it from concurrent requests.
 */
final class FakeCore implements L3Ports {
    private final Map<String, NetworkInfo> networks = new LinkedHashMap<>();
    private final Map<String, SubnetInfo> subnets = new LinkedHashMap<>();
    private final Map<String, PortInfo> ports = new LinkedHashMap<>();
    private int macs;

    // ---- set-up for tests (what the real core's API would do) ----

    synchronized NetworkInfo addNetwork(String project, String name, boolean external, boolean shared,
            boolean isDefault) {
        NetworkInfo n = new NetworkInfo(UUID.randomUUID().toString(), project, name, external, shared, isDefault,
                List.of());
        networks.put(n.id(), n);
        return n;
    }

    synchronized SubnetInfo addSubnet(String networkId, String cidr, String gatewayIp) {
        NetworkInfo n = networks.get(networkId);
        SubnetInfo s = new SubnetInfo(UUID.randomUUID().toString(), networkId, n.projectId(), "subnet-" + cidr, cidr,
                gatewayIp, cidr.contains(":") ? 6 : 4);
        subnets.put(s.id(), s);
        List<String> ids = new ArrayList<>(n.subnetIds());
        ids.add(s.id());
        networks.put(n.id(), new NetworkInfo(n.id(), n.projectId(), n.name(), n.external(), n.shared(), n.isDefault(),
                ids));
        return s;
    }

    /** A user's port, unbound, as {@code POST /v2.0/ports} makes it. */
    synchronized PortInfo addPort(String project, String networkId, List<FixedIpRequest> fixedIps) {
        return make(new PortSpec(networkId, project, "", "", fixedIps));
    }

    /** A port deleted through the ports API (which tells the l3 feature, as the real core will). */
    synchronized void removePort(String portId) {
        ports.remove(portId);
    }

    /** A port bound to a device, as a server create does. */
    synchronized void bind(String portId, String deviceId, String deviceOwner) {
        PortInfo old = ports.get(portId);
        ports.put(portId, new PortInfo(old.id(), old.networkId(), old.projectId(), old.name(), old.macAddress(),
                old.adminStateUp(), "ACTIVE", deviceId, deviceOwner, old.fixedIps()));
    }

    synchronized boolean hasPort(String portId) {
        return ports.containsKey(portId);
    }

    synchronized List<PortInfo> allPorts() {
        return List.copyOf(ports.values());
    }

    synchronized boolean hasNetwork(String networkId) {
        return networks.containsKey(networkId);
    }

    // ---- L3Ports ----

    @Override
    public synchronized NetworkInfo network(Handle handle, String networkId) {
        return networks.get(networkId);
    }

    @Override
    public synchronized NetworkInfo defaultExternalNetwork(Handle handle) {
        return networks.values().stream().filter(n -> n.external() && n.isDefault()).findFirst().orElse(null);
    }

    @Override
    public synchronized List<NetworkInfo> externalNetworks(Handle handle) {
        return networks.values().stream().filter(NetworkInfo::external).toList();
    }

    @Override
    public synchronized SubnetInfo subnet(Handle handle, String subnetId) {
        return subnets.get(subnetId);
    }

    @Override
    public synchronized List<SubnetInfo> subnetsOf(Handle handle, String networkId) {
        return subnets.values().stream().filter(s -> s.networkId().equals(networkId)).toList();
    }

    @Override
    public synchronized PortInfo port(Handle handle, String portId) {
        return ports.get(portId);
    }

    @Override
    public synchronized PortInfo createPort(Handle handle, PortSpec spec) {
        PortInfo port = make(spec);
        handle.afterRollback(() -> {
            synchronized (this) {
                ports.remove(port.id());
            }
        });
        return port;
    }

    @Override
    public synchronized void deletePort(Handle handle, String portId) {
        PortInfo gone = ports.remove(portId);
        if (gone != null) {
            handle.afterRollback(() -> {
                synchronized (this) {
                    ports.put(gone.id(), gone);
                }
            });
        }
    }

    @Override
    public synchronized PortInfo updateDevice(Handle handle, String portId, String deviceId, String deviceOwner) {
        PortInfo old = ports.get(portId);
        PortInfo updated = new PortInfo(old.id(), old.networkId(), old.projectId(), old.name(), old.macAddress(),
                old.adminStateUp(), deviceId.isEmpty() ? "DOWN" : "ACTIVE", deviceId, deviceOwner, old.fixedIps());
        ports.put(portId, updated);
        handle.afterRollback(() -> {
            synchronized (this) {
                ports.put(old.id(), old);
            }
        });
        return updated;
    }

    @Override
    public synchronized String createNetwork(Handle handle, NetworkSpec spec) {
        NetworkInfo n = addNetwork(spec.projectId(), spec.name(), false, false, false);
        handle.afterRollback(() -> {
            synchronized (this) {
                networks.remove(n.id());
            }
        });
        return n.id();
    }

    @Override
    public synchronized String createSubnet(Handle handle, SubnetSpec spec) {
        NetworkInfo before = networks.get(spec.networkId());
        SubnetInfo s = addSubnet(spec.networkId(), spec.cidr(), spec.gatewayIp());
        SubnetInfo named = new SubnetInfo(s.id(), s.networkId(), spec.projectId(), spec.name(), s.cidr(),
                s.gatewayIp(), s.ipVersion());
        subnets.put(s.id(), named);
        handle.afterRollback(() -> {
            synchronized (this) {
                subnets.remove(s.id());
                networks.put(before.id(), before);
            }
        });
        return s.id();
    }

    @Override
    public synchronized void deleteNetwork(Handle handle, String networkId) {
        if (ports.values().stream().anyMatch(p -> p.networkId().equals(networkId)
                && !p.deviceOwner().equals("network:dhcp"))) {
            throw NeutronErrors.conflict("NetworkInUse", "Unable to complete operation on network " + networkId
                    + ". There are one or more ports still in use on the network.");
        }
        NetworkInfo gone = networks.remove(networkId);
        List<SubnetInfo> goneSubnets = subnetsOf(handle, networkId);
        goneSubnets.forEach(s -> subnets.remove(s.id()));
        handle.afterRollback(() -> {
            synchronized (this) {
                networks.put(gone.id(), gone);
                goneSubnets.forEach(s -> subnets.put(s.id(), s));
            }
        });
    }

    // ---- IPAM-lite ----

    private PortInfo make(PortSpec spec) {
        NetworkInfo network = networks.get(spec.networkId());
        if (network == null) {
            throw NeutronErrors.notFound("Network", spec.networkId());
        }
        List<FixedIp> ips = new ArrayList<>();
        if (spec.fixedIps().isEmpty()) {
            SubnetInfo v4 = subnetsOf(null, network.id()).stream().filter(s -> s.ipVersion() == 4).findFirst()
                    .orElse(null);
            if (v4 != null) {
                ips.add(new FixedIp(v4.id(), free(network, v4)));
            }
        }
        for (FixedIpRequest wanted : spec.fixedIps()) {
            ips.add(allocate(network, wanted, ips));
        }
        String mac = String.format("fa:16:3e:00:%02x:%02x", (macs >> 8) & 255, macs & 255);
        macs++;
        PortInfo port = new PortInfo(UUID.randomUUID().toString(), network.id(), spec.projectId(), "", mac, true,
                spec.deviceId().isEmpty() ? "DOWN" : "ACTIVE", spec.deviceId(), spec.deviceOwner(), ips);
        ports.put(port.id(), port);
        return port;
    }

    private FixedIp allocate(NetworkInfo network, FixedIpRequest wanted, List<FixedIp> taking) {
        if (wanted.ipAddress() == null) {
            SubnetInfo s = subnets.get(wanted.subnetId());
            return new FixedIp(s.id(), free(network, s));
        }
        for (SubnetInfo s : subnetsOf(null, network.id())) {
            if (wanted.subnetId() != null && !s.id().equals(wanted.subnetId())) {
                continue;
            }
            if (Ip.inCidr(wanted.ipAddress(), s.cidr())) {
                boolean taken = used(network).contains(wanted.ipAddress())
                        || taking.stream().anyMatch(ip -> ip.ipAddress().equals(wanted.ipAddress()));
                if (taken) {
                    throw NeutronErrors.conflict("IpAddressAlreadyAllocated", "IP address " + wanted.ipAddress()
                            + " already allocated in subnet " + s.id());
                }
                return new FixedIp(s.id(), wanted.ipAddress());
            }
        }
        if (wanted.subnetId() != null) {
            throw NeutronErrors.of(400, "InvalidIpForSubnet", "IP address " + wanted.ipAddress()
                    + " is not a valid IP for the specified subnet.");
        }
        throw NeutronErrors.of(400, "InvalidIpForNetwork", "IP address " + wanted.ipAddress()
                + " is not a valid IP for any of the subnets on the specified network.");
    }

    private String free(NetworkInfo network, SubnetInfo subnet) {
        dev.overcast.network.ipam.Cidr cidr = Ip.cidr(subnet.cidr());
        List<String> used = used(network);
        long size = 1L << (32 - cidr.prefix());
        for (long i = 1; i < size - 1; i++) {
            String candidate = cidr.network().plus(i).toString();
            if (!candidate.equals(subnet.gatewayIp()) && !used.contains(candidate)) {
                return candidate;
            }
        }
        throw NeutronErrors.conflict("IpAddressGenerationFailure",
                "No more IP addresses available on network " + network.id() + ".");
    }

    private List<String> used(NetworkInfo network) {
        return ports.values().stream().filter(p -> p.networkId().equals(network.id()))
                .flatMap(p -> p.fixedIps().stream()).map(FixedIp::ipAddress).toList();
    }
}
