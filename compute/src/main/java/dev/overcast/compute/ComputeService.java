package dev.overcast.compute;

import java.util.Map;

import dev.overcast.compute.aggregates.AggregateApi;
import dev.overcast.compute.aggregates.AggregateStore;
import dev.overcast.compute.conductor.ComputeHosts;
import dev.overcast.compute.flavors.FlavorApi;
import dev.overcast.compute.groups.GroupQuota;
import dev.overcast.compute.groups.ServerGroupApi;
import dev.overcast.compute.groups.ServerGroupStore;
import dev.overcast.compute.hypervisors.HypervisorApi;
import dev.overcast.compute.keypairs.KeyPairApi;
import dev.overcast.compute.quotas.QuotaEnforcer;
import dev.overcast.compute.quotas.QuotaSetApi;
import dev.overcast.compute.servers.ServerApi;
import dev.overcast.compute.servers.ServerNeighbours;
import dev.overcast.compute.services.HostAggregates;
import dev.overcast.compute.usage.UsageApi;
import dev.overcast.compute.zones.ZoneApi;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.version.VersionHistory;

/**
 * Compute's public API: Nova v2.1 under {@code /compute}, microversions 2.1 to 2.96, and its v2.0
 * compatible mode under {@code /compute/v2}. Built by
 * {@link Compute}, which shares its stores with the conductor and scheduler.
 */
public final class ComputeService implements ServiceApi {
    private final ComputeContext ctx;
    private final AggregateStore aggregates;
    private final ServerGroupStore groups;
    private final HostAggregates membership;
    private final ServerNeighbours neighbours;
    private final ComputeHosts hosts;
    private final String imageUrl;

    ComputeService(ComputeContext ctx, AggregateStore aggregates, ServerGroupStore groups, HostAggregates membership,
                   ServerNeighbours neighbours, ComputeHosts hosts, String imageUrl) {
        this.ctx = ctx;
        this.aggregates = aggregates;
        this.groups = groups;
        this.membership = membership;
        this.neighbours = neighbours;
        this.hosts = hosts;
        this.imageUrl = imageUrl;
    }

    /** The shared state, for the other compute roles and the admin commands. */
    public ComputeContext context() {
        return ctx;
    }

    @Override
    public String prefix() {
        return "/compute";
    }

    /**
     * Nova's router tells {@code /os-simple-tenant-usage/} from {@code /os-simple-tenant-usage}:
     * the first names an empty id (a 404), as Tempest's negative tests expect.
     */
    @Override
    public boolean strictTrailingSlash() {
        return true;
    }

    /** Nova's v2.0 compatible mode: {@code /v2/...} is the v2.1 API at 2.1, lenient with bodies. */
    @Override
    public OlderApi olderApi() {
        return new OlderApi("/v2", "/v2.1");
    }

    /** {@code /v2.1/{project_id}/servers}, as Nova still routes it (and {@code /v2/{project_id}/...}). */
    @Override
    public boolean projectIdInPath() {
        return true;
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
        new ServerApi(ctx, neighbours, hosts, imageUrl).routes(routes);
        new FlavorApi(ctx).routes(routes);
        new KeyPairApi(ctx).routes(routes);
        new QuotaSetApi(ctx).routes(routes);
        new AggregateApi(ctx, aggregates).routes(routes);
        new ZoneApi(ctx, aggregates).routes(routes);
        new ServerGroupApi(ctx, groups, groupQuota(new QuotaEnforcer(ctx))).routes(routes);
        new UsageApi(ctx).routes(routes);
        new dev.overcast.compute.services.ServiceApi(ctx, membership).routes(routes);
        new HypervisorApi(ctx).routes(routes);
        new dev.overcast.compute.hosts.HostApi(ctx, aggregates).routes(routes);
        new dev.overcast.compute.images.ImageProxyApi(ctx, imageUrl).routes(routes);
        new dev.overcast.compute.extensions.ExtensionApi(ctx).routes(routes);
        new dev.overcast.compute.admin.MigrationApi(ctx).routes(routes);
        new dev.overcast.compute.admin.AuditLogApi(ctx).routes(routes);
        new dev.overcast.compute.admin.ExternalEventApi(ctx, new dev.overcast.compute.network.NetworkEventSink(ctx))
                .routes(routes);
        ctx.networks().proxy().ifPresent(neutron -> {
            new dev.overcast.compute.netproxy.SecurityGroupProxyApi(ctx, neutron).routes(routes);
            new dev.overcast.compute.netproxy.NetworkProxyApi(ctx, neutron).routes(routes);
            new dev.overcast.compute.netproxy.FloatingIpProxyApi(ctx, neutron).routes(routes);
        });
    }

    private static GroupQuota groupQuota(QuotaEnforcer quotas) {
        return (project, user, delta) -> {
            try {
                quotas.check(project, user, Map.of("server_groups", (long) delta));
                return true;
            } catch (ApiException e) {
                return false;
            }
        };
    }
}
