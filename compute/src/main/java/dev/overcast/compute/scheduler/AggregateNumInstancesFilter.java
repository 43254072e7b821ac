package dev.overcast.compute.scheduler;

/**
 * Nova's AggregateNumInstancesFilter: NumInstancesFilter with the limit taken from the host's aggregates'
 * {@code max_instances_per_host} metadata (the smallest), else from the option.
 *
 * @param maxInstancesPerHost {@code max_instances_per_host}, the fallback
 */
public record AggregateNumInstancesFilter(int maxInstancesPerHost) implements HostFilter {
    private static final FilterResult FULL = new FilterResult.Reject("aggregate max_instances_per_host reached");

    @Override
    public String name() {
        return "AggregateNumInstancesFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        return host -> host.numInstances()
                < AggregateMetadata.min(host, "max_instances_per_host", maxInstancesPerHost) ? FilterResult.PASS : FULL;
    }
}
