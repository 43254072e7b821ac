package dev.overcast.compute;

import java.time.Clock;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.cells.CellDatabases;
import dev.overcast.compute.cells.Cells;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.core.version.VersionHistory;

/** Compute: the Nova v2.1 API under {@code /compute}, microversions 2.1 to 2.96. */
public final class ComputeService implements ServiceApi {
    private final ComputeContext ctx;

    /**
     * @param api    the API database (schema {@code compute_api})
     * @param cellDb opens a cell's database from its mapping
     * @param policy {@link ComputePolicy#defaults()} with any operator overrides
     */
    public ComputeService(Jdbi api, CellDatabases cellDb, Policy policy, Bus bus, Clock clock,
                          ComputeSettings settings) {
        this.ctx = new ComputeContext(api, new Cells(api, cellDb, clock), policy, new Schemas("compute"), bus, clock,
                settings);
    }

    /** The shared state, for the other compute roles and the admin commands. */
    public ComputeContext context() {
        return ctx;
    }

    @Override
    public String prefix() {
        return "/compute";
    }

    @Override
    public FaultFormat faults() {
        return new NovaFaults();
    }

    @Override
    public VersionHistory versions() {
        return ComputeVersions.HISTORY;
    }

    @Override
    public String requestIdHeader() {
        return "x-compute-request-id";
    }

    @Override
    public void routes(Routes routes) {
        new Discovery().routes(routes);
        // Features register their routes here, one line each.
        new dev.overcast.compute.flavors.FlavorApi(ctx).routes(routes);
        new dev.overcast.compute.keypairs.KeyPairApi(ctx).routes(routes);
        new dev.overcast.compute.quotas.QuotaSetApi(ctx).routes(routes);
        new dev.overcast.compute.aggregates.AggregateApi(ctx).routes(routes);
        new dev.overcast.compute.zones.ZoneApi(ctx).routes(routes);
        new dev.overcast.compute.groups.ServerGroupApi(ctx).routes(routes);
        new dev.overcast.compute.usage.UsageApi(ctx).routes(routes);
        new dev.overcast.compute.services.ServiceApi(ctx).routes(routes);
        new dev.overcast.compute.hypervisors.HypervisorApi(ctx).routes(routes);
    }
}
