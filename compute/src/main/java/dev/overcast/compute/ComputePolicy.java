package dev.overcast.compute;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compute's default policy, after Nova's secure-RBAC defaults: project members act on their
 * project's resources, readers read them, admins do everything; host names and other
 * projects' servers are for admins. Each feature declares its rules next to its code; this
 * class only names the building blocks and gathers the features' rules.
 */
public final class ComputePolicy {
    private ComputePolicy() {
    }

    public static final String ADMIN = "rule:context_is_admin";
    public static final String PROJECT_MEMBER_OR_ADMIN = "rule:project_member_or_admin";
    public static final String PROJECT_READER_OR_ADMIN = "rule:project_reader_or_admin";
    public static final String ANY = "@";

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("context_is_admin", "role:admin");
        r.put("admin_api", "role:admin");
        r.put("project_member_api", "role:member and project_id:%(project_id)s");
        r.put("project_reader_api", "role:reader and project_id:%(project_id)s");
        r.put("project_member_or_admin", "rule:project_member_api or rule:context_is_admin");
        r.put("project_reader_or_admin", "rule:project_reader_api or rule:context_is_admin");
        r.putAll(dev.overcast.compute.servers.ServerPolicy.RULES);
        r.putAll(dev.overcast.compute.flavors.FlavorPolicy.RULES);
        r.putAll(dev.overcast.compute.keypairs.KeyPairPolicy.RULES);
        r.putAll(dev.overcast.compute.quotas.QuotaPolicy.RULES);
        r.putAll(dev.overcast.compute.aggregates.AggregatePolicy.RULES);
        r.putAll(dev.overcast.compute.zones.ZonePolicy.RULES);
        r.putAll(dev.overcast.compute.groups.GroupPolicy.RULES);
        r.putAll(dev.overcast.compute.usage.UsagePolicy.RULES);
        r.putAll(dev.overcast.compute.services.ServicePolicy.RULES);
        r.putAll(dev.overcast.compute.hypervisors.HypervisorPolicy.RULES);
        r.putAll(dev.overcast.compute.hosts.HostPolicy.RULES);
        r.putAll(dev.overcast.compute.extensions.ExtensionPolicy.RULES);
        r.putAll(dev.overcast.compute.admin.AdminPolicy.RULES);
        r.putAll(dev.overcast.compute.netproxy.NetworkProxyPolicy.RULES);
        return r;
    }
}
