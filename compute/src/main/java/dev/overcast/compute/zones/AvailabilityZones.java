package dev.overcast.compute.zones;

import java.util.List;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.aggregates.AggregateStore;

/**
 * The zones as they are now, from every cell's services and the aggregates' zones, read afresh
 * on each call: what the zone API lists and what a server create checks a requested zone against.
 */
public final class AvailabilityZones {
    private final ComputeContext ctx;
    private final AggregateStore aggregates;
    private final CellServices services;

    public AvailabilityZones(ComputeContext ctx, AggregateStore aggregates) {
        this.ctx = ctx;
        this.aggregates = aggregates;
        this.services = new CellServices(ctx.cells());
    }

    /** Every service placed in its zone. */
    public Zones current() {
        return Zones.of(services.all(), aggregates.currentAvailabilityZones()::get,
                ctx.settings().defaultAvailabilityZone());
    }

    /** The zones an enabled service is in (the internal one included), as Nova's {@code get_only_available}. */
    public List<String> available() {
        return current().available();
    }

    /**
     * Whether a server may ask for {@code zone}: Nova's create refuses one that is not available
     * with "The requested availability zone is not available".
     */
    public boolean exists(String zone) {
        return available().contains(zone);
    }

    /** The zone a compute host is in: its aggregate's, or the default zone. */
    public String zoneOf(String host) {
        String zone = aggregates.currentAvailabilityZones().get(host);
        return zone != null ? zone : ctx.settings().defaultAvailabilityZone();
    }
}
