package dev.overcast.compute.netproxy;

import static dev.overcast.compute.ComputePolicy.PROJECT_MEMBER_OR_ADMIN;
import static dev.overcast.compute.ComputePolicy.PROJECT_READER_OR_ADMIN;

import java.util.LinkedHashMap;
import java.util.Map;

/** The proxy APIs' rules, with Nova's names and secure-RBAC defaults; Network enforces its own too. */
public final class NetworkProxyPolicy {
    private NetworkProxyPolicy() {
    }

    static final String SG_GET = "os_compute_api:os-security-groups:get";
    static final String SG_SHOW = "os_compute_api:os-security-groups:show";
    static final String SG_CREATE = "os_compute_api:os-security-groups:create";
    static final String SG_UPDATE = "os_compute_api:os-security-groups:update";
    static final String SG_DELETE = "os_compute_api:os-security-groups:delete";
    static final String RULE_CREATE = "os_compute_api:os-security-groups:rule:create";
    static final String RULE_DELETE = "os_compute_api:os-security-groups:rule:delete";
    /** The server's groups, and adding or removing one: used by the servers API. */
    public static final String SERVER_LIST = "os_compute_api:os-security-groups:list";
    public static final String SERVER_ADD = "os_compute_api:os-security-groups:add";
    public static final String SERVER_REMOVE = "os_compute_api:os-security-groups:remove";
    public static final String SERVER_ADD_FLOATING_IP = "os_compute_api:os-floating-ips:add";
    public static final String SERVER_REMOVE_FLOATING_IP = "os_compute_api:os-floating-ips:remove";
    static final String NETWORKS_LIST = "os_compute_api:os-networks:list";
    static final String NETWORKS_SHOW = "os_compute_api:os-networks:view";
    static final String TENANT_NETWORKS_LIST = "os_compute_api:os-tenant-networks:list";
    static final String TENANT_NETWORKS_SHOW = "os_compute_api:os-tenant-networks:show";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        for (String rule : new String[] {SG_GET, SG_SHOW, SERVER_LIST, NETWORKS_LIST, NETWORKS_SHOW,
                TENANT_NETWORKS_LIST, TENANT_NETWORKS_SHOW}) {
            r.put(rule, PROJECT_READER_OR_ADMIN);
        }
        for (String rule : new String[] {SG_CREATE, SG_UPDATE, SG_DELETE, RULE_CREATE, RULE_DELETE, SERVER_ADD,
                SERVER_REMOVE}) {
            r.put(rule, PROJECT_MEMBER_OR_ADMIN);
        }
        FloatingIpProxyApi.policy(r, PROJECT_READER_OR_ADMIN, PROJECT_MEMBER_OR_ADMIN);
        r.put(SERVER_ADD_FLOATING_IP, PROJECT_MEMBER_OR_ADMIN);
        r.put(SERVER_REMOVE_FLOATING_IP, PROJECT_MEMBER_OR_ADMIN);
        RULES = Map.copyOf(r);
    }
}
