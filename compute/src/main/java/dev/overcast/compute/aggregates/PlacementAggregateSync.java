package dev.overcast.compute.aggregates;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.placement.BusPlacementAggregates;
import dev.overcast.compute.placement.PlacementAggregates;

/**
 * Puts the compute nodes of aggregated hosts into their Placement aggregates again: Nova's
 * {@code nova-manage placement sync_aggregates}. The aggregate API tells Placement as hosts join
 * and leave, but a join whose message failed, or a compute node whose provider appeared after
 * its host joined, is only caught up here. Like Nova's command it only adds memberships.
 */
public final class PlacementAggregateSync {
    private static final Logger log = LoggerFactory.getLogger(PlacementAggregateSync.class);

    /** What one sync did. */
    public record Result(int aggregates, int hosts, List<String> unknownProviders) {
    }

    private final AggregateStore store;
    private final CellHosts hosts;
    private final PlacementAggregates placement;

    public PlacementAggregateSync(ComputeContext ctx, AggregateStore store) {
        this(store, new CellHosts(ctx.cells()), new BusPlacementAggregates(ctx.bus(), ctx.settings().rpcTimeout()));
    }

    PlacementAggregateSync(AggregateStore store, CellHosts hosts, PlacementAggregates placement) {
        this.store = store;
        this.hosts = hosts;
        this.placement = placement;
    }

    /** Every host of every aggregate. */
    public Result syncAll() {
        List<String> unknown = new ArrayList<>();
        int hostCount = 0;
        List<HostAggregate> aggregates = store.list();
        for (HostAggregate a : aggregates) {
            List<String> nodes = new ArrayList<>();
            for (String host : a.hosts()) {
                nodes.addAll(hosts.nodeUuids(host));
                hostCount++;
            }
            unknown.addAll(placement.add(a.uuid(), nodes));
        }
        if (!unknown.isEmpty()) {
            log.warn("Placement does not know the compute nodes {}; they are not in their aggregates there", unknown);
        }
        return new Result(aggregates.size(), hostCount, List.copyOf(unknown));
    }

    /**
     * One host's compute nodes into the aggregates of that host: for the agent once it has
     * reported a new node's provider.
     */
    public void syncHost(String host) {
        List<String> nodes = hosts.nodeUuids(host);
        if (nodes.isEmpty()) {
            return;
        }
        for (HostAggregate a : store.list()) {
            if (a.hosts().contains(host)) {
                placement.add(a.uuid(), nodes);
            }
        }
    }
}
