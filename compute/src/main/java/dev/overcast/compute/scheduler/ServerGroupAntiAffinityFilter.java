package dev.overcast.compute.scheduler;

/**
 * Nova's ServerGroupAntiAffinityFilter: a host may run at most {@code max_server_per_host} members of an
 * {@code anti-affinity} group (1 without the rule). A host already running the very instance being scheduled
 * passes, so a resize can stay on its source host.
 */
public record ServerGroupAntiAffinityFilter() implements HostFilter {
    @Override
    public String name() {
        return "ServerGroupAntiAffinityFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        ServerGroup group = request.instanceGroup();
        if (group == null || group.policy() != ServerGroup.Policy.ANTI_AFFINITY) {
            return HostCheck.NOTHING_TO_CHECK;
        }
        int max = group.maxServerPerHost();
        String instance = request.instanceUuid();
        FilterResult full = new FilterResult.Reject(max == 1
                ? "already hosts a member of group " + group.uuid()
                : "already hosts " + max + " members of group " + group.uuid() + " (max_server_per_host)");
        // The group's small member map is asked first: most hosts pass on it, and the host's (larger) instance
        // set is read only for the hosts that are full, where a move may keep the instance on its source host.
        return host -> {
            if (group.membersOn(host.host()) < max) {
                return FilterResult.PASS;
            }
            return instance != null && host.instanceUuids().contains(instance) ? FilterResult.PASS : full;
        };
    }
}
