package dev.overcast.compute.servers;

import static dev.overcast.compute.ComputePolicy.ADMIN;
import static dev.overcast.compute.ComputePolicy.PROJECT_MEMBER_OR_ADMIN;
import static dev.overcast.compute.ComputePolicy.PROJECT_READER_OR_ADMIN;

import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's rules for servers and their sub-resources, with upstream's secure-RBAC defaults. */
public final class ServerPolicy {
    private ServerPolicy() {
    }

    static final String INDEX = "os_compute_api:servers:index";
    static final String DETAIL = "os_compute_api:servers:detail";
    static final String INDEX_ALL_TENANTS = "os_compute_api:servers:index:get_all_tenants";
    static final String DETAIL_ALL_TENANTS = "os_compute_api:servers:detail:get_all_tenants";
    static final String ALL_FILTERS = "os_compute_api:servers:allow_all_filters";
    static final String SHOW = "os_compute_api:servers:show";
    static final String SHOW_HOST_STATUS = "os_compute_api:servers:show:host_status";
    static final String CREATE = "os_compute_api:servers:create";
    static final String CREATE_FORCED_HOST = "os_compute_api:servers:create:forced_host";
    static final String CREATE_REQUESTED_DESTINATION = "os_compute_api:servers:create:requested_destination";
    static final String CREATE_ATTACH_NETWORK = "os_compute_api:servers:create:attach_network";
    static final String DELETE = "os_compute_api:servers:delete";
    static final String UPDATE = "os_compute_api:servers:update";
    static final String START = "os_compute_api:servers:start";
    static final String STOP = "os_compute_api:servers:stop";
    static final String REBOOT = "os_compute_api:servers:reboot";
    static final String EXTENDED_ATTRIBUTES = "os_compute_api:os-extended-server-attributes";
    static final String LOCK = "os_compute_api:os-lock-server:lock";
    static final String UNLOCK = "os_compute_api:os-lock-server:unlock";
    static final String UNLOCK_OVERRIDE = "os_compute_api:os-lock-server:unlock:unlock_override";
    static final String CONSOLE_OUTPUT = "os_compute_api:os-console-output";
    static final String FLAVOR_EXTRA_SPECS = "os_compute_api:os-flavor-extra-specs:index";
    static final String REBUILD = "os_compute_api:servers:rebuild";
    static final String PAUSE = "os_compute_api:os-pause-server:pause";
    static final String UNPAUSE = "os_compute_api:os-pause-server:unpause";
    static final String SUSPEND = "os_compute_api:os-suspend-server:suspend";
    static final String RESUME = "os_compute_api:os-suspend-server:resume";
    static final String RESCUE = "os_compute_api:os-rescue";
    static final String UNRESCUE = "os_compute_api:os-unrescue";
    static final String SHELVE = "os_compute_api:os-shelve:shelve";
    static final String UNSHELVE = "os_compute_api:os-shelve:unshelve";
    static final String SHELVE_OFFLOAD = "os_compute_api:os-shelve:shelve_offload";
    static final String UNSHELVE_TO_HOST = "os_compute_api:os-shelve:unshelve_to_host";
    static final String RESET_STATE = "os_compute_api:os-admin-actions:reset_state";
    static final String RESTORE = "os_compute_api:os-deferred-delete:restore";
    static final String FORCE_DELETE = "os_compute_api:os-deferred-delete:force";
    static final String IPS = "os_compute_api:ips:index";
    static final String IPS_SHOW = "os_compute_api:ips:show";
    static final String PASSWORD_SHOW = "os_compute_api:os-server-password:show";
    static final String PASSWORD_CLEAR = "os_compute_api:os-server-password:clear";
    static final String DIAGNOSTICS = "os_compute_api:os-server-diagnostics";
    static final String CREATE_IMAGE = "os_compute_api:servers:create_image";
    static final String CREATE_BACKUP = "os_compute_api:os-create-backup";
    static final String RESIZE = "os_compute_api:servers:resize";
    static final String CONFIRM_RESIZE = "os_compute_api:servers:confirm_resize";
    static final String REVERT_RESIZE = "os_compute_api:servers:revert_resize";
    static final String MIGRATE = "os_compute_api:os-migrate-server:migrate";
    static final String MIGRATE_HOST = "os_compute_api:os-migrate-server:migrate:host";

