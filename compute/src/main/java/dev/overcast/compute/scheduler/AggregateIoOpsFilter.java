package dev.overcast.compute.scheduler;

/**
 * Nova's AggregateIoOpsFilter: IoOpsFilter with the limit taken from the host's aggregates'
 * {@code max_io_ops_per_host} metadata (the smallest), else from the option.
 *
 * @param maxIoOpsPerHost {@code max_io_ops_per_host}, the fallback
 */
public record AggregateIoOpsFilter(int maxIoOpsPerHost) implements HostFilter {
    private static final FilterResult BUSY = new FilterResult.Reject("aggregate max_io_ops_per_host reached");

    @Override
    public String name() {
        return "AggregateIoOpsFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        return host -> host.numIoOps() < AggregateMetadata.min(host, "max_io_ops_per_host", maxIoOpsPerHost)
                ? FilterResult.PASS : BUSY;
    }
}
