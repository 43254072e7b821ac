package dev.overcast.compute.scheduler;

/**
 * Nova's CPUWeigher: free vCPUs after the allocation ratio; a positive multiplier spreads instances.
 *
 * @param multiplier {@code cpu_weight_multiplier}
 */
public record CPUWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "CPUWeigher";
    }

    @Override
    public String multiplierOption() {
        return "cpu_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        return host.freeVcpus();
    }
}
