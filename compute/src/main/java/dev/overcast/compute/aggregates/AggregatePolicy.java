package dev.overcast.compute.aggregates;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/** Nova's {@code os_compute_api:os-aggregates:*} rules: aggregates are for admins only. */
public final class AggregatePolicy {
    private AggregatePolicy() {
    }

    static final String ROOT = "os_compute_api:os-aggregates:";
    static final String INDEX = ROOT + "index";
    static final String CREATE = ROOT + "create";
    static final String SHOW = ROOT + "show";
    static final String UPDATE = ROOT + "update";
    static final String DELETE = ROOT + "delete";
    static final String ADD_HOST = ROOT + "add_host";
    static final String REMOVE_HOST = ROOT + "remove_host";
    static final String SET_METADATA = ROOT + "set_metadata";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        for (String rule : new String[] {INDEX, CREATE, SHOW, UPDATE, DELETE, ADD_HOST, REMOVE_HOST, SET_METADATA}) {
            r.put(rule, ComputePolicy.ADMIN);
        }
        RULES = java.util.Collections.unmodifiableMap(r);
    }
}
