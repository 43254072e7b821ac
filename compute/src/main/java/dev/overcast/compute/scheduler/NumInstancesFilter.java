package dev.overcast.compute.scheduler;

/**
 * Nova's NumInstancesFilter: a host takes another instance only while it runs fewer than
 * {@code max_instances_per_host}.
 *
 * @param maxInstancesPerHost {@code max_instances_per_host}
 */
public record NumInstancesFilter(int maxInstancesPerHost) implements HostFilter {
    @Override
    public String name() {
        return "NumInstancesFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        FilterResult full = new FilterResult.Reject("max_instances_per_host=" + maxInstancesPerHost + " reached");
        return host -> host.numInstances() < maxInstancesPerHost ? FilterResult.PASS : full;
    }
}
