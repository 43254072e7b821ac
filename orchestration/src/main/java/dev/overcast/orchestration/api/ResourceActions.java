package dev.overcast.orchestration.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.json.Json;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.stacks.EventRow;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.template.functions.Py;

/**
 * What a user does to one resource outside a stack action: signal it, mark it unhealthy.
 *
 * <p>A signal may come while an action runs on the stack (a WaitCondition waits for its
 * handle's signals during CREATE), so it takes no stack lock: it changes the resource's data
 * alone, under a row lock. Marking unhealthy changes the resource's state, which the engine
 * owns while it works: it takes the stack lock, as Heat's legacy engine does, and answers 409
 * while an action runs.
 */
final class ResourceActions {
    private static final Set<String> NO_SIGNAL_ACTIONS = Set.of("SUSPEND", "DELETE");
    private static final String MARK = "mark_unhealthy";
    private static final String REASON = "resource_status_reason";
    private final ApiContext ctx;

    ResourceActions(ApiContext ctx) {
        this.ctx = ctx;
    }

    /** {@code POST .../resources/{name}/signal}: 200 once the resource took the signal. */
    Response signal(Request req) {
        AuthContext caller = ctx.enforce(req, "resource:signal");
        StackRow stack = StackLookup.require(req, ctx.store());
        ResourceRow row = byName(stack, req.param("resource_name"));
        if (caller.roleNames().contains("heat_stack_user") && !caller.userId().equals(row.physicalId())) {
            // A stack user's token is for the one resource it belongs to.
            throw new HeatError(403, "Forbidden", "You are not authorized to complete this action.");
        }
        Map<String, Object> details = details(req);
        if (NO_SIGNAL_ACTIONS.contains(row.action())) {
            event(row, row.action(), row.status(), "Cannot signal resource during " + row.action());
            throw new HeatError(400, "NotSupported", "Signal resource during " + row.action() + " is not supported.");
        }
        ResourcePlugin plugin = ctx.types().find(row.type()).orElseThrow(() -> new HeatError(400,
                "ResourceActionNotSupported", "signal is not supported for resource."));
        PluginContext plugins = ctx.plugins().apply(stack);
        ResourceRow before;
        try {
            before = ctx.store().changeData(stack.id(), row.name(),
                    current -> plugin.signal(ResourceState.of(current), details, plugins))
                    .orElseThrow(() -> notFound(stack, row.name()));
        } catch (ResourceFailure e) {
            throw new HeatError(400, e.errorType(), e.getMessage());
        }
        event(before, "SIGNAL", before.status(), plugin.signalReason(ResourceState.of(before), details));
        return Response.ok(null);
    }

    /** {@code PATCH .../resources/{name}}: CHECK_FAILED with the reason, or back to CHECK_COMPLETE. */
    Response markUnhealthy(Request req) {
        ctx.enforce(req, "resource:mark_unhealthy");
        StackRow stack = StackLookup.require(req, ctx.store());
        JsonNode body = req.json();
        if (!body.isObject()) {
            throw HeatError.badRequest("The request body must be a JSON object.");
        }
        List<String> invalid = new ArrayList<>();
        body.propertyNames().forEach(key -> {
            if (!key.equals(MARK) && !key.equals(REASON)) {
                invalid.add(Py.repr(key));
            }
        });
        if (!invalid.isEmpty()) {
            throw HeatError.badRequest("Invalid keys in resource mark unhealthy {" + String.join(", ", invalid) + "}");
        }
        if (!body.has(MARK)) {
            throw HeatError.badRequest("Missing mandatory (" + MARK + ") key from mark unhealthy request");
        }
        boolean unhealthy = bool(body.get(MARK));
        String given = body.has(REASON) && !body.get(REASON).isNull() ? Py.str(Json.convert(body.get(REASON),
                Object.class)) : "";
        String reason = given.isEmpty() ? "state changed by resource_mark_unhealthy api" : given;
        ResourceRow row = byNameOrPhysicalId(stack, req.param("resource_name"));
        Instant now = ctx.clock().instant();
        String engine = ctx.settings().engineId();
        if (!ctx.store().tryLock(stack.id(), engine, now, now.plus(ctx.settings().lockLease()))) {
            throw HeatError.inProgress(stack.name(), stack.action());
        }
        try {
            ResourceRow current = byName(stack, row.name());
            if (unhealthy && !current.action().equals("DELETE")) {
                setState(current, "CHECK", "FAILED", reason);
            } else if (!unhealthy && current.action().equals("CHECK") && current.status().equals("FAILED")) {
                setState(current, "CHECK", "COMPLETE", reason);
            }
        } finally {
            ctx.store().unlock(stack.id(), engine);
        }
        return Response.ok(null);
    }

    /** As Heat's {@code extract_bool}: true or false, as JSON booleans or strings in any case. */
    private static boolean bool(JsonNode value) {
        String text = Py.str(Json.convert(value, Object.class));
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw HeatError.badRequest("Unrecognized value \"" + text + "\" for \"" + MARK
                    + "\", acceptable values are: true, false.");
        };
    }

    private void setState(ResourceRow row, String action, String status, String reason) {
        ctx.store().setResourceState(row.id(), action, status, reason, ctx.clock().instant());
        if (!row.action().equals(action) || !row.status().equals(status)) {
            event(row, action, status, reason);
        }
    }

    private void event(ResourceRow row, String action, String status, String reason) {
        ctx.store().addEvent(new EventRow(0, UUID.randomUUID().toString(), row.stackId(), row.name(),
                row.physicalId(), row.type(), action, status, reason, ctx.clock().instant()));
    }

    /** The signal body: an object, or nothing. */
    private static Map<String, Object> details(Request req) {
        if (!req.hasBody()) {
            return Map.of();
        }
        JsonNode body = req.json();
        if (body.isNull()) {
            return Map.of();
        }
        if (!body.isObject()) {
            throw HeatError.badRequest("The signal data must be a JSON object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = Json.convert(body, Map.class);
        return details;
    }

    private ResourceRow byName(StackRow stack, String name) {
        return ctx.store().resources(stack.id()).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound(stack, name));
    }

    /** As Heat finds the resource to mark: by name, else by physical id. */
    private ResourceRow byNameOrPhysicalId(StackRow stack, String name) {
        List<ResourceRow> rows = ctx.store().resources(stack.id());
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .or(() -> rows.stream().filter(r -> name.equals(r.physicalId())).findFirst())
                .orElseThrow(() -> notFound(stack, name));
    }

    private static HeatError notFound(StackRow stack, String name) {
        return new HeatError(404, "ResourceNotFound", "The Resource (" + name + ") could not be found in Stack "
                + stack.name() + ".");
    }
}
