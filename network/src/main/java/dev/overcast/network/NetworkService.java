package dev.overcast.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.network.l3.L3Feature;
import dev.overcast.network.l3.L3PortEvents;
import dev.overcast.network.ports.PortHooks;
import dev.overcast.network.quotas.DbQuotaCheck;
import dev.overcast.network.quotas.QuotaFeature;
import dev.overcast.network.quotas.QuotaSettings;
import dev.overcast.network.secgroups.PortSecurityGroups;
import dev.overcast.network.secgroups.SecurityGroupFeature;
import dev.overcast.network.tags.Taggable;

/**
 * Network: a subset of the Neutron v2.0 API under {@code /network}. This is where its features
 * meet: the core (networks, subnets, subnet pools, ports, tags) asks the security groups for a
 * port's groups and the quotas before each create; routers and floating IPs reach networks and
 * ports through {@link CoreL3Ports} and hear of port deletes; and Compute hears of its servers'
 * ports through {@link PortEvents}.
 */
public final class NetworkService implements ServiceApi {
    private final NetworkContext ctx;
    private final List<NetworkFeature> features;

    /**
     * @param policy  the network policy: {@link NetworkPolicy#defaults()} with any operator overrides
     * @param bus     where network notifications go (topic {@code notifications}, publisher {@code network.<host>})
     * @param compute told when a server's port changes (Neutron's Nova notifier)
     */
    public NetworkService(Jdbi jdbi, Policy policy, Clock clock, NetworkSettings settings, Bus bus, String host,
            PortEvents compute) {
        this(jdbi, policy, clock, settings, bus, host, ctx -> all(ctx, compute));
    }

    /** A service of the features {@code features} makes from the shared context (tests pick some). */
    NetworkService(Jdbi jdbi, Policy policy, Clock clock, NetworkSettings settings, Bus bus, String host,
            Function<NetworkContext, List<NetworkFeature>> features) {
        this.ctx = new NetworkContext(jdbi, policy, clock, new Schemas("network"), settings,
                bus.notifier("notifications", "network." + host));
        this.features = List.copyOf(features.apply(ctx));
    }

    /** Every feature, wired to its neighbours. */
    static List<NetworkFeature> all(NetworkContext ctx, PortEvents compute) {
        QuotaSettings quotaSettings = QuotaSettings.defaults();
        QuotaCheck quotas = new DbQuotaCheck(quotaSettings);
        SecurityGroupLookup groups = new PortSecurityGroups(ctx.clock());
        SecurityGroupFeature securityGroups = new SecurityGroupFeature(ctx, quotas);
        L3Feature l3 = new L3Feature(ctx, new CoreL3Ports(ctx, groups), quotas, compute);
        L3PortEvents l3Ports = l3.portEvents();
        PortHooks hooks = new PortHooks() {
            @Override
            public void beforeDelete(Handle handle, String portId) {
                l3Ports.checkDeletable(handle, portId);
            }

            @Override
            public void deleted(Handle handle, String portId) {
                l3Ports.portDeleted(handle, portId);
            }
        };
        Map<String, Taggable> taggable = Map.of("security-groups", securityGroups::checkTaggable,
                "routers", l3::checkRouterTags, "floatingips", l3::checkFloatingIpTags);
        List<NetworkFeature> all = new ArrayList<>(CoreFeatures.of(ctx, groups, quotas, taggable, hooks, compute).all());
        all.add(securityGroups);
        all.add(new QuotaFeature(ctx, quotaSettings));
        all.add(l3);
        return all;
    }

    /**
     * Creates the deployment's external network on a fresh install, as DevStack's {@code public}:
     * {@code router:external}, the default for auto-allocated topologies, with one IPv4 subnet, so
     * that {@code networks: auto} (what the CLI sends without {@code --nic}) gives a project a
     * network, a subnet and a router at once. Owned by no project: Overcast's services do not share
     * ids, so Network cannot name Identity's admin project; admins manage it all the same. Does
     * nothing when any external network exists. Returns whether it made one.
     */
    public boolean bootstrapPublicNetwork(String name, String cidr) {
        return Transactions.write(ctx.jdbi(), h -> {
            boolean any = h.createQuery("select count(*) from networks where router_external = true")
                    .mapTo(Integer.class).one() > 0;
            if (any) {
                return false;
            }
            QuotaCheck none = (handle, project, resource, adding) -> {
            };
            var network = new dev.overcast.network.networks.NetworkWriter(ctx, none).create(h,
                    new dev.overcast.network.networks.NetworkSpec("", name, "", true, false, true, true, null, true,
                            List.of(), null, null, null));
            new dev.overcast.network.subnets.SubnetWriter(ctx, none).create(h,
                    dev.overcast.network.subnets.SubnetSpec.of(network.id(), "", name + "-subnet", 4, cidr));
            return true;
        });
    }

    @Override
    public String prefix() {
        return "/network";
    }

    @Override
    public FaultFormat faults() {
        return new NeutronFaults();
    }

    @Override
    public void routes(Routes routes) {
        new Discovery(features).routes(routes);
        features.forEach(f -> f.routes(routes));
    }
}
