package dev.overcast.compute.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Instance actions and their events in one cell's database. */
public final class ActionStore {
    private final Jdbi db;

    public ActionStore(Jdbi db) {
        this.db = db;
    }

    /** Starts an action (idempotent per instance and request id) and returns its id. */
    public long start(String instanceUuid, String action, String requestId, String projectId, String userId,
                      Instant now) {
        return db.inTransaction(h -> {
            Optional<Long> existing = h.createQuery("select id from instance_actions where instance_uuid = :uuid "
                            + "and request_id = :req").bind("uuid", instanceUuid).bind("req", requestId)
                    .mapTo(Long.class).findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            h.createUpdate("""
                            insert into instance_actions (instance_uuid, action, request_id, project_id, user_id,
                                                          start_time, updated_at)
                            values (:uuid, :action, :req, :project, :user, :now, :now)""")
                    .bind("uuid", instanceUuid).bind("action", action).bind("req", requestId)
                    .bind("project", projectId).bind("user", userId).bind("now", now).execute();
            return h.createQuery("select id from instance_actions where instance_uuid = :uuid and request_id = :req")
                    .bind("uuid", instanceUuid).bind("req", requestId).mapTo(Long.class).one();
        });
    }

    /** Starts an event of the action (again after a restart: the running one is kept). */
    public void startEvent(String instanceUuid, String requestId, String event, String host, Instant now) {
        db.useTransaction(h -> {
            Long action = actionId(h, instanceUuid, requestId);
            if (action == null) {
                return;
            }
            boolean running = h.createQuery("select count(*) from instance_actions_events where action_id = :a "
                            + "and event = :e and finish_time is null").bind("a", action).bind("e", event)
                    .mapTo(Integer.class).one() > 0;
            if (!running) {
                h.createUpdate("insert into instance_actions_events (action_id, event, start_time, host) "
                                + "values (:a, :e, :now, :host)")
                        .bind("a", action).bind("e", event).bind("now", now).bind("host", host).execute();
            }
            h.createUpdate("update instance_actions set updated_at = :now where id = :a")
                    .bind("now", now).bind("a", action).execute();
        });
    }

    /**
     * Finishes the running event and the action: {@code Success}, or {@code Error} with what failed.
     *
     * @param failure null on success
     */
    public void finishEvent(String instanceUuid, String requestId, String event, String failure, String details,
                            Instant now) {
        db.useTransaction(h -> {
            Long action = actionId(h, instanceUuid, requestId);
            if (action == null) {
                return;
            }
            h.createUpdate("""
                            update instance_actions_events set finish_time = :now, result = :result,
                                   traceback = :traceback, details = :details
                            where action_id = :a and event = :e and finish_time is null""")
                    .bind("now", now).bind("result", failure == null ? "Success" : "Error")
                    .bind("traceback", failure).bind("details", details).bind("a", action).bind("e", event).execute();
            h.createUpdate("update instance_actions set finish_time = :now, updated_at = :now, message = :message "
                            + "where id = :a")
                    .bind("now", now).bind("message", failure == null ? null : "Error").bind("a", action).execute();
        });
    }

    private static Long actionId(Handle h, String instanceUuid, String requestId) {
        return h.createQuery("select id from instance_actions where instance_uuid = :uuid and request_id = :req")
                .bind("uuid", instanceUuid).bind("req", requestId).mapTo(Long.class).findFirst().orElse(null);
    }

    /** The instance's actions, newest first, without events. */
    public List<InstanceAction> list(String instanceUuid) {
        return db.withHandle(h -> h.createQuery("""
                        select id, instance_uuid, action, request_id, project_id, user_id, start_time, finish_time,
                               message, updated_at
                        from instance_actions where instance_uuid = :uuid order by start_time desc, id desc""")
                .bind("uuid", instanceUuid).map((rs, ctx) -> action(rs, List.of())).list());
    }

    /** One action with its events, oldest event first. */
    public Optional<InstanceAction> find(String instanceUuid, String requestId) {
        return db.withHandle(h -> {
            Long id = actionId(h, instanceUuid, requestId);
            if (id == null) {
                return Optional.empty();
            }
            List<InstanceAction.Event> events = new ArrayList<>(h.createQuery("""
                            select event, start_time, finish_time, result, traceback, host, details
                            from instance_actions_events where action_id = :a order by start_time, id""")
                    .bind("a", id).map((rs, ctx) -> new InstanceAction.Event(rs.getString("event"),
                            ts(rs, "start_time"), ts(rs, "finish_time"), rs.getString("result"),
                            rs.getString("traceback"), rs.getString("host"), rs.getString("details"))).list());
            return h.createQuery("""
                            select id, instance_uuid, action, request_id, project_id, user_id, start_time, finish_time,
                                   message, updated_at
                            from instance_actions where id = :a""")
                    .bind("a", id).map((rs, ctx) -> action(rs, events)).findOne();
        });
    }

    private static InstanceAction action(java.sql.ResultSet rs, List<InstanceAction.Event> events)
            throws java.sql.SQLException {
        return new InstanceAction(rs.getLong("id"), rs.getString("instance_uuid"), rs.getString("action"),
                rs.getString("request_id"), rs.getString("project_id"), rs.getString("user_id"),
                ts(rs, "start_time"), ts(rs, "finish_time"), rs.getString("message"), ts(rs, "updated_at"), events);
    }

    private static Instant ts(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
