package dev.overcast.compute.scheduler;

/**
 * Nova's ServerGroupSoftAffinityWeigher: for a {@code soft-affinity} group, hosts running more members of the
 * group weigh more.
 *
 * @param multiplier {@code soft_affinity_weight_multiplier}
 */
public record ServerGroupSoftAffinityWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "ServerGroupSoftAffinityWeigher";
    }

    @Override
    public String multiplierOption() {
        return "soft_affinity_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        ServerGroup group = request.instanceGroup();
        if (group == null || group.policy() != ServerGroup.Policy.SOFT_AFFINITY) {
            return 0;
        }
        return group.membersOn(host.host());
    }
}
