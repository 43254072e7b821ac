package dev.overcast.orchestration.snapshots;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import dev.overcast.core.json.Json;

/** Stack snapshots in the orchestration database ({@code stack_snapshot}); JSON is text. */
public final class SnapshotStore {
    private final Jdbi jdbi;

    public SnapshotStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(SnapshotRow s) {
        jdbi.useHandle(h -> h.createUpdate("insert into stack_snapshot (id, stack_id, project_id, name, status, "
                        + "status_reason, data, definition, created_at) values (:id, :stack, :project, :name, "
                        + ":status, :reason, :data, :definition, :created)")
                .bind("id", s.id()).bind("stack", s.stackId()).bind("project", s.projectId()).bind("name", s.name())
                .bind("status", s.status()).bind("reason", s.statusReason()).bind("data", Json.write(s.data()))
                .bind("definition", Json.write(s.definition()))
                .bind("created", s.createdAt().atOffset(ZoneOffset.UTC)).execute());
    }

    /** @return the stack's snapshot of that id */
    Optional<SnapshotRow> find(String stackId, String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from stack_snapshot where id = :id and stack_id = :stack")
                .bind("id", id).bind("stack", stackId).map(SnapshotStore::row).findOne());
    }

    /** @return the stack's snapshots, oldest first */
    List<SnapshotRow> list(String stackId) {
        return jdbi.withHandle(h -> h.createQuery("select * from stack_snapshot where stack_id = :stack "
                        + "order by created_at, id").bind("stack", stackId).map(SnapshotStore::row).list());
    }

    void delete(String id) {
        jdbi.useHandle(h -> h.createUpdate("delete from stack_snapshot where id = :id").bind("id", id).execute());
    }

    /** Deletes every snapshot of the stack (its delete or abandon). */
    public void deleteAll(String stackId) {
        jdbi.useHandle(h -> h.createUpdate("delete from stack_snapshot where stack_id = :stack")
                .bind("stack", stackId).execute());
    }

    private static SnapshotRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        Instant at = created == null ? null : created.toInstant();
        return new SnapshotRow(rs.getString("id"), rs.getString("stack_id"), rs.getString("project_id"),
                rs.getString("name"), rs.getString("status"), rs.getString("status_reason"),
                Json.read(rs.getString("data"), StackData.class),
                Json.read(rs.getString("definition"), StackDefinition.class), at);
    }
}
