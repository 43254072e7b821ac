package dev.overcast.network.quotas;

/**
 * Every project's quota limits unless an admin set others, as Neutron's {@code [quotas]}
 * options; -1 means unlimited.
 *
 * @param network           networks per project (default 100, {@code quota_network})
 * @param subnet            subnets per project (default 100, {@code quota_subnet})
 * @param port              ports per project (default 500, {@code quota_port})
 * @param router            routers per project (default 10, {@code quota_router})
 * @param floatingip        floating IPs per project (default 50, {@code quota_floatingip})
 * @param securityGroup     security groups per project, its default group included (default 10)
 * @param securityGroupRule security group rules per project (default 100)
 * @param subnetpool        subnet pools per project (default -1, unlimited)
 * @param rbacPolicy        RBAC policies per project (default 10)
 */
public record QuotaSettings(int network, int subnet, int port, int router, int floatingip, int securityGroup,
                            int securityGroupRule, int subnetpool, int rbacPolicy) {
    public QuotaSettings {
        int[] all = {network, subnet, port, router, floatingip, securityGroup, securityGroupRule, subnetpool,
                rbacPolicy};
        for (int limit : all) {
            if (limit < -1) {
                throw new IllegalArgumentException("a quota limit is -1 (unlimited) or more, not " + limit);
            }
        }
    }

    /** Neutron's defaults. */
    public static QuotaSettings defaults() {
        return new QuotaSettings(100, 100, 500, 10, 50, 10, 100, -1, 10);
    }
}
