package dev.overcast.compute.builds;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.instances.Instance;
import dev.overcast.core.json.Json;
import tools.jackson.core.type.TypeReference;

/**
 * Build requests, request specs and instance mappings in the API database. A create writes all
 * three for every instance in one transaction before the API answers 202; the build request is
 * the durable record of the build until the instance is in its cell.
 */
public final class BuildStore {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final Jdbi api;

    public BuildStore(Jdbi api) {
        this.api = api;
    }

    /** Records the builds of one create, all or none. */
    public void create(List<BuildRequest> builds, SchedulingRequest spec, Instant now) {
        api.useTransaction(h -> {
            for (BuildRequest b : builds) {
                h.createUpdate("""
                                insert into build_requests (instance_uuid, project_id, user_id, request_id,
                                    reservation_id, instance, metadata, tags, created_at, updated_at)
                                values (:uuid, :project, :user, :req, :res, :instance, :metadata, :tags, :now, :now)""")
                        .bind("uuid", b.uuid()).bind("project", b.instance().projectId())
                        .bind("user", b.instance().userId()).bind("req", b.requestId()).bind("res", b.reservationId())
                        .bind("instance", Json.write(b.instance())).bind("metadata", Json.write(b.metadata()))
                        .bind("tags", Json.write(b.tags())).bind("now", now).execute();
                h.createUpdate("insert into request_specs (instance_uuid, spec) values (:uuid, :spec)")
                        .bind("uuid", b.uuid()).bind("spec", Json.write(spec)).execute();
                h.createUpdate("""
                                insert into instance_mappings (instance_uuid, cell_id, project_id, user_id,
                                    queued_for_delete, created_at)
                                values (:uuid, null, :project, :user, false, :now)""")
                        .bind("uuid", b.uuid()).bind("project", b.instance().projectId())
                        .bind("user", b.instance().userId()).bind("now", now).execute();
            }
        });
    }

    public Optional<BuildRequest> find(String instanceUuid) {
        return api.withHandle(h -> find(h, instanceUuid));
    }

    private static Optional<BuildRequest> find(Handle h, String instanceUuid) {
        return h.createQuery("select request_id, reservation_id, instance, metadata, tags from build_requests "
                        + "where instance_uuid = :uuid").bind("uuid", instanceUuid)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    private static BuildRequest map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BuildRequest(Json.read(rs.getString("instance"), Instance.class),
                Json.mapper().readValue(rs.getString("metadata"), STRING_MAP),
                Json.mapper().readValue(rs.getString("tags"), STRING_LIST), rs.getString("request_id"),
                rs.getString("reservation_id"));
    }

    /** Every build request, optionally of one project, for server lists. */
    public List<BuildRequest> list(String projectId) {
        return api.withHandle(h -> {
            var query = h.createQuery("select request_id, reservation_id, instance, metadata, tags "
                    + "from build_requests" + (projectId == null ? "" : " where project_id = :project"));
            if (projectId != null) {
                query.bind("project", projectId);
            }
            return query.map((rs, ctx) -> map(rs)).list();
        });
    }

    public SchedulingRequest spec(String instanceUuid) {
        return api.withHandle(h -> h.createQuery("select spec from request_specs where instance_uuid = :uuid")
                .bind("uuid", instanceUuid).mapTo(String.class).findOne()
                .map(s -> Json.read(s, SchedulingRequest.class))
                .orElseThrow(() -> new IllegalStateException("no request spec for instance " + instanceUuid)));
    }

    /**
     * Takes the build for {@code owner} until {@code until} unless another conductor holds it.
     *
     * @return the build request, or empty when it is gone or held by someone else
     */
    public Optional<BuildRequest> lease(String instanceUuid, String owner, Instant now, Instant until) {
        return api.inTransaction(h -> {
            int n = h.createUpdate("""
                            update build_requests set lease_owner = :owner, lease_until = :until, updated_at = :now
                            where instance_uuid = :uuid
                              and (lease_until is null or lease_until < :now or lease_owner = :owner)""")
                    .bind("owner", owner).bind("until", until).bind("now", now).bind("uuid", instanceUuid).execute();
            return n == 1 ? find(h, instanceUuid) : Optional.empty();
        });
    }

