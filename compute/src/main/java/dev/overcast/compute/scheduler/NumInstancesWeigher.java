package dev.overcast.compute.scheduler;

/**
 * Nova's NumInstancesWeigher: the host's instances; ignored by default (multiplier 0), positive packs, negative spreads.
 *
 * @param multiplier {@code num_instances_weight_multiplier}
 */
public record NumInstancesWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "NumInstancesWeigher";
    }

    @Override
    public String multiplierOption() {
        return "num_instances_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        return host.numInstances();
    }
}
