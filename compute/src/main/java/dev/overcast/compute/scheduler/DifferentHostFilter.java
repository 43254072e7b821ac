package dev.overcast.compute.scheduler;

import java.util.List;

/** Nova's DifferentHostFilter: with the {@code different_host} hint, only hosts running none of the named instances. */
public record DifferentHostFilter() implements HostFilter {
    private static final FilterResult ONE_THERE = new FilterResult.Reject("runs a different_host instance");

    @Override
    public String name() {
        return "DifferentHostFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        List<String> avoided = request.hint("different_host");
        if (avoided.isEmpty()) {
            return HostCheck.NOTHING_TO_CHECK;
        }
        String[] uuids = avoided.toArray(String[]::new);
        return host -> {
            for (String uuid : uuids) {
                if (host.instanceUuids().contains(uuid)) {
                    return ONE_THERE;
                }
            }
            return FilterResult.PASS;
        };
    }
}
