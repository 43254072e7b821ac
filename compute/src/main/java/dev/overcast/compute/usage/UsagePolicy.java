package dev.overcast.compute.usage;

import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/**
 * Nova's {@code os_compute_api:os-simple-tenant-usage:*} rules: every project's usage is for
 * admins; a project's readers see their own.
 */
public final class UsagePolicy {
    private UsagePolicy() {
    }

    static final String LIST = "os_compute_api:os-simple-tenant-usage:list";
    static final String SHOW = "os_compute_api:os-simple-tenant-usage:show";

    public static final Map<String, String> RULES = Map.of(LIST, ComputePolicy.ADMIN,
            SHOW, ComputePolicy.PROJECT_READER_OR_ADMIN);
}
