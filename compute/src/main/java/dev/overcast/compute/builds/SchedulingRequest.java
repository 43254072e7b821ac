package dev.overcast.compute.builds;

import java.util.List;
import java.util.Map;

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
}
