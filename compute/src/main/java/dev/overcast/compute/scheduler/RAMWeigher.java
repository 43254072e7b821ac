package dev.overcast.compute.scheduler;

/**
 * Nova's RAMWeigher: free RAM after the allocation ratio; a positive multiplier spreads instances, a negative one stacks them.
 *
 * @param multiplier {@code ram_weight_multiplier}
 */
public record RAMWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "RAMWeigher";
    }

    @Override
    public String multiplierOption() {
        return "ram_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        return host.freeRamMb();
    }
}
