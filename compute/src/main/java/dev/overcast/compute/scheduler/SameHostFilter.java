package dev.overcast.compute.scheduler;

import java.util.List;

/** Nova's SameHostFilter: with the {@code same_host} hint, only hosts running one of the named instances. */
public record SameHostFilter() implements HostFilter {
    private static final FilterResult NONE_THERE = new FilterResult.Reject("runs none of the same_host instances");

    @Override
    public String name() {
        return "SameHostFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        List<String> wanted = request.hint("same_host");
        if (wanted.isEmpty()) {
            return HostCheck.NOTHING_TO_CHECK;
        }
        String[] uuids = wanted.toArray(String[]::new);
        return host -> {
            for (String uuid : uuids) {
                if (host.instanceUuids().contains(uuid)) {
                    return FilterResult.PASS;
                }
            }
            return NONE_THERE;
        };
    }
}
