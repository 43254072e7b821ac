package dev.overcast.compute.servers;

import java.time.Instant;
import java.util.List;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.ServerStatus;
import dev.overcast.core.http.ApiException;

/**
 * A server list's filters, read from the query as Nova reads them, as one predicate over a
 * server. The project scope and whether deleted servers are wanted are kept apart, since the
 * cells' queries use them.
 *
 * @param projectId      the project whose servers are listed, or null for all (admins)
 * @param includeDeleted whether deleted servers are listed (changes-since, or deleted=true for admins)
 * @param onlyDeleted    deleted=true
 * @param host           the host filter (admins), or null
 * @param changesSince   updated at or after, or null
 * @param changesBefore  updated at or before, or null
 */
record ServerFilter(String projectId, boolean includeDeleted, boolean onlyDeleted, String host,
                    Instant changesSince, Instant changesBefore, Predicate<ServerRecord> rest) {

    /** Filters any caller may use (before 2.83 others are ignored for non-admins). */
    static final Set<String> USER_FILTERS = Set.of("reservation_id", "name", "status", "image", "flavor", "ip",
            "changes-since", "changes-before", "all_tenants", "ip6", "tags", "tags-any", "not-tags",
            "not-tags-any", "locked");
    /** Added for users by 2.83. */
    static final Set<String> USER_FILTERS_2_83 = Set.of("availability_zone", "config_drive", "key_name",
            "created_at", "launched_at", "terminated_at", "power_state", "task_state", "vm_state", "progress",
            "user_id");
    /** Everything an admin may filter on, plus paging and sorting. */
    static final Set<String> ALL_PARAMS = Set.of("reservation_id", "name", "status", "image", "flavor", "ip",
            "changes-since", "changes-before", "all_tenants", "ip6", "tags", "tags-any", "not-tags", "not-tags-any",
            "locked", "availability_zone", "config_drive", "key_name", "created_at", "launched_at", "terminated_at",
            "power_state", "task_state", "vm_state", "progress", "user_id", "host", "node", "hostname",
            "project_id", "tenant_id", "deleted", "description", "uuid", "limit", "marker", "sort_key", "sort_dir",
            "fields");

    static Predicate<ServerRecord> regex(String field, String value, java.util.function.Function<Instance, String> get) {
        Pattern p;
        try {
            p = Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw ApiException.badRequest("Invalid regular expression for " + field + ": " + value);
        }
        return r -> {
            String v = get.apply(r.instance());
            return v != null && p.matcher(v).find();
        };
    }

    static Predicate<ServerRecord> status(String value, boolean strict) {
        if (ServerStatus.vmStatesFor(value) == null) {
            if (strict) {
                throw ApiException.badRequest("Invalid status value");
            }
            return r -> false;
        }
        return r -> ServerStatus.matches(value, r.instance().state().vm(), r.instance().state().task());
    }

    static Predicate<ServerRecord> tags(String value, boolean all, boolean negate) {
        List<String> wanted = List.of(value.split(","));
        Predicate<ServerRecord> p = all ? r -> r.tags().containsAll(wanted)
                : r -> wanted.stream().anyMatch(r.tags()::contains);
        return negate ? p.negate() : p;
    }

    static Predicate<ServerRecord> equalsField(String value, java.util.function.Function<Instance, Object> get) {
        return r -> {
            Object v = get.apply(r.instance());
            return v != null && v.toString().equals(value);
        };
    }

    static boolean bool(String name, String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw ApiException.badRequest("Invalid value '" + value + "' for " + name
                    + ": it must be a boolean");
        };
    }

}
