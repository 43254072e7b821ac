package dev.overcast.compute.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.cells.Cells;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Reads the instances that may have run within a window from every cell, deleted ones included:
 * Nova's {@code get_active_by_window_joined} across cells. Each cell's instances are ordered by
 * project and uuid; the cells follow each other in mapping order, and a marker names the last
 * instance of the previous page, in whichever cell it is.
 */
final class UsageReader {
    private final Cells cells;

    UsageReader(Cells cells) {
        this.cells = cells;
    }

    /**
     * Instances not terminated before {@code begin} and launched before {@code end}.
     *
     * @param projectId only this project's, or null for all
     * @param limit     at most this many; 0 for all
     * @param marker    start after this instance, or null
     * @throws ApiException 400 when no cell has the marker
     */
    List<UsageInstance> read(Instant begin, Instant end, String projectId, int limit, String marker) {
        List<UsageInstance> out = new ArrayList<>();
        String pending = marker;
        for (CellMapping cell : cells.all()) {
            Optional<String[]> after = Optional.empty();
            if (pending != null) {
                String m = pending;
                after = cells.db(cell).withHandle(h -> h.createQuery(
                                "select project_id, uuid from instances where uuid = :uuid")
                        .bind("uuid", m).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                        .findOne());
                if (after.isEmpty()) {
                    continue;
                }
                pending = null;
            }
            int remaining = limit == 0 ? 0 : limit - out.size();
            out.addAll(readCell(cell, begin, end, projectId, remaining, after.orElse(null)));
            if (limit > 0 && out.size() >= limit) {
                break;
            }
        }
        if (pending != null) {
            throw ApiException.badRequest("Marker " + pending + " could not be found.");
        }
        return out;
    }

    private List<UsageInstance> readCell(CellMapping cell, Instant begin, Instant end, String projectId, int limit,
                                         String[] after) {
        StringBuilder sql = new StringBuilder("""
                select uuid, project_id, display_name, vm_state, flavor, launched_at, terminated_at from instances
                where (terminated_at is null or terminated_at > :begin) and launched_at < :end""");
        if (projectId != null) {
            sql.append(" and project_id = :project");
        }
        if (after != null) {
            sql.append(" and (project_id > :mp or (project_id = :mp and uuid > :mu))");
        }
        sql.append(" order by project_id, uuid");
        if (limit > 0) {
            sql.append(" limit ").append(limit);
        }
        return cells.db(cell).withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("begin", begin).bind("end", end);
            if (projectId != null) {
                q.bind("project", projectId);
            }
            if (after != null) {
                q.bind("mp", after[0]).bind("mu", after[1]);
            }
            return q.map((rs, ctx) -> row(rs)).list();
        });
    }

    private static UsageInstance row(ResultSet rs) throws SQLException {
        JsonNode flavor = flavor(rs.getString("flavor"));
        return new UsageInstance(rs.getString("uuid"), rs.getString("project_id"), rs.getString("display_name"),
                rs.getString("vm_state"), flavor.path("name").asString(""), flavor.path("vcpus").asInt(0),
                flavor.path("memory_mb").asInt(0),
                flavor.path("root_gb").asInt(0) + flavor.path("ephemeral_gb").asInt(0),
                instant(rs.getTimestamp("launched_at")), instant(rs.getTimestamp("terminated_at")));
    }

    /**
     * The flavor's fields: the text is the flavor's JSON, or Nova's versioned-object form
     * ({@code {"cur": {"nova_object.data": {...}}}}) for rows that carry it.
     */
    private static JsonNode flavor(String text) {
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode node = Json.parse(text);
            if (node.has("cur")) {
                node = node.path("cur").path("nova_object.data");
            }
            return node.isObject() ? node : Json.object();
        } catch (RuntimeException unreadable) {
            return Json.object();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
