package dev.overcast.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.network.quotas.DbQuotaCheck;
import dev.overcast.network.quotas.QuotaFeature;
import dev.overcast.network.quotas.QuotaSettings;
import dev.overcast.network.secgroups.SecurityGroupFeature;

/** Network: a subset of the Neutron v2.0 API under {@code /network}. */
public final class NetworkService implements ServiceApi {
    private final List<NetworkFeature> features;

    /**
     * @param policy the network policy: {@link NetworkPolicy#defaults()} with any operator overrides
     * @param bus    where network notifications go (topic {@code notifications}, publisher {@code network.<host>})
     */
    public NetworkService(Jdbi jdbi, Policy policy, Clock clock, NetworkSettings settings, Bus bus, String host) {
        this(jdbi, policy, clock, settings, bus, host, null, null);
    }

    /**
     * The service with its core (networks, subnets, ports, tags), whose ports need the security
     * groups and quotas of their neighbour features; each is made from the shared context.
     *
     * @param groups the security-group feature's {@link SecurityGroupLookup}, or null for a service without the core
     * @param quotas the quota feature's {@link QuotaCheck}, or null likewise
     */
    public NetworkService(Jdbi jdbi, Policy policy, Clock clock, NetworkSettings settings, Bus bus, String host,
            Function<NetworkContext, SecurityGroupLookup> groups, Function<NetworkContext, QuotaCheck> quotas) {
        NetworkContext ctx = new NetworkContext(jdbi, policy, clock, new Schemas("network"), settings,
                bus.notifier("notifications", "network." + host));
        List<NetworkFeature> all = new ArrayList<>();
        if (groups != null && quotas != null) {
            all.addAll(CoreFeatures.of(ctx, groups.apply(ctx), quotas.apply(ctx), Map.of()).all());
        }
        this.features = List.copyOf(all);
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
