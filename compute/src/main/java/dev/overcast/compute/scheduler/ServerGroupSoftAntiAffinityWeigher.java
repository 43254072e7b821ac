package dev.overcast.compute.scheduler;

/**
 * Nova's ServerGroupSoftAntiAffinityWeigher: for a {@code soft-anti-affinity} group, hosts running more members
 * of the group weigh less (the raw weight is the negated member count).
 *
 * @param multiplier {@code soft_anti_affinity_weight_multiplier}
 */
public record ServerGroupSoftAntiAffinityWeigher(double multiplier) implements HostWeigher {
    @Override
    public String name() {
        return "ServerGroupSoftAntiAffinityWeigher";
    }

    @Override
    public String multiplierOption() {
        return "soft_anti_affinity_weight_multiplier";
    }

    @Override
    public double weigh(HostState host, RequestSpec request) {
        ServerGroup group = request.instanceGroup();
        if (group == null || group.policy() != ServerGroup.Policy.SOFT_ANTI_AFFINITY) {
            return 0;
        }
        return -group.membersOn(host.host());
    }
}
