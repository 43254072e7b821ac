package dev.overcast.compute.scheduler;

/**
 * Nova's BuildFailureWeigher: the negated count of recent failed builds on the node; the large default multiplier keeps a failing node last.
 *
 * @param multiplier {@code build_failure_weight_multiplier}
 */
public record BuildFailureWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "BuildFailureWeigher";
    }

    @Override
    public String multiplierOption() {
        return "build_failure_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        return -host.failedBuilds();
    }
}
