package dev.overcast.network.quotas;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Neutron's default quota rules: only admins read other projects' limits, list them, and change
 * them. A project reads its own limits without any rule, as upstream.
 */
public final class QuotaRules {
    private QuotaRules() {
    }

    public static Map<String, String> defaults() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("get_quota", "rule:admin_only");
        r.put("update_quota", "rule:admin_only");
        r.put("delete_quota", "rule:admin_only");
        return r;
    }
}
