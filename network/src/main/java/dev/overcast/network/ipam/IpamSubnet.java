package dev.overcast.network.ipam;

import java.util.List;

/**
 * What the allocator needs of a subnet.
 *
 * @param gateway     null when the subnet has none
 * @param autoAddress whether addresses come from the MAC (IPv6 SLAAC or DHCPv6-stateless), never from the pools
 */
public record IpamSubnet(String id, String networkId, Cidr cidr, IpAddress gateway, List<IpRange> pools,
                         boolean autoAddress) {
    public IpamSubnet {
        pools = List.copyOf(pools);
    }
}
