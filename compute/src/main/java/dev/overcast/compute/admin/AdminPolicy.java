package dev.overcast.compute.admin;

import java.util.Map;

import dev.overcast.compute.ComputePolicy;

/**
 * The rules of the small admin APIs, with Nova's names. External events are the services'
 * (Neutron and Cinder call with the {@code service} role); admins may send them too, as with
 * Nova's defaults before the service role existed.
 */
public final class AdminPolicy {
    private AdminPolicy() {
    }

    static final String MIGRATIONS_INDEX = "os_compute_api:os-migrations:index";
    static final String AUDIT_LOG_LIST = "os_compute_api:os-instance-usage-audit-log:list";
    static final String AUDIT_LOG_SHOW = "os_compute_api:os-instance-usage-audit-log:show";
    static final String EXTERNAL_EVENTS_CREATE = "os_compute_api:os-server-external-events:create";

    public static final Map<String, String> RULES = Map.of(
            MIGRATIONS_INDEX, ComputePolicy.ADMIN,
            AUDIT_LOG_LIST, ComputePolicy.ADMIN,
            AUDIT_LOG_SHOW, ComputePolicy.ADMIN,
            EXTERNAL_EVENTS_CREATE, ComputePolicy.ADMIN + " or role:service");
}
