package dev.overcast.network.quotas;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * The resources Neutron counts against quotas, each with the table its rows live in (column
 * {@code project_id}) and its default limit. A table that does not exist (a feature not
 * deployed) counts zero.
 */
enum QuotaResource {
    NETWORK("network", "networks", QuotaSettings::network),
    SUBNET("subnet", "subnets", QuotaSettings::subnet),
    PORT("port", "ports", QuotaSettings::port),
    ROUTER("router", "routers", QuotaSettings::router),
    FLOATINGIP("floatingip", "floatingips", QuotaSettings::floatingip),
    SECURITY_GROUP("security_group", "security_groups", QuotaSettings::securityGroup),
    SECURITY_GROUP_RULE("security_group_rule", "security_group_rules", QuotaSettings::securityGroupRule),
    SUBNETPOOL("subnetpool", "subnetpools", QuotaSettings::subnetpool),
    RBAC_POLICY("rbac_policy", "rbac_policies", QuotaSettings::rbacPolicy);

    private final String apiName;
    private final String table;
    private final ToIntFunction<QuotaSettings> fallback;

    QuotaResource(String apiName, String table, ToIntFunction<QuotaSettings> fallback) {
        this.apiName = apiName;
        this.table = table;
        this.fallback = fallback;
    }

    String apiName() {
        return apiName;
    }

    String table() {
        return table;
    }

    int defaultLimit(QuotaSettings settings) {
        return fallback.applyAsInt(settings);
    }

    /** The resource of this API name, or null. */
    static QuotaResource named(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst().orElse(null);
    }
}
