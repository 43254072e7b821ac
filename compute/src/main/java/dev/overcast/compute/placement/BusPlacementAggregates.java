package dev.overcast.compute.placement;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Method;

/**
 * {@link PlacementAggregates} over the bus: the call {@code aggregate_members} (version 1.1) on
 * topic {@code placement}, which Placement's {@code AggregateMembersRpc} serves with the same
 * message shapes declared here.
 */
public final class BusPlacementAggregates implements PlacementAggregates {
    static final Method AGGREGATE_MEMBERS = Method.of("aggregate_members", "1.1");

    /** Providers that join ({@code add}) and leave ({@code remove}) aggregate {@code aggregateUuid}. */
    public record Args(String aggregateUuid, List<String> add, List<String> remove) {
    }

    /** The providers named that Placement does not know. */
    public record Reply(List<String> unknown) {
    }

    private final Bus bus;
    private final Duration timeout;

    /** @param timeout how long one call may wait for Placement */
    public BusPlacementAggregates(Bus bus, Duration timeout) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public List<String> add(String aggregateUuid, Collection<String> providers) {
        return call(new Args(aggregateUuid, List.copyOf(providers), List.of()));
    }

    @Override
    public List<String> remove(String aggregateUuid, Collection<String> providers) {
        return call(new Args(aggregateUuid, List.of(), List.copyOf(providers)));
    }

    private List<String> call(Args args) {
        if (args.add().isEmpty() && args.remove().isEmpty()) {
            return List.of();
        }
        Reply reply = bus.call(BusPlacementClient.PLACEMENT, AGGREGATE_MEMBERS, args, Reply.class, timeout);
        return reply.unknown() == null ? List.of() : reply.unknown();
    }
}
