package dev.overcast.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.network.networks.Networks;
import dev.overcast.network.ports.PortHooks;
import dev.overcast.network.ports.PortWriter;
import dev.overcast.network.ports.Ports;
import dev.overcast.network.subnetpools.SubnetPools;
import dev.overcast.network.subnets.Subnets;
import dev.overcast.network.tags.Taggable;
import dev.overcast.network.tags.Tags;

/**
 * The core of the Network API, assembled: networks, subnet pools, subnets, ports (with IPAM) and
 * tags on all four, plus any other taggable collections the caller registers (security groups, routers,
 * floating IPs: one entry each).
 *
 * @param networks    the networks feature; its {@link Networks#writer()} creates networks for other features
 * @param subnetPools the subnet pools feature; {@link SubnetPools#allocate} carves CIDRs for other features
 * @param subnets     the subnets feature; its {@link Subnets#writer()} creates subnets for other features
 * @param ports       the ports feature; its {@link Ports#writer()} creates ports for other features
 * @param tags        the tags API over every registered collection
 */
public record CoreFeatures(Networks networks, SubnetPools subnetPools, Subnets subnets, Ports ports, Tags tags) {

    /**
     * @param groups     the security-group feature's lookup
     * @param quotas     the quota feature's check
     * @param taggable   further collections with tags, collection name → access check
     */
    public static CoreFeatures of(NetworkContext ctx, SecurityGroupLookup groups, QuotaCheck quotas,
            Map<String, Taggable> taggable) {
        return of(ctx, groups, quotas, taggable, PortHooks.NONE, PortEvents.NONE);
    }

    /**
     * @param hooks   what other features must hear of a client's port delete
     * @param compute told when a server's port changes or goes
     */
    public static CoreFeatures of(NetworkContext ctx, SecurityGroupLookup groups, QuotaCheck quotas,
            Map<String, Taggable> taggable, PortHooks hooks, PortEvents compute) {
        Networks networks = new Networks(ctx, quotas);
        SubnetPools subnetPools = new SubnetPools(ctx, quotas);
        Subnets subnets = new Subnets(ctx, quotas, subnetPools);
        Ports ports = new Ports(ctx, new PortWriter(ctx, groups, quotas, new java.security.SecureRandom()), hooks,
                compute);
        Map<String, Taggable> all = new LinkedHashMap<>();
        all.put("networks", networks.taggable());
        all.put("subnets", subnets.taggable());
        all.put("ports", ports.taggable());
        all.put("subnetpools", subnetPools.taggable());
        all.putAll(taggable);
        return new CoreFeatures(networks, subnetPools, subnets, ports, new Tags(ctx, all));
    }

    /** The features, in the order {@link NetworkService} registers them. */
    public List<NetworkFeature> all() {
        return List.of(networks, subnetPools, subnets, ports, tags);
    }
}
