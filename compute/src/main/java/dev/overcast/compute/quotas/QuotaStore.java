package dev.overcast.compute.quotas;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The limits that differ from the defaults: per project, per user in a project, per quota
 * class. Writes update the row or insert it; concurrent writers of one limit serialise on the
 * row (the last one wins, as in Nova).
 */
final class QuotaStore {
    private final Jdbi api;
    private final Clock clock;

    QuotaStore(Jdbi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    Map<String, Long> project(String projectId) {
        return limits("select resource, hard_limit from quotas where project_id = :a", projectId, null);
    }

    Map<String, Long> user(String projectId, String userId) {
        return limits("select resource, hard_limit from project_user_quotas where project_id = :a and user_id = :b",
                projectId, userId);
    }

    Map<String, Long> quotaClass(String className) {
        return limits("select resource, hard_limit from quota_classes where class_name = :a", className, null);
    }

    /** The sum, per resource, of the limits set for any user of the project. */
    Map<String, Long> sumOfUserLimits(String projectId) {
        Map<String, Long> out = new HashMap<>();
        api.useHandle(h -> h.createQuery(
                        "select resource, hard_limit from project_user_quotas where project_id = :p")
                .bind("p", projectId)
                .map((rs, c) -> out.merge(rs.getString(1), rs.getLong(2), Long::sum)).list());
        return out;
    }

    void setProject(String projectId, Map<String, Long> limits) {
        write(h -> limits.forEach((resource, limit) -> upsert(h, "quotas", "project_id = :a",
                "project_id", projectId, null, resource, limit)));
    }

    void setUser(String projectId, String userId, Map<String, Long> limits) {
        write(h -> limits.forEach((resource, limit) -> upsert(h, "project_user_quotas",
                "project_id = :a and user_id = :b", "project_id, user_id", projectId, userId, resource, limit)));
    }

    void setClass(String className, Map<String, Long> limits) {
        write(h -> limits.forEach((resource, limit) -> upsert(h, "quota_classes", "class_name = :a",
                "class_name", className, null, resource, limit)));
    }

    /**
     * Runs the writes in one transaction; when another writer inserted the same limit first,
     * once more, which then updates it.
     */
    private void write(java.util.function.Consumer<Handle> writes) {
        try {
            api.useTransaction(writes::accept);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            api.useTransaction(writes::accept);
        }
    }

    private static boolean isUniqueViolation(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Removes the project's own limits and those of all its users. */
    void deleteProject(String projectId) {
        api.useTransaction(h -> {
            h.createUpdate("delete from quotas where project_id = :p").bind("p", projectId).execute();
            h.createUpdate("delete from project_user_quotas where project_id = :p").bind("p", projectId).execute();
        });
    }

    void deleteUser(String projectId, String userId) {
        api.useHandle(h -> h.createUpdate("delete from project_user_quotas where project_id = :p and user_id = :u")
                .bind("p", projectId).bind("u", userId).execute());
    }

    private void upsert(Handle h, String table, String where, String keyColumns, String a, String b, String resource,
                        long limit) {
        Instant now = clock.instant();
        var update = h.createUpdate("update " + table + " set hard_limit = :limit, updated_at = :now where "
                        + where + " and resource = :resource")
                .bind("limit", limit).bind("now", now).bind("a", a).bind("resource", resource);
        if (b != null) {
            update.bind("b", b);
        }
        if (update.execute() == 0) {
            var insert = h.createUpdate("insert into " + table + " (" + keyColumns + ", resource, hard_limit, "
                            + "created_at) values (" + (b == null ? ":a" : ":a, :b") + ", :resource, :limit, :now)")
                    .bind("a", a).bind("resource", resource).bind("limit", limit).bind("now", now);
            if (b != null) {
                insert.bind("b", b);
            }
            insert.execute();
        }
    }

    private Map<String, Long> limits(String sql, String a, String b) {
        Map<String, Long> out = new HashMap<>();
        api.useHandle(h -> {
            var query = h.createQuery(sql).bind("a", a);
            if (b != null) {
                query.bind("b", b);
            }
            query.map((rs, c) -> out.put(rs.getString(1), rs.getLong(2))).list();
        });
        return out;
    }
}
