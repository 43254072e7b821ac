package dev.overcast.compute.migrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.core.json.Json;

/** The migration records of one cell. Status changes are compare-and-set on the status they start from. */
public final class MigrationStore {
    private static final String COLUMNS = """
            id, uuid, instance_uuid, project_id, user_id, migration_type, status, source_compute, source_node,
            dest_compute, dest_node, requested_host, old_flavor, new_flavor, old_instance_type_id,
            new_instance_type_id, old_vm_state, created_at, updated_at""";

    private final Jdbi db;

    public MigrationStore(Jdbi db) {
        this.db = db;
    }

    public void insert(Migration m) {
        db.useHandle(h -> h.createUpdate("""
                        insert into migrations (uuid, instance_uuid, project_id, user_id, migration_type, status,
                               source_compute, source_node, dest_compute, dest_node, requested_host, old_flavor,
                               new_flavor, old_instance_type_id, new_instance_type_id, old_vm_state, created_at,
                               updated_at)
                        values (:uuid, :instance, :project, :user, :type, :status, :source, :source_node, :dest,
                                :dest_node, :requested, :old_flavor, :new_flavor, :old_id, :new_id, :old_vm,
                                :created, :created)""")
                .bind("uuid", m.uuid()).bind("instance", m.instanceUuid()).bind("project", m.projectId())
                .bind("user", m.userId()).bind("type", m.migrationType()).bind("status", m.status())
                .bind("source", m.sourceCompute()).bind("source_node", m.sourceNode()).bind("dest", m.destCompute())
                .bind("dest_node", m.destNode()).bind("requested", m.requestedHost())
                .bind("old_flavor", Json.write(m.oldFlavor())).bind("new_flavor", Json.write(m.newFlavor()))
                .bind("old_id", m.oldInstanceTypeId()).bind("new_id", m.newInstanceTypeId())
                .bind("old_vm", m.oldVmState()).bind("created", m.createdAt()).execute());
    }

    /** The instance's migration that is still open, if any (there is at most one). */
    public Optional<Migration> open(String instanceUuid) {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from migrations where instance_uuid = :i "
                        + "and status not in ('confirmed', 'reverted', 'error') order by id desc")
                .bind("i", instanceUuid).map((rs, ctx) -> map(rs)).findFirst());
    }

    /** Moves the migration from status {@code from} to {@code to}; false when it was no longer in {@code from}. */
    public boolean setStatus(String uuid, String from, String to, Instant now) {
        return db.withHandle(h -> h.createUpdate("update migrations set status = :to, updated_at = :now "
                        + "where uuid = :uuid and status = :from")
                .bind("to", to).bind("now", now).bind("uuid", uuid).bind("from", from).execute() == 1);
    }

    /** Records where the scheduler sent the migration and that it is under way. */
    public boolean setDestination(String uuid, String host, String node, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                        update migrations set dest_compute = :host, dest_node = :node, status = 'migrating',
                               updated_at = :now
                        where uuid = :uuid and status = 'pre-migrating'""")
                .bind("host", host).bind("node", node).bind("now", now).bind("uuid", uuid).execute() == 1);
    }

    /** Every migration of the cell, oldest first. */
    public List<Migration> all() {
        return db.withHandle(h -> h.createQuery("select " + COLUMNS + " from migrations order by created_at, id")
                .map((rs, ctx) -> map(rs)).list());
    }

    private static Migration map(ResultSet rs) throws SQLException {
        return new Migration(rs.getLong("id"), rs.getString("uuid"), rs.getString("instance_uuid"),
                rs.getString("project_id"), rs.getString("user_id"), rs.getString("migration_type"),
                rs.getString("status"), rs.getString("source_compute"), rs.getString("source_node"),
                rs.getString("dest_compute"), rs.getString("dest_node"), rs.getString("requested_host"),
                Json.read(rs.getString("old_flavor"), InstanceFlavor.class),
                Json.read(rs.getString("new_flavor"), InstanceFlavor.class),
                (Long) rs.getObject("old_instance_type_id", Long.class),
                (Long) rs.getObject("new_instance_type_id", Long.class), rs.getString("old_vm_state"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
