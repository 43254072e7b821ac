package dev.overcast.compute.scheduler;

/**
 * Nova's DiskWeigher: free local disk after the allocation ratio; a positive multiplier spreads instances.
 *
 * @param multiplier {@code disk_weight_multiplier}
 */
public record DiskWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "DiskWeigher";
    }

    @Override
    public String multiplierOption() {
        return "disk_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        return host.freeDiskGb();
    }
}
