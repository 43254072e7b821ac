package dev.overcast.compute.builds;

import java.util.List;
import java.util.Map;

import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.scheduler.Flavor;
import dev.overcast.compute.scheduler.RequestSpec;
import dev.overcast.compute.scheduler.RequestedDestination;
import dev.overcast.compute.scheduler.ServerGroup;

/**
 * What a create asked of the scheduler beyond the instance itself, kept in the API database's
 * {@code request_specs} for the build and for later moves.
 *
 * @param imageProperties the image's properties and disk_format, for the image filters
 * @param schedulerHints  {@code os:scheduler_hints}, each as a list
 * @param availabilityZone the zone asked for, or null
 * @param forceHost       a host forced with {@code az:host}, or null
 * @param forceNode       a node forced with {@code az:host:node}, or null
 * @param requestedHost   the host an admin asked for (2.74), or null
 * @param requestedNode   the node an admin asked for (2.74), or null
 * @param groupUuid       the server group from the {@code group} hint, or null
 */
public record SchedulingRequest(Map<String, String> imageProperties, Map<String, List<String>> schedulerHints,
                                String availabilityZone, String forceHost, String forceNode, String requestedHost,
                                String requestedNode, String groupUuid) {
    public SchedulingRequest {
        imageProperties = imageProperties == null ? Map.of() : Map.copyOf(imageProperties);
        schedulerHints = schedulerHints == null ? Map.of() : Map.copyOf(schedulerHints);
    }

    /** What the scheduler is asked for {@code i}, in {@code group} (or null), as the create asked. */
    public RequestSpec toRequestSpec(Instance i, ServerGroup group) {
        RequestedDestination destination = requestedHost == null && requestedNode == null ? null
                : new RequestedDestination(requestedHost, requestedNode);
        return new RequestSpec(flavor(i.flavor()), imageProperties, i.projectId(), i.userId(), schedulerHints,
                availabilityZone, destination, forceHost == null ? List.of() : List.of(forceHost),
                forceNode == null ? List.of() : List.of(forceNode), group, 1, i.uuid(), List.of());
    }

    /** As {@link #toRequestSpec}, for a move: any host of the zone the server was asked in, none forced. */
    public RequestSpec toMoveSpec(Instance i) {
        return new RequestSpec(flavor(i.flavor()), imageProperties, i.projectId(), i.userId(), schedulerHints,
                availabilityZone, null, List.of(), List.of(), null, 1, i.uuid(), List.of());
    }

    private static Flavor flavor(InstanceFlavor f) {
        return new Flavor(f.name(), f.vcpus(), f.memoryMb(), f.rootGb(), f.ephemeralGb(), f.swap(), f.extraSpecs());
    }
}
