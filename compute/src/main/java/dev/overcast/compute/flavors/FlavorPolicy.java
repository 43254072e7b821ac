package dev.overcast.compute.flavors;

import static dev.overcast.compute.ComputePolicy.ADMIN;
import static dev.overcast.compute.ComputePolicy.PROJECT_READER_OR_ADMIN;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova's flavor rules with their secure-RBAC defaults: anyone lists and shows flavors (no rule),
 * only admins create, describe or delete them and manage their access lists; a project's
 * readers read extra specs.
 */
public final class FlavorPolicy {
    private FlavorPolicy() {
    }

    static final String CREATE = "os_compute_api:os-flavor-manage:create";
    static final String UPDATE = "os_compute_api:os-flavor-manage:update";
    static final String DELETE = "os_compute_api:os-flavor-manage:delete";
    static final String ACCESS_LIST = "os_compute_api:os-flavor-access";
    static final String ACCESS_ADD = "os_compute_api:os-flavor-access:add_tenant_access";
    static final String ACCESS_REMOVE = "os_compute_api:os-flavor-access:remove_tenant_access";
    static final String SPECS_INDEX = "os_compute_api:os-flavor-extra-specs:index";
    static final String SPECS_SHOW = "os_compute_api:os-flavor-extra-specs:show";
    static final String SPECS_CREATE = "os_compute_api:os-flavor-extra-specs:create";
    static final String SPECS_UPDATE = "os_compute_api:os-flavor-extra-specs:update";
    static final String SPECS_DELETE = "os_compute_api:os-flavor-extra-specs:delete";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(CREATE, ADMIN);
        r.put(UPDATE, ADMIN);
        r.put(DELETE, ADMIN);
        r.put(ACCESS_LIST, ADMIN);
        r.put(ACCESS_ADD, ADMIN);
        r.put(ACCESS_REMOVE, ADMIN);
        r.put(SPECS_INDEX, PROJECT_READER_OR_ADMIN);
        r.put(SPECS_SHOW, PROJECT_READER_OR_ADMIN);
        r.put(SPECS_CREATE, ADMIN);
        r.put(SPECS_UPDATE, ADMIN);
        r.put(SPECS_DELETE, ADMIN);
        RULES = java.util.Collections.unmodifiableMap(r);
    }
}
