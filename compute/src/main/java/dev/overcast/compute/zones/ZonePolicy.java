package dev.overcast.compute.zones;

import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/**
 * Nova's {@code os_compute_api:os-availability-zone:*} rules: anyone may list the zones; their
 * hosts and services are for admins.
 */
public final class ZonePolicy {
    private ZonePolicy() {
    }

    static final String LIST = "os_compute_api:os-availability-zone:list";
    static final String DETAIL = "os_compute_api:os-availability-zone:detail";

    public static final Map<String, String> RULES = Map.of(LIST, ComputePolicy.ANY, DETAIL, ComputePolicy.ADMIN);
}
