package dev.overcast.compute.groups;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/**
 * Nova's {@code os_compute_api:os-server-groups:*} rules: project members create and delete
 * their project's groups, readers see them, admins see every project's with
 * {@code all_projects}.
 */
public final class GroupPolicy {
    private GroupPolicy() {
    }

    static final String ROOT = "os_compute_api:os-server-groups:";
    static final String CREATE = ROOT + "create";
    static final String DELETE = ROOT + "delete";
    static final String INDEX = ROOT + "index";
    static final String INDEX_ALL_PROJECTS = ROOT + "index:all_projects";
    static final String SHOW = ROOT + "show";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(CREATE, ComputePolicy.PROJECT_MEMBER_OR_ADMIN);
        r.put(DELETE, ComputePolicy.PROJECT_MEMBER_OR_ADMIN);
        r.put(INDEX, ComputePolicy.PROJECT_READER_OR_ADMIN);
        r.put(INDEX_ALL_PROJECTS, ComputePolicy.ADMIN);
        r.put(SHOW, ComputePolicy.PROJECT_READER_OR_ADMIN);
        RULES = java.util.Collections.unmodifiableMap(r);
    }
}