    /**
     * Replaces the instance of a build request no conductor holds (a server update before the
     * server reached a cell). A conductor that holds it has read the instance already, so a change
     * made now would be lost; the caller tries again once the server is in its cell.
     *
     * @return false when the build request is gone or held
     */
    public boolean updateUnleased(Instance instance, Instant now) {
        return api.withHandle(h -> h.createUpdate("""
                        update build_requests set instance = :instance, updated_at = :now
                        where instance_uuid = :uuid and (lease_until is null or lease_until < :now)""")
                .bind("instance", Json.write(instance)).bind("now", now).bind("uuid", instance.uuid())
                .execute() == 1);
    }

    /** Builds no conductor holds: never started (older than {@code startedBefore}) or with a lapsed lease. */
    public List<String> orphaned(Instant now, Instant startedBefore, int limit) {
        return api.withHandle(h -> h.createQuery("""
                        select instance_uuid from build_requests
                        where (lease_until is null and created_at < :before) or lease_until < :now
                        order by created_at""")
                .bind("now", now).bind("before", startedBefore).setMaxRows(limit).mapTo(String.class).list());
    }

    /**
     * The build has reached its cell: maps the instance to {@code cellId} and removes the build
     * request, at once.
     *
     * @return false when the build request was gone: the user deleted the server meanwhile
     */
    public boolean moveToCell(String instanceUuid, long cellId, Instant now) {
        return api.inTransaction(h -> {
            if (h.createUpdate("delete from build_requests where instance_uuid = :uuid")
                    .bind("uuid", instanceUuid).execute() == 0) {
                return false;
            }
            h.createUpdate("update instance_mappings set cell_id = :cell, updated_at = :now where instance_uuid = :uuid")
                    .bind("cell", cellId).bind("now", now).bind("uuid", instanceUuid).execute();
            return true;
        });
    }

    /**
     * Deletes a build that has not reached a cell: the build request, spec and mapping.
     *
     * @return false when it had already reached a cell (or never existed)
     */
    public boolean deleteBuild(String instanceUuid) {
        return api.inTransaction(h -> {
            if (h.createUpdate("delete from build_requests where instance_uuid = :uuid")
                    .bind("uuid", instanceUuid).execute() == 0) {
                return false;
            }
            h.createUpdate("delete from request_specs where instance_uuid = :uuid").bind("uuid", instanceUuid).execute();
            h.createUpdate("delete from instance_mappings where instance_uuid = :uuid")
                    .bind("uuid", instanceUuid).execute();
            return true;
        });
    }

    public Optional<InstanceMapping> mapping(String instanceUuid) {
        return api.withHandle(h -> h.createQuery("""
                        select instance_uuid, cell_id, project_id, user_id, queued_for_delete, created_at
                        from instance_mappings where instance_uuid = :uuid""")
                .bind("uuid", instanceUuid).map((rs, ctx) -> mapping(rs)).findOne());
    }

    /** The mappings of one cell's live instances, optionally of one project: down-cell records (2.69). */
    public List<InstanceMapping> mappingsInCell(long cellId, String projectId) {
        return api.withHandle(h -> h.createQuery("""
                        select instance_uuid, cell_id, project_id, user_id, queued_for_delete, created_at
                        from instance_mappings where cell_id = :cell and queued_for_delete = false"""
                        + (projectId == null ? "" : " and project_id = :project"))
                .bind("cell", cellId).bindMap(projectId == null ? Map.of() : Map.of("project", projectId))
                .map((rs, ctx) -> mapping(rs)).list());
    }

    private static InstanceMapping mapping(java.sql.ResultSet rs) throws java.sql.SQLException {
        long cell = rs.getLong("cell_id");
        Long cellId = rs.wasNull() ? null : cell;
        return new InstanceMapping(rs.getString("instance_uuid"), cellId,
                rs.getString("project_id"), rs.getString("user_id"), rs.getBoolean("queued_for_delete"),
                rs.getTimestamp("created_at").toInstant());
    }

    public void markDeleted(String instanceUuid, Instant now) {
        api.useHandle(h -> h.createUpdate("update instance_mappings set queued_for_delete = true, updated_at = :now "
                        + "where instance_uuid = :uuid")
                .bind("now", now).bind("uuid", instanceUuid).execute());
    }
}
