package dev.overcast.network;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;

/** Network: a subset of the Neutron v2.0 API under {@code /network}. */
public final class NetworkService implements ServiceApi {
    private final List<NetworkFeature> features;

    /**
     * @param policy the network policy: {@link NetworkPolicy#defaults()} with any operator overrides
     * @param bus    where network notifications go (topic {@code notifications}, publisher {@code network.<host>})
     */
    public NetworkService(Jdbi jdbi, Policy policy, Clock clock, NetworkSettings settings, Bus bus, String host) {
        this(jdbi, policy, clock, settings, bus, host, ctx -> List.of());
    }

    /**
     * A service of the features {@code features} makes from the shared context; tests pick
     * features and their neighbours (e.g. the l3 feature over a fake core).
     */
    NetworkService(Jdbi jdbi, Policy policy, Clock clock, NetworkSettings settings, Bus bus, String host,
            Function<NetworkContext, List<NetworkFeature>> features) {
        NetworkContext ctx = new NetworkContext(jdbi, policy, clock, new Schemas("network"), settings,
                bus.notifier("notifications", "network." + host));
        this.features = List.copyOf(features.apply(ctx));
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
