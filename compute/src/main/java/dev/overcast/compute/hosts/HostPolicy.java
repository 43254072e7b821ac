package dev.overcast.compute.hosts;

import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/** The os-hosts rules, with Nova's names and defaults: admins only. */
public final class HostPolicy {
    private HostPolicy() {
    }

    static final String BASE = "os_compute_api:os-hosts:";
    static final String LIST = BASE + "list";
    static final String SHOW = BASE + "show";
    static final String UPDATE = BASE + "update";
    static final String REBOOT = BASE + "reboot";
    static final String SHUTDOWN = BASE + "shutdown";
    static final String START = BASE + "start";

    public static final Map<String, String> RULES = Map.of(
            LIST, ComputePolicy.ADMIN,
            SHOW, ComputePolicy.ADMIN,
            UPDATE, ComputePolicy.ADMIN,
            REBOOT, ComputePolicy.ADMIN,
            SHUTDOWN, ComputePolicy.ADMIN,
            START, ComputePolicy.ADMIN);
}
