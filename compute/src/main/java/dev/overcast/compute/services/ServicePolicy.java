package dev.overcast.compute.services;

import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/** The os-services rules, with Nova's names and defaults: admins only. */
public final class ServicePolicy {
    private ServicePolicy() {
    }

    static final String LIST = "os_compute_api:os-services:list";
    static final String UPDATE = "os_compute_api:os-services:update";
    static final String DELETE = "os_compute_api:os-services:delete";

    public static final Map<String, String> RULES = Map.of(
            LIST, ComputePolicy.ADMIN,
            UPDATE, ComputePolicy.ADMIN,
            DELETE, ComputePolicy.ADMIN);
}
