package dev.overcast.compute.quotas;

import static dev.overcast.compute.ComputePolicy.ADMIN;
import static dev.overcast.compute.ComputePolicy.ANY;
import static dev.overcast.compute.ComputePolicy.PROJECT_READER_OR_ADMIN;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's quota and limits rules with their secure-RBAC defaults: a project's readers see its
 * quotas and usage, anyone the defaults and their own limits, admins change quotas and read
 * other projects' limits.
 */
public final class QuotaPolicy {
    private QuotaPolicy() {
    }

    static final String SHOW = "os_compute_api:os-quota-sets:show";
    static final String DETAIL = "os_compute_api:os-quota-sets:detail";
    static final String DEFAULTS = "os_compute_api:os-quota-sets:defaults";
    static final String UPDATE = "os_compute_api:os-quota-sets:update";
    static final String DELETE = "os_compute_api:os-quota-sets:delete";
    static final String CLASS_SHOW = "os_compute_api:os-quota-class-sets:show";
    static final String CLASS_UPDATE = "os_compute_api:os-quota-class-sets:update";
    static final String LIMITS = "os_compute_api:limits";
    static final String LIMITS_OTHER_PROJECT = "os_compute_api:limits:other_project";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(SHOW, PROJECT_READER_OR_ADMIN);
        r.put(DETAIL, PROJECT_READER_OR_ADMIN);
        r.put(DEFAULTS, ANY);
        r.put(UPDATE, ADMIN);
        r.put(DELETE, ADMIN);
        r.put(CLASS_SHOW, ADMIN);
        r.put(CLASS_UPDATE, ADMIN);
        r.put(LIMITS, ANY);
        r.put(LIMITS_OTHER_PROJECT, ADMIN);
        RULES = java.util.Collections.unmodifiableMap(r);
    }
}
