package dev.overcast.compute.scheduler;

import java.util.Map;
import java.util.Objects;

/**
 * One allocation candidate from Placement.
 *
 * @param rootProviderUuid  the root provider of the tree, which is the compute node's uuid
 * @param allocationRequest amounts per resource class per provider, ready to claim
 */
public record Candidate(String rootProviderUuid, Map<String, Map<String, Long>> allocationRequest) {
    public Candidate {
        Objects.requireNonNull(rootProviderUuid, "rootProviderUuid");
        allocationRequest = Map.copyOf(allocationRequest);
    }

    /** The amount of {@code resourceClass} this candidate takes from its root provider; 0 when none. */
    public long onRoot(String resourceClass) {
        Map<String, Long> root = allocationRequest.get(rootProviderUuid);
        Long n = root == null ? null : root.get(resourceClass);
        return n == null ? 0 : n;
    }
}
