package dev.overcast.compute.scheduler;

/**
 * Nova's ServerGroupAffinityFilter: once a member of an {@code affinity} group runs somewhere, further members go
 * only to the hosts the group already uses. The first member may go anywhere.
 */
public record ServerGroupAffinityFilter() implements HostFilter {
    @Override
    public String name() {
        return "ServerGroupAffinityFilter";
    }

    @Override
    public HostCheck forRequest(RequestSpec request) {
        ServerGroup group = request.instanceGroup();
        if (group == null || group.policy() != ServerGroup.Policy.AFFINITY || group.hosts().isEmpty()) {
            return HostCheck.NOTHING_TO_CHECK;
        }
        FilterResult elsewhere = new FilterResult.Reject("not a host of group " + group.uuid());
        return host -> group.membersOn(host.host()) > 0 ? FilterResult.PASS : elsewhere;
    }
}
