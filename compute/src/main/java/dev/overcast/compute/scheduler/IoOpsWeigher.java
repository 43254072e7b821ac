package dev.overcast.compute.scheduler;

/**
 * Nova's IoOpsWeigher: the host's I/O-heavy operations; the default negative multiplier prefers idle hosts.
 *
 * @param multiplier {@code io_ops_weight_multiplier}
 */
public record IoOpsWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "IoOpsWeigher";
    }

    @Override
    public String multiplierOption() {
        return "io_ops_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        return host.numIoOps();
    }
}
