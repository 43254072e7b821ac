package dev.overcast.network.subnets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.overcast.core.json.Json;
import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;
import dev.overcast.network.ipam.IpRange;
import dev.overcast.network.ipam.IpamSubnet;
import tools.jackson.databind.JsonNode;

/**
 * A subnet as stored.
 *
 * @param allocationPools JSON {@code [{"start": ..., "end": ...}]}
 * @param dnsNameservers  JSON list of addresses
 * @param hostRoutes      JSON {@code [{"destination": ..., "nexthop": ...}]}
 * @param subnetpoolId    the pool the CIDR was carved from, or null
 */
public record SubnetRow(String id, String name, String networkId, String projectId, int ipVersion, String cidr,
                        String gatewayIp, boolean enableDhcp, String ipv6RaMode, String ipv6AddressMode,
                        String allocationPools, String dnsNameservers, String hostRoutes, String description,
                        Instant createdAt, Instant updatedAt, long revisionNumber, String subnetpoolId) {

    public Cidr network() {
        return Cidr.parse(cidr).orElseThrow().normalized();
    }

    public List<IpRange> pools() {
        List<IpRange> out = new ArrayList<>();
        for (JsonNode p : Json.parse(allocationPools)) {
            out.add(new IpRange(IpAddress.parse(p.get("start").asString()).orElseThrow(),
                    IpAddress.parse(p.get("end").asString()).orElseThrow()));
        }
        return out;
    }

    /** Whether ports get their address from their MAC (SLAAC or DHCPv6-stateless) rather than the pools. */
    public boolean autoAddress() {
        return ipVersion == 6 && ("slaac".equals(ipv6AddressMode) || "dhcpv6-stateless".equals(ipv6AddressMode));
    }

    public IpamSubnet ipam() {
        return new IpamSubnet(id, networkId, network(), gatewayIp == null ? null : IpAddress.parse(gatewayIp).orElseThrow(),
                pools(), autoAddress());
    }
}
