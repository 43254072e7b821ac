package dev.overcast.compute.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scheduling request asks for: Nova's {@code RequestSpec}, trimmed to what the scheduler reads.
 *
 * @param flavor               the flavor
 * @param imageProperties      the image's properties ({@code hw_architecture}, {@code img_hv_type},
 *                             {@code hw_vm_mode}, {@code img_hv_requested_version}, {@code trait:*}) and its
 *                             {@code disk_format}
 * @param projectId            the project the instance belongs to
 * @param userId               the user who asked
 * @param schedulerHints       the {@code os:scheduler_hints}, each a list ({@code same_host}, {@code different_host},
 *                             {@code group}, ...)
 * @param availabilityZone     the availability zone asked for, or null for any
 * @param requestedDestination the destination an admin asked for, or null
 * @param forceHosts           hosts forced with {@code az:host}; filters are skipped when set
 * @param forceNodes           nodes forced with {@code az:host:node}; filters are skipped when set
 * @param instanceGroup        the server group the instance joins, or null
 * @param numInstances         how many instances the request boots
 * @param instanceUuid         the (first) instance being scheduled
 * @param ignoreHosts          hosts a move may not land on (its source, unless a resize may stay there)
 */
public record RequestSpec(Flavor flavor, Map<String, String> imageProperties, String projectId, String userId,
                          Map<String, List<String>> schedulerHints, String availabilityZone,
                          RequestedDestination requestedDestination, List<String> forceHosts,
                          List<String> forceNodes, ServerGroup instanceGroup, int numInstances,
                          String instanceUuid, List<String> ignoreHosts) {

    public RequestSpec {
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(projectId, "projectId");
        imageProperties = imageProperties == null ? Map.of() : Map.copyOf(imageProperties);
        schedulerHints = schedulerHints == null ? Map.of() : Map.copyOf(schedulerHints);
        forceHosts = forceHosts == null ? List.of() : List.copyOf(forceHosts);
        forceNodes = forceNodes == null ? List.of() : List.copyOf(forceNodes);
        ignoreHosts = ignoreHosts == null ? List.of() : List.copyOf(ignoreHosts);
        if (numInstances < 1) {
            throw new IllegalArgumentException("num_instances must be 1 or more, got " + numInstances);
        }
    }

    /** A request for one instance of {@code flavor} with nothing else asked. */
    public static RequestSpec of(Flavor flavor, String projectId, String instanceUuid) {
        return new RequestSpec(flavor, Map.of(), projectId, "user", Map.of(), null, null, List.of(), List.of(),
                null, 1, instanceUuid, List.of());
    }

    /** The values of one scheduler hint; empty when the hint is absent. */
    public List<String> hint(String name) {
        List<String> values = schedulerHints.get(name);
        return values == null ? List.of() : values;
    }

    /** Whether hosts or nodes are forced, which makes Nova skip the filters. */
    public boolean forced() {
        return !forceHosts.isEmpty() || !forceNodes.isEmpty();
    }

    /** This request for another instance of the same boot. */
    public RequestSpec withInstanceUuid(String uuid) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, schedulerHints, availabilityZone,
                requestedDestination, forceHosts, forceNodes, instanceGroup, numInstances, uuid, ignoreHosts);
    }

    /** This request with the group as it stands after earlier instances of the same boot were placed. */
    public RequestSpec withInstanceGroup(ServerGroup group) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, schedulerHints, availabilityZone,
                requestedDestination, forceHosts, forceNodes, group, numInstances, instanceUuid, ignoreHosts);
    }

    /** This request with other image properties. */
    public RequestSpec withImageProperties(Map<String, String> properties) {
        return new RequestSpec(flavor, properties, projectId, userId, schedulerHints, availabilityZone,
                requestedDestination, forceHosts, forceNodes, instanceGroup, numInstances, instanceUuid, ignoreHosts);
    }

    /** This request with other scheduler hints. */
    public RequestSpec withSchedulerHints(Map<String, List<String>> hints) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, hints, availabilityZone,
                requestedDestination, forceHosts, forceNodes, instanceGroup, numInstances, instanceUuid, ignoreHosts);
    }

    /** This request asking for an availability zone. */
    public RequestSpec withAvailabilityZone(String zone) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, schedulerHints, zone,
                requestedDestination, forceHosts, forceNodes, instanceGroup, numInstances, instanceUuid, ignoreHosts);
    }

    /** This request naming a destination. */
    public RequestSpec withRequestedDestination(RequestedDestination destination) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, schedulerHints, availabilityZone,
                destination, forceHosts, forceNodes, instanceGroup, numInstances, instanceUuid, ignoreHosts);
    }

    /** This request forcing hosts and nodes. */
    public RequestSpec withForced(List<String> hosts, List<String> nodes) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, schedulerHints, availabilityZone,
                requestedDestination, hosts, nodes, instanceGroup, numInstances, instanceUuid, ignoreHosts);
    }

    /** This request for {@code n} instances. */
    public RequestSpec withNumInstances(int n) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, schedulerHints, availabilityZone,
                requestedDestination, forceHosts, forceNodes, instanceGroup, n, instanceUuid, ignoreHosts);
    }

    /** This request keeping off {@code hosts}. */
    public RequestSpec withIgnoreHosts(List<String> hosts) {
        return new RequestSpec(flavor, imageProperties, projectId, userId, schedulerHints, availabilityZone,
                requestedDestination, forceHosts, forceNodes, instanceGroup, numInstances, instanceUuid, hosts);
    }

    /** This request for another flavor. */
    public RequestSpec withFlavor(Flavor other) {
        return new RequestSpec(other, imageProperties, projectId, userId, schedulerHints, availabilityZone,
                requestedDestination, forceHosts, forceNodes, instanceGroup, numInstances, instanceUuid, ignoreHosts);
    }
}
