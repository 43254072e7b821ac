package dev.overcast.network.l3;

import java.util.List;

import org.jdbi.v3.core.Handle;

/**
 * What routers, floating IPs and auto-allocated topologies need of networks, subnets and ports:
 * implemented over the core feature (its tables and IPAM) when the features are wired together.
 *
 * <p>Contract for every method:
 * <ul>
 *   <li>it runs in the caller's transaction ({@code handle}), so that an L3 write and the ports it
 *       creates or deletes commit or roll back together;
 *   <li>it ignores who is calling: the l3 feature has already decided visibility and policy, and
 *       the ports it creates are system ports (Neutron creates them with an elevated context);
 *   <li>it checks no quota (Neutron counts ports, networks and subnets made by the L3 plugin only
 *       where the L3 code asks, through {@link dev.overcast.network.QuotaCheck});
 *   <li>a failure the client must see is an {@link dev.overcast.core.http.ApiException} with
 *       Neutron's type and message (e.g. 409 {@code IpAddressGenerationFailure}), never a partial
 *       write: the caller's transaction rolls back.
 * </ul>
 */
public interface L3Ports {

    /** The network, or null when there is none. */
    NetworkInfo network(Handle handle, String networkId);

    /**
     * The deployment's default external network, for auto-allocation: the {@code router:external}
     * network whose {@code is_default} is true (an admin sets it); null when there is none.
     */
    NetworkInfo defaultExternalNetwork(Handle handle);

    /** Every {@code router:external} network, oldest first (they are visible to every project). */
    List<NetworkInfo> externalNetworks(Handle handle);

    /** The subnet, or null when there is none. */
    SubnetInfo subnet(Handle handle, String subnetId);

    /** The network's subnets, oldest first. */
    List<SubnetInfo> subnetsOf(Handle handle, String networkId);

    /** The port, or null when there is none. */
    PortInfo port(Handle handle, String portId);

    /**
     * Creates a port with IPAM as a port create through the API does (an address is never handed
     * out twice; a requested address must be free and inside one of the network's subnets).
     * Ports whose owner starts with {@code network:} get no security groups, as Neutron treats
     * them as trusted.
     *
     * @throws dev.overcast.core.http.ApiException 409 {@code IpAddressGenerationFailure} when a
     *         subnet has no free address, 409 {@code IpAddressAlreadyAllocated} for a taken address,
     *         400 {@code InvalidIpForNetwork}/{@code InvalidIpForSubnet} for an address outside them
     */
    PortInfo createPort(Handle handle, PortSpec spec);

    /**
     * Deletes a port and frees its addresses, without the checks the ports API makes for ports
     * routers and floating IPs own (the l3 feature is their owner). Nothing when it is gone.
     */
    void deletePort(Handle handle, String portId);

    /** Sets a port's {@code device_id} and {@code device_owner} (binding it to a router, or freeing it). */
    PortInfo updateDevice(Handle handle, String portId, String deviceId, String deviceOwner);

    /** Creates a network (not shared, not external) and returns its id; for auto-allocation. */
    String createNetwork(Handle handle, NetworkSpec spec);

    /**
     * Creates a subnet (DHCP enabled, one allocation pool: the CIDR less the gateway) and returns
     * its id; for auto-allocation.
     */
    String createSubnet(Handle handle, SubnetSpec spec);

    /**
     * Deletes a network with its subnets, as the API does: its DHCP ports go with it, any other
     * port left is a 409 {@code NetworkInUse}. For deleting an auto-allocated topology.
     */
    void deleteNetwork(Handle handle, String networkId);

    /**
     * A network as the l3 feature needs it.
     *
     * @param projectId its owner
     * @param external  {@code router:external}
     * @param isDefault {@code is_default}: the external network auto-allocation uses
     * @param subnetIds its subnets, oldest first
     */
    record NetworkInfo(String id, String projectId, String name, boolean external, boolean shared,
                       boolean isDefault, List<String> subnetIds) {
        public NetworkInfo {
            subnetIds = List.copyOf(subnetIds);
        }
    }

    /**
     * A subnet.
     *
     * @param cidr      e.g. {@code 10.0.0.0/24} or {@code 2001:db8::/64}
     * @param gatewayIp null when the subnet has no gateway
     * @param ipVersion 4 or 6
     */
    record SubnetInfo(String id, String networkId, String projectId, String name, String cidr, String gatewayIp,
                      int ipVersion) {
    }

    /** One of a port's addresses. */
    record FixedIp(String subnetId, String ipAddress) {
    }

    /**
     * A port.
     *
     * @param projectId   its owner; empty for system ports (router gateways, floating IP ports)
     * @param deviceId    empty when unbound
     * @param deviceOwner e.g. {@code network:router_interface}, {@code compute:nova}; empty when none
     * @param status      ACTIVE, DOWN, N/A, ... as the ports API shows it
     */
    record PortInfo(String id, String networkId, String projectId, String name, String macAddress,
                    boolean adminStateUp, String status, String deviceId, String deviceOwner, List<FixedIp> fixedIps) {
        public PortInfo {
            fixedIps = List.copyOf(fixedIps);
        }
    }

    /**
     * An address wanted on a new port: a subnet (any free address of it), an address (in whichever
     * of the network's subnets holds it), or both.
     */
    record FixedIpRequest(String subnetId, String ipAddress) {
    }

    /**
     * A port to create.
     *
     * @param projectId its owner; empty for system ports, as Neutron creates gateway and floating IP ports
     * @param fixedIps  the addresses wanted; empty means what a port created without {@code fixed_ips}
     *                  gets (one address from an IPv4 subnet of the network, and IPv6 as the core does)
     */
    record PortSpec(String networkId, String projectId, String deviceId, String deviceOwner,
                    List<FixedIpRequest> fixedIps) {
        public PortSpec {
            fixedIps = List.copyOf(fixedIps);
        }
    }

    /** A network to create for a project. */
    record NetworkSpec(String projectId, String name) {
    }

    /** An IPv4 or IPv6 subnet to create. */
    record SubnetSpec(String networkId, String projectId, String name, String cidr, String gatewayIp,
                      int ipVersion) {
    }
}
