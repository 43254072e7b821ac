package dev.overcast.compute.scheduler;

import java.util.Map;
import java.util.Objects;

/**
 * A host that passed the filters, with its weight and the allocation to claim for it.
 *
 * @param host              the host
 * @param weight            the sum of the weighers' normalised, multiplied weights
 * @param allocationRequest Placement's allocation request for the host, ready to claim
 */
public record WeighedHost(HostState host, double weight, Map<String, Map<String, Long>> allocationRequest) {
    public WeighedHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(allocationRequest, "allocationRequest");
    }
}
