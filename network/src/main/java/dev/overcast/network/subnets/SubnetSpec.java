package dev.overcast.network.subnets;

import java.util.List;
import java.util.Objects;

import dev.overcast.core.json.Json;
import dev.overcast.network.ipam.Cidr;
import dev.overcast.network.ipam.IpAddress;
import dev.overcast.network.ipam.IpRange;

/**
 * A new subnet, its layout already checked: the input of {@link SubnetWriter#create}.
 *
 * @param gateway    null for none
 * @param hostRoutes JSON {@code [{"destination", "nexthop"}]}, normalized
 * @param subnetpoolId the pool the CIDR came from, or null
 */
public record SubnetSpec(String networkId, String projectId, String name, String description, Cidr cidr,
                         IpAddress gateway, List<IpRange> pools, boolean enableDhcp, String ipv6RaMode,
                         String ipv6AddressMode, List<String> dnsNameservers, String hostRoutes,
                         String subnetpoolId) {
    public SubnetSpec {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(projectId, "projectId");
        pools = List.copyOf(pools);
        dnsNameservers = List.copyOf(dnsNameservers);
    }

    /**
     * A subnet with Neutron's defaults for {@code cidr} (first host as gateway, the rest as the
     * pool, DHCP on); 400 when the CIDR is not one of {@code ipVersion}.
     */
    public static SubnetSpec of(String networkId, String projectId, String name, int ipVersion, String cidr) {
        return of(networkId, projectId, name, ipVersion, cidr, null);
    }

    /** As {@link #of(String, String, String, int, String)}, with {@code gatewayIp} (null: the first host). */
    public static SubnetSpec of(String networkId, String projectId, String name, int ipVersion, String cidr,
            String gatewayIp) {
        Cidr network = SubnetShape.cidr(cidr, ipVersion);
        var body = Json.object();
        if (gatewayIp != null) {
            body.put("gateway_ip", gatewayIp);
        }
        IpAddress gateway = SubnetShape.gateway(body, network);
        return new SubnetSpec(networkId, projectId, name == null ? "" : name, "", network, gateway,
                SubnetShape.pools(null, network, gateway), true, null, null, List.of(), "[]", null);
    }

}
