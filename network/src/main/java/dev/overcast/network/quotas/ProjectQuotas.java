package dev.overcast.network.quotas;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

import org.jdbi.v3.core.Handle;

/** A project's limits (its own or the defaults) and how much of each resource it uses. */
final class ProjectQuotas {
    private final QuotaSettings defaults;

    ProjectQuotas(QuotaSettings defaults) {
        this.defaults = defaults;
    }

    Map<QuotaResource, Integer> defaults() {
        Map<QuotaResource, Integer> out = new EnumMap<>(QuotaResource.class);
        for (QuotaResource r : QuotaResource.values()) {
            out.put(r, r.defaultLimit(defaults));
        }
        return out;
    }

    /** The limits in force for {@code projectId}: the defaults, overridden by what an admin set. */
    Map<QuotaResource, Integer> limits(Handle h, String projectId) {
        Map<QuotaResource, Integer> out = defaults();
        for (QuotaStore.Limit limit : h.attach(QuotaStore.class).limitsOf(projectId)) {
            QuotaResource r = QuotaResource.named(limit.resource());
            if (r != null) {
                out.put(r, limit.hardLimit());
            }
        }
        return out;
    }

    /** How many {@code resource} rows the project owns; zero when the resource's table does not exist. */
    int used(Handle h, String projectId, QuotaResource resource) {
        if (!tableExists(h, resource.table())) {
            return 0;
        }
        // The table name is one of QuotaResource's constants, never the client's text.
        return h.createQuery("select count(*) from " + resource.table() + " where project_id = :project")
                .bind("project", projectId).mapTo(Integer.class).one();
    }

    /**
     * Takes the project's quota lock until the transaction ends: the row is made once (an insert
     * that does nothing when it exists, or waits for the transaction that is making it), then
     * locked. Every check of the project's quotas queues here.
     */
    void lock(Handle h, String projectId) {
        QuotaStore store = h.attach(QuotaStore.class);
        store.addLock(projectId);
        store.lock(projectId);
    }

    private static boolean tableExists(Handle h, String table) {
        try {
            Connection c = h.getConnection();
            DatabaseMetaData meta = c.getMetaData();
            for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
                try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's tables: " + e.getMessage(), e);
        }
    }
}
