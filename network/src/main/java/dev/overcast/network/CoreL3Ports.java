package dev.overcast.network;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.jdbi.v3.core.Handle;

import dev.overcast.network.ipam.IpAddress;
import dev.overcast.network.l3.L3Ports;
import dev.overcast.network.networks.NetworkRow;
import dev.overcast.network.networks.NetworkStore;
import dev.overcast.network.networks.NetworkWriter;
import dev.overcast.network.ports.Port;
import dev.overcast.network.ports.PortWriter;
import dev.overcast.network.subnets.SubnetRow;
import dev.overcast.network.subnets.SubnetStore;
import dev.overcast.network.subnets.SubnetWriter;

/**
 * {@link L3Ports} over the core's tables and writers: what routers, floating IPs and
 * auto-allocated topologies make and read of networks, subnets and ports. The writers here check
 * no quota (the l3 feature asks the quota check itself, as its contract says); they share the
 * core's rules and IPAM, so an address is never handed out twice whoever asks.
 */
final class CoreL3Ports implements L3Ports {
    private static final QuotaCheck NO_QUOTA = (handle, projectId, resource, adding) -> {
    };

    private final NetworkWriter networks;
    private final SubnetWriter subnets;
    private final PortWriter ports;

    CoreL3Ports(NetworkContext ctx, SecurityGroupLookup groups) {
        this.networks = new NetworkWriter(ctx, NO_QUOTA);
        this.subnets = new SubnetWriter(ctx, NO_QUOTA);
        this.ports = new PortWriter(ctx, groups, NO_QUOTA, new SecureRandom());
    }

    @Override
    public NetworkInfo network(Handle h, String networkId) {
        return NetworkStore.find(h, networkId).map(n -> info(h, n)).orElse(null);
    }

    @Override
    public NetworkInfo defaultExternalNetwork(Handle h) {
        return externalNetworks(h).stream().filter(NetworkInfo::isDefault).findFirst().orElse(null);
    }

    @Override
    public List<NetworkInfo> externalNetworks(Handle h) {
        List<String> ids = h.createQuery("select id from networks where router_external = true order by created_at, id")
                .mapTo(String.class).list();
        List<NetworkInfo> out = new ArrayList<>();
        for (String id : ids) {
            NetworkStore.find(h, id).ifPresent(n -> out.add(info(h, n)));
        }
        return out;
    }

    private static NetworkInfo info(Handle h, NetworkRow n) {
        return new NetworkInfo(n.id(), n.projectId(), n.name(), n.routerExternal(), n.shared(), n.isDefault(),
                SubnetStore.ofNetwork(h, n.id()).stream().map(SubnetRow::id).toList());
    }

    @Override
    public SubnetInfo subnet(Handle h, String subnetId) {
        return SubnetStore.find(h, subnetId).map(CoreL3Ports::info).orElse(null);
    }

    @Override
    public List<SubnetInfo> subnetsOf(Handle h, String networkId) {
        return SubnetStore.ofNetwork(h, networkId).stream().map(CoreL3Ports::info).toList();
    }

    private static SubnetInfo info(SubnetRow s) {
        return new SubnetInfo(s.id(), s.networkId(), s.projectId(), s.name(), s.cidr(), s.gatewayIp(), s.ipVersion());
    }

    @Override
    public PortInfo port(Handle h, String portId) {
        return ports.find(h, portId).map(CoreL3Ports::info).orElse(null);
    }

    private static PortInfo info(Port p) {
        var r = p.row();
        return new PortInfo(r.id(), r.networkId(), r.projectId(), r.name(), r.macAddress(), r.adminStateUp(),
                r.status(), r.deviceId(), r.deviceOwner(),
                p.fixedIps().stream().map(ip -> new FixedIp(ip.subnetId(), ip.ipAddress())).toList());
    }

    @Override
    public PortInfo createPort(Handle h, PortSpec spec) {
        List<dev.overcast.network.ports.FixedIpRequest> wanted = null;
        if (!spec.fixedIps().isEmpty()) {
            wanted = new ArrayList<>();
            for (var ip : spec.fixedIps()) {
                IpAddress address = ip.ipAddress() == null ? null : IpAddress.parse(ip.ipAddress()).orElseThrow(() ->
                        NeutronErrors.invalidInput("'" + ip.ipAddress() + "' is not a valid IP address"));
                wanted.add(new dev.overcast.network.ports.FixedIpRequest(ip.subnetId(), address));
            }
        }
        return info(ports.create(h, dev.overcast.network.ports.PortSpec.of(spec.networkId(), spec.projectId(),
                spec.deviceId(), spec.deviceOwner(), wanted)));
    }

    @Override
    public void deletePort(Handle h, String portId) {
        ports.delete(h, portId);
    }

    @Override
    public PortInfo updateDevice(Handle h, String portId, String deviceId, String deviceOwner) {
        return info(ports.update(h, portId, new PortWriter.Change(null, null, null, null, deviceId, deviceOwner, null,
                null, null, null, null, null, null, null)));
    }

    @Override
    public String createNetwork(Handle h, L3Ports.NetworkSpec spec) {
        return networks.create(h, new dev.overcast.network.networks.NetworkSpec(spec.projectId(), spec.name(), "", true, false, false, false, null,
                true, List.of(), null, null, null)).id();
    }

    @Override
    public String createSubnet(Handle h, L3Ports.SubnetSpec spec) {
        return subnets.create(h, dev.overcast.network.subnets.SubnetSpec.of(spec.networkId(), spec.projectId(), spec.name(), spec.ipVersion(),
                spec.cidr(), spec.gatewayIp())).id();
    }

    @Override
    public void deleteNetwork(Handle h, String networkId) {
        networks.delete(h, networkId);
    }
}
