package dev.overcast.orchestration.snapshots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.api.ApiContext;
import dev.overcast.orchestration.api.StackLookup;
import dev.overcast.orchestration.engine.Events;
import dev.overcast.orchestration.engine.StackTemplates;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;

/**
 * Heat's abandon and snapshot routes under a stack's URL: {@code DELETE .../abandon} (200, the
 * abandon data), {@code POST .../snapshots} (200, the snapshot, taken before the answer),
 * {@code GET .../snapshots}, {@code GET|DELETE .../snapshots/{id}} and
 * {@code POST .../snapshots/{id}/restore} (202, the stack's engine restores it).
 */
public final class SnapshotApi {
    private final ApiContext ctx;
    private final SnapshotStore snapshots;
    private final Events events;

    public SnapshotApi(ApiContext ctx) {
        this.ctx = ctx;
        this.snapshots = ctx.snapshots();
        this.events = new Events(ctx.store(), ctx.clock());
    }

    public void routes(Routes r) {
        String stack = "/v1/{tenant_id}/stacks/{stack_name}/{stack_id}";
        r.delete(stack + "/abandon", ApiContext.guarded(this::abandon))
                .post(stack + "/snapshots", ApiContext.guarded(this::snapshot))
                .get(stack + "/snapshots", ApiContext.guarded(this::list))
                .get(stack + "/snapshots/{snapshot_id}", ApiContext.guarded(this::show))
                .delete(stack + "/snapshots/{snapshot_id}", ApiContext.guarded(this::delete))
                .post(stack + "/snapshots/{snapshot_id}/restore", ApiContext.guarded(this::restore));
    }

    /** The stack's data, then the stack forgotten: its resources stay where they are. */
    private Response abandon(Request req) {
        ctx.enforce(req, "stacks:abandon");
        if (!ctx.settings().enableStackAbandon()) {
            throw new HeatError(400, "NotSupported", "Stack Abandon is not supported.");
        }
        StackRow stack = live(req);
        StackData[] data = new StackData[1];
        ctx.engine(stack.engine()).exclusive(stack, () -> {
            List<ResourceRow> rows = ctx.store().resources(stack.id());
            data[0] = StackData.of(stack, rows, stack.action(), stack.status());
            mark(stack, "DELETE", "IN_PROGRESS", "Stack DELETE started");
            snapshots.deleteAll(stack.id());
            rows.forEach(row -> ctx.store().deleteResource(row.id()));
            ctx.store().markDeleted(stack.id(), ctx.clock().instant());
            mark(stack, "DELETE", "COMPLETE", "Stack DELETE completed successfully");
        });
        return Response.ok(data[0]);
    }

    private Response snapshot(Request req) {
        ctx.enforce(req, "stacks:snapshot");
        JsonNode body = req.hasBody() ? req.json() : dev.overcast.core.json.Json.object();
        if (!body.isObject()) {
            throw HeatError.badRequest("The request body must be a JSON object.");
        }
        JsonNode name = body.get("name");
        if (name != null && !name.isNull() && !name.isString()) {
            throw HeatError.badRequest("The snapshot name must be a string.");
        }
        if (name != null && name.isString() && name.asString().length() > 255) {
            throw HeatError.badRequest("The snapshot name must be 255 characters or less.");
        }
        StackRow stack = live(req);
        if (stack.inProgress()) {
            throw HeatError.inProgress(stack.name(), stack.action());
        }
        SnapshotRow[] taken = new SnapshotRow[1];
        ctx.engine(stack.engine()).exclusive(stack, () -> {
            mark(stack, "SNAPSHOT", "IN_PROGRESS", "Stack SNAPSHOT started");
            String reason = "Stack SNAPSHOT completed successfully";
            taken[0] = new SnapshotRow(UUID.randomUUID().toString(), stack.id(), stack.projectId(),
                    name == null || name.isNull() ? null : name.asString(), "COMPLETE", reason,
                    StackData.of(stack, ctx.store().resources(stack.id()), "SNAPSHOT", "COMPLETE"),
                    StackDefinition.of(stack), ctx.clock().instant());
            snapshots.insert(taken[0]);
            mark(stack, "SNAPSHOT", "COMPLETE", reason);
        });
        return Response.ok(view(taken[0]));
    }

    private Response list(Request req) {
        ctx.enforce(req, "stacks:list_snapshots");
        StackRow stack = live(req);
        List<Map<String, Object>> out = new ArrayList<>();
        snapshots.list(stack.id()).forEach(s -> out.add(view(s)));
        return Response.ok(Map.of("snapshots", out));
    }

    private Response show(Request req) {
        ctx.enforce(req, "stacks:show_snapshot");
        return Response.ok(Map.of("snapshot", view(find(req, live(req)))));
    }

    private Response delete(Request req) {
        ctx.enforce(req, "stacks:delete_snapshot");
        snapshots.delete(find(req, live(req)).id());
        return Response.noContent();
    }

    /** The stack back to the snapshot's template, environment and parameters, as an update labelled RESTORE. */
    private Response restore(Request req) {
        ctx.enforce(req, "stacks:restore_snapshot");
        StackRow stack = live(req);
        SnapshotRow snapshot = find(req, stack);
        if (stack.inProgress()) {
            throw HeatError.inProgress(stack.name(), stack.action());
        }
        StackRow next = snapshot.definition().applyTo(stack);
        ctx.engine(stack.engine()).restore(stack, next, StackTemplates.parse(next));
        return Response.accepted(null);
    }

    private StackRow live(Request req) {
        StackRow stack = StackLookup.require(req, ctx.store());
        if (stack.deletedAt() != null) {
            throw HeatError.notFound("Stack", stack.name());
        }
        return stack;
    }

    private SnapshotRow find(Request req, StackRow stack) {
        String id = req.param("snapshot_id");
        return snapshots.find(stack.id(), id)
                .orElseThrow(() -> new HeatError(404, "NotFound", "Snapshot with id " + id + " not found"));
    }

    private void mark(StackRow stack, String action, String status, String reason) {
        ctx.store().setStatus(stack.id(), action, status, reason, ctx.clock().instant());
        events.stack(stack, action, status, reason);
    }

    /** Heat's snapshot: id, name, status, status_reason, data, creation_time. */
    private static Map<String, Object> view(SnapshotRow s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("name", s.name());
        v.put("status", s.status());
        v.put("status_reason", s.statusReason());
        v.put("data", s.data());
        v.put("creation_time", ApiContext.time(s.createdAt()));
        return v;
    }
}