    public static final Map<String, String> RULES;

    static {
        Map<String, String> r = new LinkedHashMap<>();
        r.put(INDEX, PROJECT_READER_OR_ADMIN);
        r.put(DETAIL, PROJECT_READER_OR_ADMIN);
        r.put(INDEX_ALL_TENANTS, ADMIN);
        r.put(DETAIL_ALL_TENANTS, ADMIN);
        r.put(ALL_FILTERS, ADMIN);
        r.put(SHOW, PROJECT_READER_OR_ADMIN);
        r.put(SHOW_HOST_STATUS, ADMIN);
        r.put(CREATE, PROJECT_MEMBER_OR_ADMIN);
        r.put(CREATE_FORCED_HOST, ADMIN);
        r.put(CREATE_REQUESTED_DESTINATION, ADMIN);
        r.put(CREATE_ATTACH_NETWORK, PROJECT_MEMBER_OR_ADMIN);
        r.put(DELETE, PROJECT_MEMBER_OR_ADMIN);
        r.put(UPDATE, PROJECT_MEMBER_OR_ADMIN);
        r.put(START, PROJECT_MEMBER_OR_ADMIN);
        r.put(STOP, PROJECT_MEMBER_OR_ADMIN);
        r.put(REBOOT, PROJECT_MEMBER_OR_ADMIN);
        r.put(EXTENDED_ATTRIBUTES, ADMIN);
        r.put(LOCK, PROJECT_MEMBER_OR_ADMIN);
        r.put(UNLOCK, PROJECT_MEMBER_OR_ADMIN);
        r.put(UNLOCK_OVERRIDE, ADMIN);
        r.put(CONSOLE_OUTPUT, PROJECT_MEMBER_OR_ADMIN);
        for (String rule : new String[] {REBUILD, PAUSE, UNPAUSE, SUSPEND, RESUME, RESCUE, UNRESCUE, SHELVE, UNSHELVE,
                RESTORE, FORCE_DELETE, PASSWORD_CLEAR, CREATE_IMAGE, CREATE_BACKUP, RESIZE, CONFIRM_RESIZE,
                REVERT_RESIZE}) {
            r.put(rule, PROJECT_MEMBER_OR_ADMIN);
        }
        for (String rule : new String[] {IPS, IPS_SHOW, PASSWORD_SHOW}) {
            r.put(rule, PROJECT_READER_OR_ADMIN);
        }
        InterfaceApi.policy(r, PROJECT_READER_OR_ADMIN, PROJECT_MEMBER_OR_ADMIN);
        for (String rule : new String[] {SHELVE_OFFLOAD, RESET_STATE, DIAGNOSTICS, MIGRATE, MIGRATE_HOST,
                UNSHELVE_TO_HOST}) {
            r.put(rule, ADMIN);
        }
        for (String op : new String[] {"index", "show"}) {
            r.put("os_compute_api:server-metadata:" + op, PROJECT_READER_OR_ADMIN);
            r.put("os_compute_api:os-server-tags:" + op, PROJECT_READER_OR_ADMIN);
        }
        for (String op : new String[] {"create", "update", "update_all", "delete"}) {
            r.put("os_compute_api:server-metadata:" + op, PROJECT_MEMBER_OR_ADMIN);
        }
        for (String op : new String[] {"update", "update_all", "delete", "delete_all"}) {
            r.put("os_compute_api:os-server-tags:" + op, PROJECT_MEMBER_OR_ADMIN);
        }
        r.put("os_compute_api:os-instance-actions:list", PROJECT_READER_OR_ADMIN);
        r.put("os_compute_api:os-instance-actions:show", PROJECT_READER_OR_ADMIN);
        r.put("os_compute_api:os-instance-actions:events", ADMIN);
        r.put("os_compute_api:os-instance-actions:events:details", ADMIN);
        RULES = Map.copyOf(r);
    }
}
