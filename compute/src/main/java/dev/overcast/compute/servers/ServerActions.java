package dev.overcast.compute.servers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.conductor.ComputeHosts;
import dev.overcast.compute.conductor.UnshelveTarget;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.instances.VmState;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /servers/{id}/action}: the body names one action. Actions Overcast does not do yet
 * are refused with a 501 that says so, never accepted and ignored.
 */
final class ServerActions {
    /** Nova's actions that Overcast does not do yet. */
    private static final Set<String> NOT_YET = Set.of("os-migrateLive", "evacuate",
            "changePassword", "resetNetwork", "injectNetworkInfo", "trigger_crash_dump",
            "addFixedIp",
            "removeFixedIp", "os-getVNCConsole", "os-getSPICEConsole", "os-getSerialConsole", "os-getRDPConsole");

    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;
    private final ComputeHosts hosts;
    private final ServerRebuild rebuild;
    private final ServerRescue rescue;
    private final ServerResize resize;
    private final ServerSnapshots snapshots;
    private final ServerSecurityGroups securityGroups;
    private final ServerFloatingIps floatingIps;
    private final ServerNeighbours n;

    ServerActions(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks, ComputeHosts hosts,
                  ServerNeighbours neighbours, java.util.function.BiFunction<Request, String,
                  tools.jackson.databind.node.ObjectNode> brief, dev.overcast.compute.images.Snapshots images) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
        this.hosts = hosts;
        this.n = neighbours;
        this.rebuild = new ServerRebuild(ctx, lookup, tasks, neighbours, brief);
        this.rescue = new ServerRescue(ctx, lookup, tasks, neighbours);
        this.resize = new ServerResize(ctx, lookup, tasks, neighbours);
        this.snapshots = new ServerSnapshots(ctx, lookup, tasks, images);
        this.securityGroups = new ServerSecurityGroups(ctx, lookup, tasks);
        this.floatingIps = new ServerFloatingIps(ctx, lookup, tasks);
    }

    Response handle(Request req) {
        String uuid = req.param("id");
        JsonNode body = req.json();
        if (!body.isObject() || body.size() != 1) {
            throw ApiException.badRequest("Malformed request body: the body names exactly one action");
        }
        String action = body.propertyNames().iterator().next();
        JsonNode args = body.get(action);
        return switch (action) {
            case "os-stop" -> task(req, uuid, ServerPolicy.STOP, Lifecycle.Event.STOP_REQUESTED, "stop");
            case "os-start" -> task(req, uuid, ServerPolicy.START, Lifecycle.Event.START_REQUESTED, "start");
            case "reboot" -> reboot(req, uuid, args);
            case "pause" -> task(req, uuid, ServerPolicy.PAUSE, Lifecycle.Event.PAUSE_REQUESTED, "pause");
            case "unpause" -> task(req, uuid, ServerPolicy.UNPAUSE, Lifecycle.Event.UNPAUSE_REQUESTED, "unpause");
            case "suspend" -> task(req, uuid, ServerPolicy.SUSPEND, Lifecycle.Event.SUSPEND_REQUESTED, "suspend");
            case "resume" -> task(req, uuid, ServerPolicy.RESUME, Lifecycle.Event.RESUME_REQUESTED, "resume");
            case "shelve" -> snapshots.shelve(req, uuid);
            case "shelveOffload" -> shelveOffload(req, uuid);
            case "unshelve" -> unshelve(req, uuid, args);
            case "rebuild" -> rebuild.rebuild(req, uuid, args);
            case "rescue" -> rescue.rescue(req, uuid, args);
            case "unrescue" -> rescue.unrescue(req, uuid);
            case "resize" -> resize.resize(req, uuid, args);
            case "migrate" -> resize.migrate(req, uuid, args);
            case "confirmResize" -> resize.confirm(req, uuid);
            case "revertResize" -> resize.revert(req, uuid);
            case "createImage" -> snapshots.createImage(req, uuid, args);
            case "createBackup" -> snapshots.createBackup(req, uuid, args);
            case "os-resetState" -> resetState(req, uuid, args);
            case "restore" -> restore(req, uuid);
            case "forceDelete" -> forceDelete(req, uuid);
            case "lock" -> lock(req, uuid, args);
            case "unlock" -> unlock(req, uuid);
            case "os-getConsoleOutput" -> consoleOutput(req, uuid, args);
            case "addSecurityGroup" -> securityGroups.add(req, uuid, args);
            case "removeSecurityGroup" -> securityGroups.remove(req, uuid, args);
            case "addFloatingIp" -> floatingIps.add(req, uuid, args);
            case "removeFloatingIp" -> floatingIps.remove(req, uuid, args);
            default -> {
                if (NOT_YET.contains(action)) {
                    lookup.require(req, uuid);
                    throw new ApiException(501, "The server action '" + action
                            + "' is not implemented in Overcast yet.");
                }
                throw ApiException.badRequest("There is no such action: " + action);
            }
        };
    }

    private Response task(Request req, String uuid, String rule, Lifecycle.Event event, String operation) {
        tasks.requestWithRetry(req, uuid, rule, event, operation, operation);
        return Response.accepted(null);
    }

    /** Shelving offloads at once here (Nova's default shelved_offload_time 0): nothing is left to offload. */
    private Response shelveOffload(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.SHELVE_OFFLOAD, Map.of("project_id", r.instance().projectId()));
        throw new Lifecycle.InvalidState("shelveOffload", uuid, r.instance().state());
    }

    /**
     * Unshelves, where the scheduler chooses: in the zone the server was created in, or (2.77) one named, or
     * (2.91) any zone when the zone is null, and (2.91, admins) on a host named.
     */
    private Response unshelve(Request req, String uuid, JsonNode args) {
        Map<String, String> where = new HashMap<>();
        if (args != null && args.isObject() && !args.isEmpty()) {
            if (!req.versionAtLeast(2, 77)) {
                throw ApiException.badRequest("Invalid input for field/attribute unshelve. Value: " + args
                        + ". " + args + " is not of type 'null'");
            }
            for (String field : args.propertyNames()) {
                if (!field.equals("availability_zone") && !(field.equals("host") && req.versionAtLeast(2, 91))) {
                    throw ApiException.badRequest("Invalid input for field/attribute unshelve. Additional properties "
                            + "are not allowed ('" + field + "' was unexpected)");
                }
            }
            JsonNode zone = args.get("availability_zone");
            if (zone != null) {
                if (zone.isNull() && req.versionAtLeast(2, 91)) {
                    where.put(UnshelveTarget.ZONE_KEY, "");
                } else if (!zone.isString() || zone.asString().isEmpty()) {
                    throw CreateRequest.invalid("availability_zone", zone.toString(), zone
                            + " is not of type 'string'");
                } else if (!n.zones().exists(zone.asString())) {
                    throw ApiException.badRequest("The requested availability zone is not available");
                } else {
                    where.put(UnshelveTarget.ZONE_KEY, zone.asString());
                }
            }
            JsonNode host = args.get("host");
            if (host != null) {
                if (!host.isString() || host.asString().isEmpty()) {
                    throw CreateRequest.invalid("host", host.toString(), host + " is not of type 'string'");
                }
                ctx.enforce(req, ServerPolicy.UNSHELVE_TO_HOST);
                if (ctx.cells().hosts().cellOf(host.asString()).isEmpty()) {
                    throw ApiException.badRequest("Compute host " + host.asString() + " could not be found.");
                }
                String zoneName = where.get(UnshelveTarget.ZONE_KEY);
                if (zoneName != null && !zoneName.isEmpty()
                        && !zoneName.equals(n.zones().of(host.asString()))) {
                    throw ApiException.badRequest("Host " + host.asString() + " is not in availability zone "
                            + zoneName + ".");
                }
                where.put(UnshelveTarget.HOST_KEY, host.asString());
            }
        }
        tasks.requestWithRetry(req, uuid, ServerPolicy.UNSHELVE, Lifecycle.Event.UNSHELVE_REQUESTED, "unshelve",
                "unshelve", where);
        snapshots.dropShelvedImage(req, lookup.require(req, uuid).instance());
        return Response.accepted(null);
    }

    private Response resetState(Request req, String uuid, JsonNode args) {
        String state = args == null ? "" : args.path("state").asString("");
        Lifecycle.Event event = switch (state) {
            case "active" -> Lifecycle.Event.RESET_TO_ACTIVE;
            case "error" -> Lifecycle.Event.RESET_TO_ERROR;
            default -> throw CreateRequest.invalid("state", args == null ? "null" : args.path("state").toString(),
                    "'" + state + "' is not one of ['active', 'error']");
        };
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.RESET_STATE, Map.of("project_id", r.instance().projectId()));
        tasks.resetState(req, r, event);
        return Response.accepted(null);
    }

    /** Nothing is ever soft-deleted here ({@code reclaim_instance_interval} 0), so there is nothing to restore. */
    private Response restore(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.RESTORE, Map.of("project_id", r.instance().projectId()));
        throw new Lifecycle.InvalidState("restore", uuid, r.instance().state());
    }

    private Response forceDelete(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.FORCE_DELETE, Map.of("project_id", r.instance().projectId()));
        delete(req, uuid);
        return Response.accepted(null);
    }

    /** {@code DELETE /servers/{id}}, and {@code forceDelete}: a shelved server's image goes with it, as in Nova. */
    void delete(Request req, String uuid) {
        Instance deleted = tasks.delete(req, uuid);
        if (deleted != null) {
            snapshots.dropImageOfShelved(req, deleted);
        }
    }

    private Response reboot(Request req, String uuid, JsonNode args) {
        String type = args.path("type").asString("");
        if (!type.equalsIgnoreCase("SOFT") && !type.equalsIgnoreCase("HARD")) {
            throw CreateRequest.invalid("reboot.type", args.path("type").toString(),
                    "'" + type + "' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
        }
        boolean hard = type.equalsIgnoreCase("HARD");
        tasks.requestWithRetry(req, uuid, ServerPolicy.REBOOT, hard ? Lifecycle.Event.HARD_REBOOT_REQUESTED
                : Lifecycle.Event.REBOOT_REQUESTED, "reboot", "reboot");
        return Response.accepted(null);
    }

    private Response lock(Request req, String uuid, JsonNode args) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.LOCK, Map.of("project_id", r.instance().projectId()));
        String reason = null;
        if (args != null && args.isObject() && args.has("locked_reason")) {
            if (!req.versionAtLeast(2, 73)) {
                throw ApiException.badRequest("Invalid input for field/attribute lock. Additional properties are "
                        + "not allowed ('locked_reason' was unexpected)");
            }
            JsonNode v = args.get("locked_reason");
            if (!v.isString() || v.asString().length() > 255) {
                throw CreateRequest.invalid("locked_reason", v.toString(), "it must be a string of at most 255 "
                        + "characters");
            }
            reason = v.asString();
        }
        String by = r.instance().projectId().equals(req.auth().projectId()) ? "owner" : "admin";
        store(r).setLock(uuid, by, reason, ctx.clock().instant());
        return Response.accepted(null);
    }

    private Response unlock(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.UNLOCK, Map.of("project_id", r.instance().projectId()));
        // A lock an admin set is lifted only by someone the override rule allows (admins).
        if ("admin".equals(r.instance().lockedBy())) {
            ctx.enforce(req, ServerPolicy.UNLOCK_OVERRIDE, Map.of("project_id", r.instance().projectId()));
        }
        store(r).setLock(uuid, null, null, ctx.clock().instant());
        return Response.accepted(null);
    }

    private Response consoleOutput(Request req, String uuid, JsonNode args) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.CONSOLE_OUTPUT, Map.of("project_id", r.instance().projectId()));
        Integer lines = null;
        JsonNode length = args == null ? null : args.get("length");
        if (length != null && !length.isNull()) {
            if (length.isIntegralNumber() || (length.isString() && length.asString().matches("-?\\d+"))) {
                lines = Integer.parseInt(length.asString());
            } else {
                throw CreateRequest.invalid("length", length.toString(), length + " is not of type 'integer', 'string'");
            }
            if (lines < -1) {
                throw CreateRequest.invalid("length", length.toString(), lines + " is less than the minimum of -1");
            }
            if (lines == -1) {
                lines = null;
            }
        }
        if (r.instance().state().vm() == VmState.BUILDING || r.instance().host() == null) {
            throw new ApiException(409, "Cannot 'get_console_output' instance " + uuid + " while it is in vm_state "
                    + r.instance().state().vm().value());
        }
        String output = hosts.consoleOutput(r.instance().host(), uuid, lines);
        return Response.ok(Map.of("output", output));
    }

    private InstanceStore store(ServerRecord r) {
        return new InstanceStore(ctx.cells().db(ServerLookup.cellOf(r, "lock")));
    }
}
