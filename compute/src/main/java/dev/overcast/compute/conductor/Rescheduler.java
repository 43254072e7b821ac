package dev.overcast.compute.conductor;

import java.util.List;
import java.util.Optional;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.builds.SchedulingRequest;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.scheduler.Flavor;
import dev.overcast.compute.scheduler.RequestSpec;
import dev.overcast.compute.scheduler.Scheduled;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.scheduler.WeighedHost;

/**
 * Schedules an instance that is already in its cell again (an unshelve), from the request spec
 * its create left in the API database. The chosen host is claimed in Placement.
 */
final class Rescheduler {
    private final ComputeContext ctx;
    private final Scheduler scheduler;

    Rescheduler(ComputeContext ctx, Scheduler scheduler) {
        this.ctx = ctx;
        this.scheduler = scheduler;
    }

    /** The claimed host, or empty when none fits. */
    Optional<WeighedHost> place(Instance i) {
        SchedulingRequest spec = new BuildStore(ctx.api()).spec(i.uuid());
        InstanceFlavor f = i.flavor();
        Flavor flavor = new Flavor(f.name(), f.vcpus(), f.memoryMb(), f.rootGb(), f.ephemeralGb(), f.swap(),
                f.extraSpecs());
        RequestSpec request = new RequestSpec(flavor, spec.imageProperties(), i.projectId(), i.userId(),
                spec.schedulerHints(), i.systemMetadata().get("overcast:requested_az"), null, List.of(), List.of(),
                null, 1, i.uuid());
        return switch (scheduler.select(request, List.of(i.uuid()))) {
            case Scheduled s -> Optional.of(s.instances().getFirst().host());
            default -> Optional.empty();
        };
    }
}
