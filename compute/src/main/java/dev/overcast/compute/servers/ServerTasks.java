package dev.overcast.compute.servers;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.conductor.Conductor;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceState;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;

/**
 * Puts a task (delete, stop, start, reboot) on an instance and hands it to the conductor: the
 * state change is written before the API answers, so the task survives a lost cast or a crash.
 */
final class ServerTasks {
    private static final int RACE_RETRIES = 5;

    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerNeighbours n;

    ServerTasks(ComputeContext ctx, ServerLookup lookup, ServerNeighbours neighbours) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.n = neighbours;
    }

    /** Refuses a non-admin operation on a locked server, as Nova's check_instance_lock. */
    void checkLock(Request req, Instance i) {
        if (i.locked() && !lookup.isAdmin(req)) {
            throw new ApiException(409, "Instance " + i.uuid() + " is locked");
        }
    }

    /**
     * Deletes a server in any state.
     *
     * @return the instance as it was when this request asked for its delete; null when the
     *         server was still a build request, or its delete was already under way
     */
    Instance delete(Request req, String uuid) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            ServerRecord r = lookup.require(req, uuid);
            ctx.enforce(req, ServerPolicy.DELETE, Map.of("project_id", r.instance().projectId()));
            checkLock(req, r.instance());
            if (r.cell() == null) {
                if (new BuildStore(ctx.api()).deleteBuild(uuid)) {
                    // A conductor may have claimed a host already; releasing is harmless when it has not.
                    n.allocations().release(uuid);
                    return null;
                }
                continue; // It reached its cell meanwhile.
            }
            if (r.instance().state().task() == dev.overcast.compute.instances.TaskState.DELETING) {
                return null;
            }
            if (request(req, r, Lifecycle.Event.DELETE_REQUESTED, "delete", "delete")) {
                return r.instance();
            }
        }
        throw new ApiException(409, "Instance " + uuid + " changed while it was being deleted; try again");
    }

    /**
     * Applies a request event and casts the task to the conductor.
     *
     * @return false when the instance changed under us (the caller may read it again and retry)
     */
    boolean request(Request req, ServerRecord r, Lifecycle.Event event, String operation, String action) {
        return request(req, r, event, operation, action, Map.of());
    }

    /**
     * As {@link #request(Request, ServerRecord, Lifecycle.Event, String, String)}, with {@code extra} put in the
     * instance's system metadata for the task to read.
     */
    boolean request(Request req, ServerRecord r, Lifecycle.Event event, String operation, String action,
                    Map<String, String> extra) {
        CellMapping cell = ServerLookup.cellOf(r, operation);
        Instance i = r.instance();
        InstanceState next = Lifecycle.apply(i.state(), event, operation, i.uuid());
        Instant now = ctx.clock().instant();
        Map<String, String> sysmeta = new HashMap<>(i.systemMetadata());
        sysmeta.putAll(extra);
        sysmeta.put("overcast:request_id", req.ids().local());
        // A worker holding the instance keeps its lease and sees the new task when its own step ends.
        Instance changed = i.withState(next).withSystemMetadata(sysmeta);
        InstanceStore store = new InstanceStore(ctx.cells().db(cell));
        if (!store.transition(i.state(), changed, now)) {
            return false;
        }
        new ActionStore(store.db()).start(i.uuid(), action, req.ids().local(), req.auth().projectId(),
                req.auth().userId(), now);
        ctx.bus().cast(Conductor.TARGET, Conductor.RUN_TASK, new Conductor.TaskArgs(cell.uuid(), i.uuid()));
        return true;
    }

    /**
     * An admin's reset of the state (os-resetState): the state is written at once, whatever task
     * was running; a worker holding the instance finds its state changed and stops.
     */
    void resetState(Request req, ServerRecord r, Lifecycle.Event event) {
        CellMapping cell = ServerLookup.cellOf(r, "os-resetState");
        InstanceStore store = new InstanceStore(ctx.cells().db(cell));
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Instance i = attempt == 0 ? r.instance() : store.find(r.uuid()).orElseThrow(() ->
                    ServerLookup.notFound(r.uuid()));
            Instance reset = i.withState(Lifecycle.apply(i.state(), event, "os-resetState", i.uuid()))
                    .withLease(null, null);
            if (store.transition(i.state(), reset, ctx.clock().instant())) {
                new ActionStore(store.db()).start(i.uuid(), "resetState", req.ids().local(), req.auth().projectId(),
                        req.auth().userId(), ctx.clock().instant());
                return;
            }
        }
        throw new ApiException(409, "Instance " + r.uuid() + " changed while its state was reset; try again");
    }

    /** Applies a request event, retrying when the instance changes under us. */
    void requestWithRetry(Request req, String uuid, String rule, Lifecycle.Event event, String operation,
                          String action) {
        requestWithRetry(req, uuid, rule, event, operation, action, Map.of());
    }

    /** As {@link #requestWithRetry(Request, String, String, Lifecycle.Event, String, String)}, with {@code extra}. */
    void requestWithRetry(Request req, String uuid, String rule, Lifecycle.Event event, String operation,
                          String action, Map<String, String> extra) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            ServerRecord r = lookup.require(req, uuid);
            ctx.enforce(req, rule, Map.of("project_id", r.instance().projectId()));
            checkLock(req, r.instance());
            if (request(req, r, event, operation, action, extra)) {
                return;
            }
        }
        throw new ApiException(409, "Instance " + uuid + " changed while '" + operation + "' was asked; try again");
    }
}
