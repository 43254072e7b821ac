package dev.overcast.compute.hypervisors;

import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/** The os-hypervisors rules, with Nova's names and defaults: admins only. */
public final class HypervisorPolicy {
    private HypervisorPolicy() {
    }

    static final String BASE = "os_compute_api:os-hypervisors:";
    static final String LIST = BASE + "list";
    static final String LIST_DETAIL = BASE + "list-detail";
    static final String STATISTICS = BASE + "statistics";
    static final String SHOW = BASE + "show";
    static final String UPTIME = BASE + "uptime";
    static final String SEARCH = BASE + "search";
    static final String SERVERS = BASE + "servers";

    public static final Map<String, String> RULES = Map.of(
            LIST, ComputePolicy.ADMIN,
            LIST_DETAIL, ComputePolicy.ADMIN,
            STATISTICS, ComputePolicy.ADMIN,
            SHOW, ComputePolicy.ADMIN,
            UPTIME, ComputePolicy.ADMIN,
            SEARCH, ComputePolicy.ADMIN,
            SERVERS, ComputePolicy.ADMIN);
}
