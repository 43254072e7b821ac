package dev.overcast.orchestration.stacks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import dev.overcast.core.json.Json;

/**
 * Stacks, their resources and events in the orchestration database. JSON columns are text,
 * parsed here. Every method is one short transaction.
 */
public final class StackStore {
    private static final String STACK_COLUMNS = "id, name, project_id, user_id, owner_id, action, status, "
            + "status_reason, template, files, environment, parameters, tags, disable_rollback, timeout_mins, engine, "
            + "lock_engine, lock_expires, created_at, updated_at, deleted_at";
    private final Jdbi jdbi;

    public StackStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A live stack of that name exists in the project already. */
    public static final class NameTaken extends RuntimeException {
        NameTaken(String name) {
            super(name, null, false, false);
        }
    }

    /**
     * Inserts a new stack with its resources.
     *
     * @throws NameTaken when the project has a live stack of that name (even one inserted by a
     *                   concurrent request)
     */
    public void insert(StackRow s, List<ResourceRow> resources) {
        try {
            insertRows(s, resources);
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new NameTaken(s.name());
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void insertRows(StackRow s, List<ResourceRow> resources) {
        jdbi.useTransaction(h -> {
            h.createUpdate("insert into stack (" + STACK_COLUMNS + ") values (:id, :name, :project, :user, :owner, "
                    + ":action, :status, :reason, :template, :files, :environment, :parameters, :tags, :rollback, "
                    + ":timeout, :engine, :lockEngine, :lockExpires, :created, :updated, null)")
                    .bind("id", s.id()).bind("name", s.name()).bind("project", s.projectId()).bind("user", s.userId())
                    .bind("owner", s.ownerId()).bind("action", s.action()).bind("status", s.status())
                    .bind("reason", s.statusReason()).bind("template", s.template())
                    .bind("files", Json.write(s.files())).bind("environment", Json.write(s.environment()))
                    .bind("parameters", Json.write(s.parameters())).bind("tags", Json.write(s.tags()))
                    .bind("rollback", s.disableRollback()).bind("timeout", s.timeoutMins())
                    .bind("engine", s.engine()).bind("lockEngine", s.lockEngine())
                    .bind("lockExpires", ts(s.lockExpires())).bind("created", ts(s.createdAt()))
                    .bind("updated", ts(s.updatedAt()))
                    .execute();
            h.createUpdate("insert into stack_live_name (project_id, name, stack_id) values (:project, :name, :id)")
                    .bind("project", s.projectId()).bind("name", s.name()).bind("id", s.id()).execute();
            resources.forEach(r -> insertResource(h, r));
        });
    }

    /** @return the stack (deleted ones included) */
    public Optional<StackRow> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("select " + STACK_COLUMNS + " from stack where id = :id")
                .bind("id", id).map(StackStore::stack).findOne());
    }

    /** @return the project's live stack of that name */
    public Optional<StackRow> findByName(String projectId, String name) {
        return jdbi.withHandle(h -> h.createQuery("select " + STACK_COLUMNS
                        + " from stack where project_id = :project and name = :name and deleted_at is null")
                .bind("project", projectId).bind("name", name).map(StackStore::stack).findFirst());
    }

    /** @return the live stacks of a project, or of every project when {@code projectId} is null */
    public List<StackRow> list(String projectId, boolean withDeleted) {
        String where = (projectId == null ? "1 = 1" : "project_id = :project")
                + (withDeleted ? "" : " and deleted_at is null");
        return jdbi.withHandle(h -> {
            var q = h.createQuery("select " + STACK_COLUMNS + " from stack where " + where + " order by created_at, id");
            if (projectId != null) {
                q.bind("project", projectId);
            }
            return q.map(StackStore::stack).list();
        });
    }

    /** @return the live stacks {@code ownerId} owns (its nested stacks), oldest first */
    public List<StackRow> children(String ownerId) {
        return jdbi.withHandle(h -> h.createQuery("select " + STACK_COLUMNS + " from stack where owner_id = :owner "
                        + "and deleted_at is null order by created_at, id")
                .bind("owner", ownerId).map(StackStore::stack).list());
    }

