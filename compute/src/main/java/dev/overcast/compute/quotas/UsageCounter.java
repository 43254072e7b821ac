package dev.overcast.compute.quotas;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Counts usage as Nova's counting quota driver does, with no reservations: instances, cores
 * and RAM from the live instances of every cell (their {@code flavor} column holds
 * {@code vcpus} and {@code memory_mb}) plus the build requests not yet in a cell; server
 * groups from {@code instance_groups} in the API database when that table exists; key pairs
 * per user. Cells are read in parallel; a cell that cannot be read is left out of the count,
 * as Nova leaves out a cell that does not answer.
 */
final class UsageCounter {
    private static final Logger LOG = LoggerFactory.getLogger(UsageCounter.class);

    private final ComputeContext ctx;
    private volatile GroupTable groups;

    UsageCounter(ComputeContext ctx) {
        this.ctx = ctx;
    }

    /** The project's usage and, when {@code userId} is not null, that user's. */
    Usage count(String projectId, String userId) {
        Map<String, Long> project = new HashMap<>();
        Map<String, Long> user = new HashMap<>();
        for (Row row : instances(projectId)) {
            add(project, row);
            if (row.userId().equals(userId)) {
                add(user, row);
            }
        }
        GroupTable table = groupTable();
        project.put("server_groups", table.count(projectId, null));
        if (userId != null) {
            user.put("server_groups", table.count(projectId, userId));
            user.put("key_pairs", keyPairs(userId));
        }
        return new Usage(project, user);
    }

    long keyPairs(String userId) {
        return ctx.api().withHandle(h -> h.createQuery("select count(*) from key_pairs where user_id = :u")
                .bind("u", userId).mapTo(Long.class).one());
    }

    private static void add(Map<String, Long> counts, Row row) {
        counts.merge("instances", 1L, Long::sum);
        counts.merge("cores", row.vcpus(), Long::sum);
        counts.merge("ram", row.memoryMb(), Long::sum);
    }

    /** One live or building instance of the project: who owns it and what its flavor holds. */
    private record Row(String userId, long vcpus, long memoryMb) {
    }

    private List<Row> instances(String projectId) {
        List<Row> rows = new ArrayList<>(buildRequests(projectId));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Row>>> cells = new ArrayList<>();
            for (CellMapping cell : ctx.cells().all()) {
                cells.add(pool.submit(() -> cellInstances(cell, projectId)));
            }
            for (int i = 0; i < cells.size(); i++) {
                try {
                    rows.addAll(cells.get(i).get());
                } catch (ExecutionException e) {
                    LOG.warn("Cell {} could not be counted for the quota of project {}; leaving it out",
                            ctx.cells().all().get(i).name(), projectId, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while counting instances", e);
                }
            }
        }
        return rows;
    }

    private List<Row> cellInstances(CellMapping cell, String projectId) {
        return ctx.cells().db(cell).withHandle(h -> h.createQuery(
                        "select user_id, flavor from instances where project_id = :p and deleted = false")
                .bind("p", projectId)
                .map((rs, c) -> row(rs.getString(1), Json.parse(rs.getString(2))))
                .list());
    }

    /** Build requests of instances not yet mapped to a cell, so that none is counted twice. */
    private List<Row> buildRequests(String projectId) {
        return ctx.api().withHandle(h -> h.createQuery("""
                        select b.user_id, b.instance from build_requests b
                        left join instance_mappings m on m.instance_uuid = b.instance_uuid
                        where b.project_id = :p and m.cell_id is null""")
                .bind("p", projectId)
                .map((rs, c) -> row(rs.getString(1), Json.parse(rs.getString(2)).path("flavor")))
                .list());
    }

    private static Row row(String userId, JsonNode flavor) {
        return new Row(Objects.requireNonNullElse(userId, ""), flavor.path("vcpus").asLong(0),
                flavor.path("memory_mb").asLong(0));
    }

    /** Looked up once: migrations run before the service starts, so the answer does not change. */
    private GroupTable groupTable() {
        GroupTable table = groups;
        if (table == null) {
            table = GroupTable.look(ctx);
            groups = table;
        }
        return table;
    }

    /**
     * The server groups table another feature owns: whether the API database has it yet and
     * whether it records the user, read once from the JDBC metadata.
     */
    private record GroupTable(ComputeContext ctx, boolean exists, boolean hasUser) {
        static GroupTable look(ComputeContext ctx) {
            return ctx.api().withHandle(h -> {
                Connection c = h.getConnection();
                boolean exists = false;
                boolean hasUser = false;
                try {
                    for (String name : new String[] {"instance_groups", "INSTANCE_GROUPS"}) {
                        try (ResultSet columns = c.getMetaData().getColumns(null, schema(c), name, null)) {
                            while (columns.next()) {
                                exists = true;
                                hasUser |= columns.getString("COLUMN_NAME").equalsIgnoreCase("user_id");
                            }
                        }
                        if (exists) {
                            break;
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read the API database's metadata", e);
                }
                return new GroupTable(ctx, exists, hasUser);
            });
        }

        private static String schema(Connection c) throws SQLException {
            String schema = c.getSchema();
            DatabaseMetaData meta = c.getMetaData();
            return schema == null ? null : meta.storesUpperCaseIdentifiers() ? schema.toUpperCase() : schema;
        }

        long count(String projectId, String userId) {
            if (!exists) {
                return 0;
            }
            boolean byUser = userId != null && hasUser;
            return ctx.api().withHandle(h -> {
                var query = h.createQuery("select count(*) from instance_groups where project_id = :p"
                        + (byUser ? " and user_id = :u" : "")).bind("p", projectId);
                if (byUser) {
                    query.bind("u", userId);
                }
                return query.mapTo(Long.class).one();
            });
        }
    }
}
