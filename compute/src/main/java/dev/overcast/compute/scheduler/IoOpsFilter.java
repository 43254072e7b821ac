package dev.overcast.compute.scheduler;

/**
 * Nova's IoOpsFilter: a host takes another instance only while fewer than {@code max_io_ops_per_host} of its
 * instances are building, resizing, snapshotting or otherwise I/O-heavy.
 *
 * @param maxIoOpsPerHost {@code max_io_ops_per_host}
 */
public record IoOpsFilter(int maxIoOpsPerHost) implements HostFilter {
    @Override
    public String name() {
        return "IoOpsFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        FilterResult busy = new FilterResult.Reject("max_io_ops_per_host=" + maxIoOpsPerHost + " reached");
        return host -> host.numIoOps() < maxIoOpsPerHost ? FilterResult.PASS : busy;
    }
}
