package dev.overcast.compute.instances;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.jdbi.v3.core.statement.SqlStatement;

import dev.overcast.core.json.Json;
import tools.jackson.core.type.TypeReference;

/** How an {@link Instance} maps to a row of the cell's {@code instances} table. */
final class InstanceRows {
    private InstanceRows() {
    }

    static final String COLUMNS = """
            uuid, project_id, user_id, display_name, display_description, hostname, host, node, availability_zone,
            flavor, image_ref, key_name, key_data, user_data, vm_state, task_state, power_state, locked_by,
            lock_reason, reservation_id, launch_index, access_ip_v4, access_ip_v6, system_metadata, launched_at,
            terminated_at, lease_owner, lease_until, created_at, updated_at, deleted_at, deleted""";

    static final String VALUES = """
            :uuid, :project_id, :user_id, :display_name, :display_description, :hostname, :host, :node,
            :availability_zone, :flavor, :image_ref, :key_name, :key_data, :user_data, :vm_state, :task_state,
            :power_state, :locked_by, :lock_reason, :reservation_id, :launch_index, :access_ip_v4, :access_ip_v6,
            :system_metadata, :launched_at, :terminated_at, :lease_owner, :lease_until, :created_at, :updated_at,
            :deleted_at, :deleted""";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    static <S extends SqlStatement<S>> S bind(S s, Instance i) {
        return s.bind("uuid", i.uuid()).bind("project_id", i.projectId()).bind("user_id", i.userId())
                .bind("display_name", i.displayName()).bind("display_description", i.description())
                .bind("hostname", i.hostname()).bind("host", i.host()).bind("node", i.node())
                .bind("availability_zone", i.availabilityZone()).bind("flavor", Json.write(i.flavor()))
                .bind("image_ref", i.imageRef()).bind("key_name", i.keyName()).bind("key_data", i.keyData())
                .bind("user_data", i.userData()).bind("vm_state", i.state().vm().value())
                .bind("task_state", i.state().task() == null ? null : i.state().task().value())
                .bind("power_state", i.state().power().code()).bind("locked_by", i.lockedBy())
                .bind("lock_reason", i.lockReason()).bind("reservation_id", i.reservationId())
                .bind("launch_index", i.launchIndex()).bind("access_ip_v4", i.accessIpV4())
                .bind("access_ip_v6", i.accessIpV6()).bind("system_metadata", Json.write(i.systemMetadata()))
                .bind("launched_at", i.launchedAt()).bind("terminated_at", i.terminatedAt())
                .bind("lease_owner", i.leaseOwner()).bind("lease_until", i.leaseUntil())
                .bind("created_at", i.createdAt()).bind("updated_at", i.updatedAt())
                .bind("deleted_at", i.deletedAt()).bind("deleted", i.deleted());
    }

    static Instance map(ResultSet rs) throws SQLException {
        return new Instance(rs.getString("uuid"), rs.getString("project_id"), rs.getString("user_id"),
                rs.getString("display_name"), rs.getString("display_description"), rs.getString("hostname"),
                rs.getString("host"), rs.getString("node"), rs.getString("availability_zone"),
                Json.read(rs.getString("flavor"), InstanceFlavor.class), rs.getString("image_ref"),
                rs.getString("key_name"), rs.getString("key_data"), rs.getString("user_data"),
                new InstanceState(VmState.of(rs.getString("vm_state")), TaskState.of(rs.getString("task_state")),
                        PowerState.of(rs.getInt("power_state"))),
                rs.getString("locked_by"), rs.getString("lock_reason"), rs.getString("reservation_id"),
                rs.getInt("launch_index"), rs.getString("access_ip_v4"), rs.getString("access_ip_v6"),
                stringMap(rs.getString("system_metadata")), instant(rs, "launched_at"), instant(rs, "terminated_at"),
                rs.getString("lease_owner"), instant(rs, "lease_until"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "deleted_at"), rs.getBoolean("deleted"));
    }

    static Map<String, String> stringMap(String json) {
        return json == null ? Map.of() : Json.mapper().readValue(json, STRING_MAP);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