    /**
     * Sets the stack's action, status and reason; an UPDATE or ROLLBACK also sets the updated
     * time (Heat shows none for a stack that was never updated).
     */
    public void setStatus(String id, String action, String status, String reason, Instant at) {
        writeStatus(id, action, status, reason, at, null);
    }

    /**
     * Sets the stack's status as {@link #setStatus} does and, in the same statement, releases its
     * lock if {@code engine} holds it: a client that sees the action's final status can start the
     * next action at once.
     */
    public void setStatusAndUnlock(String id, String action, String status, String reason, Instant at,
                                   String engine) {
        writeStatus(id, action, status, reason, at, engine);
    }

    /** @param unlocking the engine whose lock on the stack goes with it, or null to leave the lock */
    private void writeStatus(String id, String action, String status, String reason, Instant at, String unlocking) {
        boolean update = action.equals("UPDATE") || action.equals("ROLLBACK");
        jdbi.useHandle(h -> {
            var statement = h.createUpdate("update stack set action = :action, status = :status, status_reason = "
                            + ":reason" + (update ? ", updated_at = :at" : "")
                            + (unlocking == null ? "" : ", lock_expires = case when lock_engine = :engine then null "
                            + "else lock_expires end, lock_engine = case when lock_engine = :engine then null "
                            + "else lock_engine end")
                            + " where id = :id")
                    .bind("action", action).bind("status", status).bind("reason", reason).bind("at", ts(at))
                    .bind("id", id);
            if (unlocking != null) {
                statement.bind("engine", unlocking);
            }
            statement.execute();
        });
    }

    /** Stores what an update gives the stack. */
    public void setDefinition(StackRow s) {
        jdbi.useHandle(h -> h.createUpdate("update stack set template = :template, files = :files, environment = "
                        + ":environment, parameters = :parameters, tags = :tags, disable_rollback = :rollback, "
                        + "timeout_mins = :timeout where id = :id")
                .bind("template", s.template()).bind("files", Json.write(s.files()))
                .bind("environment", Json.write(s.environment())).bind("parameters", Json.write(s.parameters()))
                .bind("tags", Json.write(s.tags())).bind("rollback", s.disableRollback())
                .bind("timeout", s.timeoutMins()).bind("id", s.id()).execute());
    }

