package dev.overcast.compute.scheduler;

import java.util.List;

/**
 * Hosts for the request: the chosen one first, then up to {@code max_attempts - 1} alternates in weight order
 * for the conductor to retry on.
 *
 * @param hosts the chosen host and its alternates; never empty
 */
public record Selected(List<WeighedHost> hosts) implements Decision {
    public Selected {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a selection needs a host");
        }
    }

    /** The chosen host. */
    public WeighedHost chosen() {
        return hosts.getFirst();
    }

    /** The alternates, best first. */
    public List<WeighedHost> alternates() {
        return hosts.subList(1, hosts.size());
    }
}
