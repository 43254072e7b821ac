package dev.overcast.compute.conductor;

import java.util.List;
import java.util.Optional;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.scheduler.RequestSpec;
import dev.overcast.compute.scheduler.RequestedDestination;
import dev.overcast.compute.scheduler.Scheduled;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.scheduler.WeighedHost;

/**
 * Schedules an instance that is already in its cell again (an unshelve, a resize or a migration), from the
 * request spec its create left in the API database. The chosen host is claimed in Placement.
 */
final class Rescheduler {
    private final ComputeContext ctx;
    private final Scheduler scheduler;

    Rescheduler(ComputeContext ctx, Scheduler scheduler) {
        this.ctx = ctx;
        this.scheduler = scheduler;
    }

    /**
     * The claimed host for an unshelve, or empty when none fits: in the zone the server was created in, or
     * the one the unshelve named (any, when it named the empty zone), and on its host if it named one.
     */
    Optional<WeighedHost> place(Instance i) {
        RequestSpec request = new BuildStore(ctx.api()).spec(i.uuid()).toMoveSpec(i);
        String zone = UnshelveTarget.zone(i);
        if (zone != null) {
            request = request.withAvailabilityZone(zone.isEmpty() ? null : zone);
        }
        String host = UnshelveTarget.host(i);
        return select(host == null ? request : request.withRequestedDestination(new RequestedDestination(host, null)));
    }

    /**
     * A host for the instance's resize or cold migration: any but its own, for {@code flavor}, or only
     * {@code requestedHost} when an admin named one. The instance's consumer in Placement claims it.
     */
    Optional<WeighedHost> placeMove(Instance i, InstanceFlavor flavor, String requestedHost) {
        RequestSpec request = new BuildStore(ctx.api()).spec(i.uuid()).toMoveSpec(i.withFlavor(flavor))
                .withIgnoreHosts(List.of(i.host()));
        return select(requestedHost == null ? request
                : request.withRequestedDestination(new RequestedDestination(requestedHost, null)));
    }

    private Optional<WeighedHost> select(RequestSpec request) {
        return switch (scheduler.select(request, List.of(request.instanceUuid()))) {
            case Scheduled s -> Optional.of(s.instances().getFirst().host());
            default -> Optional.empty();
        };
    }
}