    /** Marks a stack deleted (it stays visible by id, as in Heat). */
    public void markDeleted(String id, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update stack set deleted_at = :at where id = :id").bind("at", ts(at)).bind("id", id)
                    .execute();
            h.createUpdate("delete from stack_live_name where stack_id = :id").bind("id", id).execute();
        });
    }

    /**
     * Takes the stack's lock for {@code engine} until {@code expires}, when it is free or its
     * lease lapsed. Not re-entrant: one action at a time, even within one engine.
     *
     * @return whether {@code engine} holds the lock now
     */
    public boolean tryLock(String id, String engine, Instant now, Instant expires) {
        return jdbi.withHandle(h -> h.createUpdate("update stack set lock_engine = :engine, lock_expires = :expires "
                        + "where id = :id and (lock_engine is null or lock_expires < :now)")
                .bind("engine", engine).bind("expires", ts(expires)).bind("now", ts(now)).bind("id", id)
                .execute()) == 1;
    }

    /** Extends the lease of every lock {@code engine} holds. */
    public void renewLocks(String engine, Instant expires) {
        jdbi.useHandle(h -> h.createUpdate("update stack set lock_expires = :expires where lock_engine = :engine")
                .bind("engine", engine).bind("expires", ts(expires)).execute());
    }

    /** Releases the lock if {@code engine} holds it. */
    public void unlock(String id, String engine) {
        jdbi.useHandle(h -> h.createUpdate("update stack set lock_engine = null, lock_expires = null "
                        + "where id = :id and lock_engine = :engine")
                .bind("id", id).bind("engine", engine).execute());
    }

    /** Releases the lock whoever holds it (the holder is known to be dead). */
    public void forceUnlock(String id) {
        jdbi.useHandle(h -> h.createUpdate("update stack set lock_engine = null, lock_expires = null where id = :id")
                .bind("id", id).execute());
    }

    /**
     * @return legacy stacks with an action in progress whose lock nobody alive holds: no lock, a lapsed
     *         lease, or a lock held by {@code formerSelf} (this engine before a restart)
     */
    public List<StackRow> orphaned(String formerSelf, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select " + STACK_COLUMNS + " from stack where status = "
                        + "'IN_PROGRESS' and deleted_at is null and engine = 'legacy' and (lock_engine is null or lock_engine = :engine "
                        + "or lock_expires < :now)")
                .bind("engine", formerSelf).bind("now", ts(now)).map(StackStore::stack).list());
    }

    /** @return live stacks of {@code engine} with an action in progress */
    public List<StackRow> inProgress(String engine) {
        return jdbi.withHandle(h -> h.createQuery("select " + STACK_COLUMNS + " from stack where status = "
                        + "'IN_PROGRESS' and deleted_at is null and engine = :engine")
                .bind("engine", engine).map(StackStore::stack).list());
    }

    // --- resources

    public List<ResourceRow> resources(String stackId) {
        return jdbi.withHandle(h -> h.createQuery("select * from stack_resource where stack_id = :id order by "
                        + "created_at, name").bind("id", stackId).map(StackStore::resource).list());
    }

    /** @return the stack's resources of these names */
    public List<ResourceRow> resources(String stackId, java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select * from stack_resource where stack_id = :id and name in "
                        + "(<names>)").bind("id", stackId).bindList("names", List.copyOf(names))
                .map(StackStore::resource).list());
    }

    /** Inserts resources in one transaction. */
    public void insertResources(List<ResourceRow> rows) {
        if (!rows.isEmpty()) {
            jdbi.useTransaction(h -> rows.forEach(r -> insertResource(h, r)));
        }
    }

    public void insertResource(ResourceRow r) {
        jdbi.useHandle(h -> insertResource(h, r));
    }

    private static void insertResource(Handle h, ResourceRow r) {
        h.createUpdate("insert into stack_resource (id, stack_id, name, type, physical_id, action, status, "
                        + "status_reason, properties, data, metadata, requires, created_at, updated_at) values (:id, "
                        + ":stack, :name, :type, :physical, :action, :status, :reason, :properties, :data, :metadata, "
                        + ":requires, :created, :updated)")
                .bind("id", r.id()).bind("stack", r.stackId()).bind("name", r.name()).bind("type", r.type())
                .bind("physical", r.physicalId()).bind("action", r.action()).bind("status", r.status())
                .bind("reason", r.statusReason()).bind("properties", Json.write(r.properties()))
                .bind("data", Json.write(r.data())).bind("metadata", Json.write(r.metadata()))
                .bind("requires", Json.write(r.requires())).bind("created", ts(r.createdAt()))
                .bind("updated", ts(r.updatedAt())).execute();
    }

    /** Stores the resource's state, physical id, properties, data and requirements. */
    public void updateResource(ResourceRow r) {
        jdbi.useHandle(h -> h.createUpdate("update stack_resource set type = :type, physical_id = :physical, "
                        + "action = :action, status = :status, status_reason = :reason, properties = :properties, "
                        + "data = :data, metadata = :metadata, requires = :requires, updated_at = :updated "
                        + "where id = :id")
                .bind("type", r.type()).bind("physical", r.physicalId()).bind("action", r.action())
                .bind("status", r.status()).bind("reason", r.statusReason())
                .bind("properties", Json.write(r.properties())).bind("data", Json.write(r.data()))
                .bind("metadata", Json.write(r.metadata())).bind("requires", Json.write(r.requires()))
                .bind("updated", ts(r.updatedAt())).bind("id", r.id()).execute());
    }

    /**
     * Changes one resource's data alone, under a row lock, so that concurrent signals (and an
     * engine working on other resources of the stack) lose no write.
     *
     * @param change the row as stored now → its new data, or null to leave it
     * @return the row as stored now, before the change
     */
    public Optional<ResourceRow> changeData(String stackId, String name,
            java.util.function.Function<ResourceRow, Map<String, Object>> change) {
        return jdbi.inTransaction(h -> {
            Optional<ResourceRow> row = h.createQuery("select * from stack_resource where stack_id = :stack and "
                            + "name = :name for update").bind("stack", stackId).bind("name", name)
                    .map(StackStore::resource).findOne();
            row.ifPresent(r -> {
                Map<String, Object> data = change.apply(r);
                if (data != null) {
                    h.createUpdate("update stack_resource set data = :data where id = :id")
                            .bind("data", Json.write(data)).bind("id", r.id()).execute();
                }
            });
            return row;
        });
    }

    /** Sets one resource's action, status and reason alone (its data and properties stay). */
    public void setResourceState(String id, String action, String status, String reason, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("update stack_resource set action = :action, status = :status, "
                        + "status_reason = :reason, updated_at = :at where id = :id")
                .bind("action", action).bind("status", status).bind("reason", reason).bind("at", ts(at))
                .bind("id", id).execute());
    }

    public void deleteResource(String id) {
        jdbi.useHandle(h -> h.createUpdate("delete from stack_resource where id = :id").bind("id", id).execute());
    }

    // --- events

    public void addEvent(EventRow e) {
        jdbi.useHandle(h -> h.createUpdate("insert into stack_event (id, stack_id, resource_name, physical_id, "
                        + "resource_type, action, status, status_reason, created_at) values (:id, :stack, :name, "
                        + ":physical, :type, :action, :status, :reason, :at)")
                .bind("id", e.id()).bind("stack", e.stackId()).bind("name", e.resourceName())
                .bind("physical", e.physicalId()).bind("type", e.resourceType()).bind("action", e.action())
                .bind("status", e.status()).bind("reason", e.statusReason()).bind("at", ts(e.createdAt()))
                .execute());
    }

    /** @return the stack's events, oldest first */
    public List<EventRow> events(String stackId) {
        return jdbi.withHandle(h -> h.createQuery("select * from stack_event where stack_id = :id order by seq")
                .bind("id", stackId).map(StackStore::event).list());
    }

    // --- mapping

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @SuppressWarnings("unchecked")
    private static <T> T json(ResultSet rs, String column, Class<T> type) throws SQLException {
        return (T) Json.read(rs.getString(column), type);
    }

    @SuppressWarnings("unchecked")
    private static StackRow stack(ResultSet rs, StatementContext ctx) throws SQLException {
        Object timeout = rs.getObject("timeout_mins");
        return new StackRow(rs.getString("id"), rs.getString("name"), rs.getString("project_id"),
                rs.getString("user_id"), rs.getString("owner_id"), rs.getString("action"), rs.getString("status"),
                rs.getString("status_reason"), rs.getString("template"), json(rs, "files", Map.class),
                json(rs, "environment", Map.class), json(rs, "parameters", Map.class), json(rs, "tags", List.class),
                rs.getBoolean("disable_rollback"), timeout == null ? null : ((Number) timeout).intValue(),
                rs.getString("engine"), rs.getString("lock_engine"), instant(rs, "lock_expires"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "deleted_at"));
    }

    @SuppressWarnings("unchecked")
    private static ResourceRow resource(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ResourceRow(rs.getString("id"), rs.getString("stack_id"), rs.getString("name"),
                rs.getString("type"), rs.getString("physical_id"), rs.getString("action"), rs.getString("status"),
                rs.getString("status_reason"), json(rs, "properties", Map.class), json(rs, "data", Map.class),
                json(rs, "metadata", Map.class), json(rs, "requires", List.class), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static EventRow event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new EventRow(rs.getLong("seq"), rs.getString("id"), rs.getString("stack_id"),
                rs.getString("resource_name"), rs.getString("physical_id"), rs.getString("resource_type"),
                rs.getString("action"), rs.getString("status"), rs.getString("status_reason"),
                instant(rs, "created_at"));
    }

}
