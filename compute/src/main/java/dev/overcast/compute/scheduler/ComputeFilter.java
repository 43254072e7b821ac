package dev.overcast.compute.scheduler;

/** Nova's ComputeFilter: the host's compute service is enabled and up. */
public record ComputeFilter() implements HostFilter {
    static final FilterResult DISABLED = new FilterResult.Reject("service disabled");
    static final FilterResult DOWN = new FilterResult.Reject("service down");

    @Override
    public String name() {
        return "ComputeFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        return ComputeFilter::judge;
    }

    private static FilterResult judge(HostState host) {
        if (!host.service().enabled()) {
            return DISABLED;
        }
        return host.service().up() ? FilterResult.PASS : DOWN;
    }
}
