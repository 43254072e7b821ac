package dev.overcast.compute.flavors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;

/**
 * Flavors in the API database: the reads the servers code needs ({@link #find},
 * {@link #accessibleTo}) and the writes of the flavor APIs. Writes to one flavor's extra specs
 * or access list lock its row first, so two writers never race on the same key.
 */
public final class FlavorStore {
    private static final String COLUMNS = "id, flavorid, name, memory_mb, vcpus, root_gb, ephemeral_gb, swap, "
            + "vcpu_weight, rxtx_factor, disabled, is_public, description, created_at, updated_at";

    private final Jdbi api;
    private final Clock clock;

    public FlavorStore(ComputeContext ctx) {
        this(ctx.api(), ctx.clock());
    }

    FlavorStore(Jdbi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** The flavor the API calls {@code flavorId}, with its extra specs, whoever may use it. */
    public Optional<Flavor> find(String flavorId) {
        return api.withHandle(h -> h.createQuery("select " + COLUMNS + " from flavors where flavorid = :id")
                .bind("id", flavorId).map((rs, c) -> row(rs)).findOne()
                .map(r -> r.flavor().withExtraSpecs(extraSpecs(h, r.flavor().id()))));
    }

    /** Whether {@code projectId} may use {@code f}: it is public, or the project was given access. */
    public boolean accessibleTo(Flavor f, String projectId) {
        if (f.isPublic()) {
            return true;
        }
        return projectId != null && api.withHandle(h -> h.createQuery(
                        "select count(*) from flavor_projects where flavor_id = :id and project_id = :p")
                .bind("id", f.id()).bind("p", projectId).mapTo(Integer.class).one()) > 0;
    }

    /** The flavor as a caller sees it: admins see every flavor, others public ones and their project's. */
    Flavor visible(String flavorId, String projectId, boolean admin) {
        return find(flavorId).filter(f -> admin || accessibleTo(f, projectId))
                .orElseThrow(() -> notFound(flavorId));
    }

    static ApiException notFound(String flavorId) {
        return ApiException.notFound("Flavor " + flavorId + " could not be found.");
    }

    /** Every flavor with its extra specs, with the columns lists sort by. */
    List<FlavorRow> all() {
        return api.withHandle(h -> {
            List<FlavorRow> rows = h.createQuery("select " + COLUMNS + " from flavors order by id")
                    .map((rs, c) -> row(rs)).list();
            Map<Long, Map<String, String>> specs = new HashMap<>();
            h.createQuery("select flavor_id, spec_key, spec_value from flavor_extra_specs").map((rs, c) -> {
                specs.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                return null;
            }).list();
            return rows.stream().map(r -> r.withFlavor(r.flavor().withExtraSpecs(
                    specs.getOrDefault(r.flavor().id(), Map.of())))).toList();
        });
    }

    /** The internal ids of the flavors {@code projectId} was given access to. */
    Set<Long> accessibleIds(String projectId) {
        if (projectId == null) {
            return Set.of();
        }
        return new HashSet<>(api.withHandle(h -> h.createQuery(
                "select flavor_id from flavor_projects where project_id = :p").bind("p", projectId)
                .mapTo(Long.class).list()));
    }

    /** The projects that may use the private flavor {@code id}, in the order they were added. */
    List<String> projects(long id) {
        return api.withHandle(h -> h.createQuery(
                        "select project_id from flavor_projects where flavor_id = :id order by id")
                .bind("id", id).mapTo(String.class).list());
    }

    boolean isEmpty() {
        return api.withHandle(h -> h.createQuery("select count(*) from flavors").mapTo(Integer.class).one()) == 0;
    }

    /**
     * Creates a flavor; a 409 if its id or name is taken (the id is checked first, as Nova
     * reports it first).
     */
    Flavor create(NewFlavor f) {
        Instant now = clock.instant();
        try {
            api.useTransaction(h -> {
                if (count(h, "select count(*) from flavors where flavorid = :v", f.flavorId()) > 0) {
                    throw idExists(f.flavorId());
                }
                if (count(h, "select count(*) from flavors where name = :v", f.name()) > 0) {
                    throw nameExists(f.name());
                }
                h.createUpdate("""
                                insert into flavors (flavorid, name, memory_mb, vcpus, root_gb, ephemeral_gb, swap,
                                    rxtx_factor, disabled, is_public, description, created_at)
                                values (:flavorid, :name, :ram, :vcpus, :disk, :ephemeral, :swap, :rxtx, false,
                                    :public, :description, :now)""")
                        .bind("flavorid", f.flavorId()).bind("name", f.name()).bind("ram", f.memoryMb())
                        .bind("vcpus", f.vcpus()).bind("disk", f.rootGb()).bind("ephemeral", f.ephemeralGb())
                        .bind("swap", f.swap()).bind("rxtx", f.rxtxFactor()).bind("public", f.isPublic())
                        .bind("description", f.description()).bind("now", now).execute();
            });
        } catch (UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another request created the same id or name between the check and the insert.
            throw find(f.flavorId()).isPresent() ? idExists(f.flavorId()) : nameExists(f.name());
        }
        return find(f.flavorId()).orElseThrow();
    }

    private static ApiException idExists(String flavorId) {
        return ApiException.conflict("Flavor with ID " + flavorId + " already exists.");
    }

    private static ApiException nameExists(String name) {
        return ApiException.conflict("Flavor with name " + name + " already exists.");
    }

    /** Deletes the flavor with its extra specs and access list; false if there was none. */
    boolean delete(String flavorId) {
        return api.inTransaction(h -> {
            Optional<Long> id = lock(h, flavorId);
            if (id.isEmpty()) {
                return false;
            }
            h.createUpdate("delete from flavor_extra_specs where flavor_id = :id").bind("id", id.get()).execute();
            h.createUpdate("delete from flavor_projects where flavor_id = :id").bind("id", id.get()).execute();
            h.createUpdate("delete from flavors where id = :id").bind("id", id.get()).execute();
            return true;
        });
    }

    void setDescription(String flavorId, String description) {
        int n = api.withHandle(h -> h.createUpdate(
                        "update flavors set description = :d, updated_at = :now where flavorid = :id")
                .bind("d", description).bind("now", clock.instant()).bind("id", flavorId).execute());
        if (n == 0) {
            throw notFound(flavorId);
        }
    }

    /** Adds or replaces extra specs of the flavor, all or none. */
    void putExtraSpecs(String flavorId, Map<String, String> specs) {
        api.useTransaction(h -> {
            long id = lock(h, flavorId).orElseThrow(() -> notFound(flavorId));
            for (Map.Entry<String, String> spec : specs.entrySet()) {
                int updated = h.createUpdate(
                                "update flavor_extra_specs set spec_value = :v where flavor_id = :id and spec_key = :k")
                        .bind("v", spec.getValue()).bind("id", id).bind("k", spec.getKey()).execute();
                if (updated == 0) {
                    h.createUpdate("insert into flavor_extra_specs (flavor_id, spec_key, spec_value) values (:id, :k, :v)")
                            .bind("id", id).bind("k", spec.getKey()).bind("v", spec.getValue()).execute();
                }
            }
            touch(h, id);
        });
    }

    /** Removes one extra spec; false if the flavor had no such key. */
    boolean deleteExtraSpec(String flavorId, String key) {
        return api.inTransaction(h -> {
            long id = lock(h, flavorId).orElseThrow(() -> notFound(flavorId));
            boolean deleted = h.createUpdate("delete from flavor_extra_specs where flavor_id = :id and spec_key = :k")
                    .bind("id", id).bind("k", key).execute() > 0;
            if (deleted) {
                touch(h, id);
            }
            return deleted;
        });
    }

    /** Gives {@code projectId} access to the flavor; false if it already had it. */
    boolean addAccess(String flavorId, String projectId) {
        return api.inTransaction(h -> {
            long flavorRowId = lock(h, flavorId).orElseThrow(() -> notFound(flavorId));
            if (h.createQuery("select count(*) from flavor_projects where flavor_id = :id and project_id = :p")
                    .bind("id", flavorRowId).bind("p", projectId).mapTo(Integer.class).one() > 0) {
                return false;
            }
            h.createUpdate("insert into flavor_projects (flavor_id, project_id) values (:id, :p)")
                    .bind("id", flavorRowId).bind("p", projectId).execute();
            return true;
        });
    }

    /** Takes {@code projectId}'s access away; false if it had none. */
    boolean removeAccess(String flavorId, String projectId) {
        return api.inTransaction(h -> {
            long flavorRowId = lock(h, flavorId).orElseThrow(() -> notFound(flavorId));
            return h.createUpdate("delete from flavor_projects where flavor_id = :id and project_id = :p")
                    .bind("id", flavorRowId).bind("p", projectId).execute() > 0;
        });
    }

    private static Optional<Long> lock(Handle h, String flavorId) {
        return h.createQuery("select id from flavors where flavorid = :id for update")
                .bind("id", flavorId).mapTo(Long.class).findOne();
    }

    private void touch(Handle h, long id) {
        h.createUpdate("update flavors set updated_at = :now where id = :id").bind("now", clock.instant())
                .bind("id", id).execute();
    }

    private static Map<String, String> extraSpecs(Handle h, long id) {
        Map<String, String> specs = new LinkedHashMap<>();
        h.createQuery("select spec_key, spec_value from flavor_extra_specs where flavor_id = :id").bind("id", id)
                .map((rs, c) -> specs.put(rs.getString(1), rs.getString(2))).list();
        return specs;
    }

    private static int count(Handle h, String sql, String value) {
        return h.createQuery(sql).bind("v", value).mapTo(Integer.class).one();
    }

    static boolean isUniqueViolation(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static FlavorRow row(ResultSet rs) throws SQLException {
        Flavor f = new Flavor(rs.getLong("id"), rs.getString("flavorid"), rs.getString("name"), rs.getInt("memory_mb"),
                rs.getInt("vcpus"), rs.getInt("root_gb"), rs.getInt("ephemeral_gb"), rs.getInt("swap"),
                rs.getDouble("rxtx_factor"), rs.getBoolean("is_public"), rs.getBoolean("disabled"),
                rs.getString("description"), Map.of());
        int weight = rs.getInt("vcpu_weight");
        Integer vcpuWeight = rs.wasNull() ? null : weight;
        return new FlavorRow(f, instant(rs, "created_at"), instant(rs, "updated_at"), vcpuWeight);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A flavor with the columns only sorting needs. */
    record FlavorRow(Flavor flavor, Instant createdAt, Instant updatedAt, Integer vcpuWeight) {
        FlavorRow withFlavor(Flavor f) {
            return new FlavorRow(f, createdAt, updatedAt, vcpuWeight);
        }
    }

    /** What a create asks for, already validated. */
    record NewFlavor(String flavorId, String name, int memoryMb, int vcpus, int rootGb, int ephemeralGb, int swap,
                     double rxtxFactor, boolean isPublic, String description) {
    }

}
