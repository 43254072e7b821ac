package dev.overcast.placement;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Subscription;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.core.version.VersionHistory;
import dev.overcast.placement.candidates.CandidateSettings;
import dev.overcast.placement.candidates.KnownTraits;
import dev.overcast.placement.model.ProviderIndex;
import dev.overcast.placement.rpc.PlacementRpc;
import dev.overcast.placement.traits.StandardTraits;

/** Placement: the Placement 1.x API under {@code /placement}, microversions 1.0 to 1.39. */
public final class PlacementService implements ServiceApi {
    private final PlacementContext ctx;
    private final CandidateSettings candidates;

    /** A Placement whose allocation candidates come in a stable order. */
    public PlacementService(Jdbi jdbi, Policy policy, Clock clock) {
        this(jdbi, policy, clock, false);
    }

    /**
     * @param policy                        the placement policy: {@link PlacementPolicy#defaults()} with any
     *                                      operator overrides
     * @param randomizeAllocationCandidates upstream's {@code [placement] randomize_allocation_candidates}:
     *                                      candidates come from a random place among the providers
     */
    public PlacementService(Jdbi jdbi, Policy policy, Clock clock, boolean randomizeAllocationCandidates) {
        this.ctx = new PlacementContext(jdbi, new ProviderIndex(jdbi), policy, new Schemas("placement"), clock);
        this.candidates = new CandidateSettings(randomizeAllocationCandidates, null);
    }

    /** Serves Placement's bus API (topic {@code placement}) as {@code server}; close it to stop. */
    public Subscription serveRpc(Bus bus, String server) {
        return new PlacementRpc(ctx, candidates).listen(bus, server);
    }

    /** The shared state, for in-process callers that use Placement's code directly (benchmarks, tests). */
    public PlacementContext context() {
        return ctx;
    }

    @Override
    public String prefix() {
        return "/placement";
    }

    @Override
    public FaultFormat faults() {
        return new PlacementFaults();
    }

    @Override
    public VersionHistory versions() {
        return PlacementVersions.HISTORY;
    }

    @Override
    public void routes(Routes routes) {
        new Discovery().routes(routes);
        new dev.overcast.placement.providers.ProviderApi(ctx).routes(routes);
        new dev.overcast.placement.providers.InventoryApi(ctx).routes(routes);
        new dev.overcast.placement.classes.ResourceClassApi(ctx).routes(routes);
        new dev.overcast.placement.traits.TraitApi(ctx).routes(routes);
        new dev.overcast.placement.aggregates.AggregateApi(ctx).routes(routes);
        new dev.overcast.placement.candidates.CandidateApi(ctx,
                KnownTraits.of(ctx.jdbi(), StandardTraits.all()), candidates).routes(routes);
        new dev.overcast.placement.allocations.AllocationApi(ctx).routes(routes);
    }
}
