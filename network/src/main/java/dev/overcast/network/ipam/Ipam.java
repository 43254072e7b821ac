package dev.overcast.network.ipam;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.network.NeutronErrors;

/**
 * Hands out and takes back a subnet's addresses, inside the port's transaction.
 *
 * <p>Never twice, by two locks of different kinds: the allocator takes the subnet's row lock
 * ({@code select ... for update}) before it reads which addresses are taken, so concurrent
 * allocations on one subnet queue up and each sees the ones before it; and
 * {@code ip_allocations} has (subnet_id, ip_address) as its primary key, so a bug in the first
 * could only ever fail a request, never give an address to two ports. The choice itself is
 * {@link AddressChooser}'s, a pure function of the snapshot read under the lock.
 */
public final class Ipam {
    private Ipam() {
    }

    /**
     * Allocates an address on {@code subnet} to {@code portId}: {@code requested} if it is free
     * (any address of the subnet but the gateway, which only routers may take), else the first free
     * one in the pools; SLAAC subnets derive it from {@code mac}.
     */
    public static IpAddress allocate(Handle h, IpamSubnet subnet, String portId, IpAddress requested, String mac,
            boolean mayTakeGateway) {
        h.createQuery("select id from subnets where id = :id for update").bind("id", subnet.id())
                .mapTo(String.class).one();
        Set<IpAddress> taken = allocated(h, subnet.id());
        IpAddress chosen;
        if (subnet.autoAddress()) {
            chosen = Eui64.address(subnet.cidr(), mac);
            if (taken.contains(chosen)) {
                throw alreadyAllocated(chosen, subnet);
            }
        } else if (requested != null) {
            if (!subnet.cidr().contains(requested)) {
                throw NeutronErrors.of(400, "InvalidIpForSubnet",
                        "IP address " + requested + " is not a valid IP for the specified subnet.");
            }
            boolean gateway = requested.equals(subnet.gateway());
            if (taken.contains(requested) || (gateway && !mayTakeGateway)) {
                throw alreadyAllocated(requested, subnet);
            }
            chosen = requested;
        } else {
            // The gateway is never handed out unasked: a router asks for it by address.
            if (subnet.gateway() != null) {
                taken.add(subnet.gateway());
            }
            chosen = AddressChooser.first(subnet.pools(), taken).orElseThrow(() -> new SubnetFull(subnet.networkId()));
        }
        h.createUpdate("insert into ip_allocations (subnet_id, ip_address, port_id, network_id)"
                        + " values (:subnet, :ip, :port, :network)")
                .bind("subnet", subnet.id()).bind("ip", chosen.toString()).bind("port", portId)
                .bind("network", subnet.networkId()).execute();
        return chosen;
    }

    /** 409 IpAddressGenerationFailure: the subnet (or every candidate subnet) is full. */
    public static RuntimeException full(String networkId) {
        return new SubnetFull(networkId);
    }

    /**
     * Neutron's IpAddressGenerationFailure: no free address in the subnet's pools. A caller with
     * other subnets to try catches it (nothing was written).
     */
    public static final class SubnetFull extends ApiException {
        SubnetFull(String networkId) {
            super(409, "No more IP addresses available on network " + networkId + ".", "IpAddressGenerationFailure");
        }
    }

    private static RuntimeException alreadyAllocated(IpAddress ip, IpamSubnet subnet) {
        return NeutronErrors.conflict("IpAddressAlreadyAllocated",
                "IP address " + ip + " already allocated in subnet " + subnet.id());
    }

    private static Set<IpAddress> allocated(Handle h, String subnetId) {
        List<String> rows = h.createQuery("select ip_address from ip_allocations where subnet_id = :id")
                .bind("id", subnetId).mapTo(String.class).list();
        Set<IpAddress> out = new HashSet<>();
        rows.forEach(r -> out.add(IpAddress.parse(r).orElseThrow()));
        return out;
    }

    /** Frees every address of a port (they may be handed out again at once). */
    public static void releasePort(Handle h, String portId) {
        h.createUpdate("delete from ip_allocations where port_id = :id").bind("id", portId).execute();
    }

    /** Frees one address of a port. */
    public static void release(Handle h, String portId, String subnetId, String ip) {
        h.createUpdate("delete from ip_allocations where port_id = :port and subnet_id = :subnet and ip_address = :ip")
                .bind("port", portId).bind("subnet", subnetId).bind("ip", ip).execute();
    }
}
