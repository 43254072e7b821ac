package dev.overcast.compute.scheduler;

import java.util.List;
import java.util.Objects;

/**
 * Where one instance goes.
 *
 * @param instanceUuid the instance, which is the consumer of the claim in Placement
 * @param host         the host it was claimed on
 * @param alternates   hosts the conductor may retry on, best first; not claimed
 */
public record InstanceSelection(String instanceUuid, WeighedHost host, List<WeighedHost> alternates) {
    public InstanceSelection {
        Objects.requireNonNull(instanceUuid, "instanceUuid");
        Objects.requireNonNull(host, "host");
        alternates = List.copyOf(alternates);
    }
}
