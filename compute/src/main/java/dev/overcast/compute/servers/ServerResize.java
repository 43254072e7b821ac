package dev.overcast.compute.servers;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.flavors.Flavor;
import dev.overcast.compute.flavors.FlavorStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.instances.PowerState;
import dev.overcast.compute.migrations.Migration;
import dev.overcast.compute.migrations.MigrationStore;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * {@code resize}, {@code migrate} (cold), {@code confirmResize} and {@code revertResize}, as Nova.
 * A resize or migration writes a migration record and puts {@code resize_prep} on the server; the
 * conductor moves it to another host (never its own: Nova's {@code allow_resize_to_same_host} is false by
 * default) and leaves it in {@code VERIFY_RESIZE}. Confirming drops the migration's hold on the source
 * host at once; reverting is a task that brings the server back to its source with its old flavor.
 */
final class ServerResize {
    private static final int RACE_RETRIES = 5;

    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;
    private final ServerNeighbours n;

    ServerResize(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks, ServerNeighbours neighbours) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
        this.n = neighbours;
    }

    Response resize(Request req, String uuid, JsonNode args) {
        if (args == null || !args.isObject()) {
            throw CreateRequest.invalid("resize", String.valueOf(args), args + " is not of type 'object'");
        }
        String value = args.toString();
        UnknownAttributes.check(req, args, field -> field.equals("flavorRef") || field.equals("OS-DCF:diskConfig"),
                field -> CreateRequest.invalid("resize", value,
                        "Additional properties are not allowed ('" + field + "' was unexpected)"));
        JsonNode ref = args.get("flavorRef");
        if (ref == null || ref.isNull()) {
            throw CreateRequest.invalid("resize", value, "'flavorRef' is a required property");
        }
        if (!ref.isString() && !ref.isIntegralNumber() || ref.asString().isEmpty()) {
            throw CreateRequest.invalid("flavorRef", ref.toString(), ref + " is not of type 'string', 'integer'");
        }
        String diskConfig = args.has("OS-DCF:diskConfig") ? DiskConfig.read(args.get("OS-DCF:diskConfig")) : null;
        String flavorRef = ref.asString();
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            ServerRecord r = lookup.require(req, uuid);
            Instance i = r.instance();
            ctx.enforce(req, ServerPolicy.RESIZE, Map.of("project_id", i.projectId()));
            tasks.checkLock(req, i);
            InstanceFlavor wanted = n.flavors().find(flavorRef, i.projectId())
                    .orElseThrow(() -> ApiException.badRequest("Unable to locate requested flavor."));
            if (wanted.flavorId().equals(i.flavor().flavorId())) {
                throw ApiException.badRequest("When resizing, instances must change flavor!");
            }
            Lifecycle.apply(i.state(), Lifecycle.Event.RESIZE_REQUESTED, "resize", i.uuid());
            checkUpsize(i, wanted);
            if (diskConfig != null && !diskConfig.equals(DiskConfig.of(i))) {
                // Written while the server has no task, and read again so the task keeps it.
                DiskConfig.remember(ctx, new InstanceStore(ctx.cells().db(ServerLookup.cellOf(r, "resize"))), uuid,
                        diskConfig);
                continue;
            }
            if (start(req, r, "resize", wanted, null)) {
                return Response.accepted(null);
            }
        }
        throw changed(uuid, "resize");
    }

    /** A cold migration: the same flavor on another host, one an admin may name from 2.56. */
    Response migrate(Request req, String uuid, JsonNode args) {
        String host = null;
        if (args != null && !args.isNull()) {
            if (!req.versionAtLeast(2, 56)) {
                if (!args.isObject() || !args.isEmpty()) {
                    throw CreateRequest.invalid("migrate", args.toString(), args + " is not of type 'null'");
                }
            } else {
                if (!args.isObject()) {
                    throw CreateRequest.invalid("migrate", args.toString(), args + " is not of type 'object', 'null'");
                }
                String value = args.toString();
                UnknownAttributes.check(req, args, field -> field.equals("host"),
                        field -> CreateRequest.invalid("migrate", value,
                                "Additional properties are not allowed ('" + field + "' was unexpected)"));
                JsonNode h = args.get("host");
                if (h != null && !h.isNull()) {
                    if (!h.isString() || h.asString().isEmpty() || h.asString().length() > 255) {
                        throw CreateRequest.invalid("host", h.toString(), h + " is not a valid host name");
                    }
                    host = h.asString();
                }
            }
        }
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            ServerRecord r = lookup.require(req, uuid);
            Instance i = r.instance();
            ctx.enforce(req, ServerPolicy.MIGRATE, Map.of("project_id", i.projectId()));
            if (host != null) {
                ctx.enforce(req, ServerPolicy.MIGRATE_HOST, Map.of("project_id", i.projectId()));
                if (ctx.cells().hosts().cellOf(host).isEmpty()) {
                    throw ApiException.badRequest("Compute host " + host + " could not be found.");
                }
                if (host.equals(i.host())) {
                    throw ApiException.badRequest("Unable to migrate instance (" + i.uuid() + ") to current host ("
                            + host + ").");
                }
            }
            tasks.checkLock(req, i);
            Lifecycle.apply(i.state(), Lifecycle.Event.RESIZE_REQUESTED, "migrate", i.uuid());
            if (start(req, r, "migration", i.flavor(), host)) {
                return Response.accepted(null);
            }
        }
        throw changed(uuid, "migrate");
    }

    /**
     * Writes the migration, then the task. A server that changed meanwhile leaves the migration in error.
     *
     * @return false when the server changed under us (read it again and retry)
     */
    private boolean start(Request req, ServerRecord r, String type, InstanceFlavor wanted, String host) {
        Instance i = r.instance();
        Instant now = ctx.clock().instant();
        MigrationStore migrations = migrations(r);
        // The server has no task and is not resized, so an open migration is one whose task was never written
        // (the API process died in between): it is over.
        migrations.open(i.uuid()).ifPresent(left -> migrations.setStatus(left.uuid(), left.status(),
                Migration.ERROR, now));
        FlavorStore flavors = new FlavorStore(ctx);
        Migration m = new Migration(0, UUID.randomUUID().toString(), i.uuid(), i.projectId(), i.userId(), type,
                Migration.PRE_MIGRATING, i.host(), i.node(), null, null, host, i.flavor(), wanted,
                flavors.find(i.flavor().flavorId()).map(Flavor::id).orElse(null),
                flavors.find(wanted.flavorId()).map(Flavor::id).orElse(null), i.state().vm().value(), now, now);
        migrations.insert(m);
        String action = type.equals("resize") ? "resize" : "migrate";
        if (!tasks.request(req, r, Lifecycle.Event.RESIZE_REQUESTED, action, action)) {
            migrations.setStatus(m.uuid(), Migration.PRE_MIGRATING, Migration.ERROR, ctx.clock().instant());
            return false;
        }
        return true;
    }

    /** Nova checks only the growth in cores and RAM against the quotas. */
    private void checkUpsize(Instance i, InstanceFlavor wanted) {
        Map<String, Long> deltas = new HashMap<>();
        long cores = wanted.vcpus() - i.flavor().vcpus();
        long ram = wanted.memoryMb() - i.flavor().memoryMb();
        if (cores > 0) {
            deltas.put("cores", cores);
        }
        if (ram > 0) {
            deltas.put("ram", ram);
        }
        if (!deltas.isEmpty()) {
            n.quotas().check(i.projectId(), i.userId(), deltas);
        }
    }

    /** Keeps the server where it is now: the migration's hold on the source is released. */
    Response confirm(Request req, String uuid) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            ServerRecord r = lookup.require(req, uuid);
            Instance i = r.instance();
            ctx.enforce(req, ServerPolicy.CONFIRM_RESIZE, Map.of("project_id", i.projectId()));
            tasks.checkLock(req, i);
            Lifecycle.Event event = i.state().power() == PowerState.SHUTDOWN
                    ? Lifecycle.Event.RESIZE_CONFIRMED_STOPPED : Lifecycle.Event.RESIZE_CONFIRMED;
            Instance confirmed = i.withState(Lifecycle.apply(i.state(), event, "confirmResize", i.uuid()));
            MigrationStore migrations = migrations(r);
            Migration m = finished(migrations, i);
            Instant now = ctx.clock().instant();
            InstanceStore store = new InstanceStore(ctx.cells().db(ServerLookup.cellOf(r, "confirmResize")));
            ActionStore actions = new ActionStore(store.db());
            // Released first: a confirm that fails after it may simply be asked again.
            n.allocations().release(m.uuid());
            if (!store.transition(i.state(), confirmed, now)) {
                continue;
            }
            migrations.setStatus(m.uuid(), m.status(), Migration.CONFIRMED, now);
            actions.start(i.uuid(), "confirmResize", req.ids().local(), req.auth().projectId(), req.auth().userId(),
                    now);
            actions.startEvent(i.uuid(), req.ids().local(), "compute_confirm_resize", i.host(), now);
            actions.finishEvent(i.uuid(), req.ids().local(), "compute_confirm_resize", null, null, now);
            return Response.noContent();
        }
        throw changed(uuid, "confirmResize");
    }

    /** Asks the conductor to bring the server back to its source host with its old flavor. */
    Response revert(Request req, String uuid) {
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            ServerRecord r = lookup.require(req, uuid);
            Instance i = r.instance();
            ctx.enforce(req, ServerPolicy.REVERT_RESIZE, Map.of("project_id", i.projectId()));
            tasks.checkLock(req, i);
            Lifecycle.apply(i.state(), Lifecycle.Event.REVERT_RESIZE_REQUESTED, "revertResize", i.uuid());
            MigrationStore migrations = migrations(r);
            Migration m = finished(migrations, i);
            // The migration first: the conductor may run the revert as soon as the task is written.
            if (!migrations.setStatus(m.uuid(), m.status(), Migration.REVERTING, ctx.clock().instant())) {
                continue;
            }
            if (tasks.request(req, r, Lifecycle.Event.REVERT_RESIZE_REQUESTED, "revertResize", "revertResize")) {
                return Response.accepted(null);
            }
            migrations.setStatus(m.uuid(), Migration.REVERTING, m.status(), ctx.clock().instant());
        }
        throw changed(uuid, "revertResize");
    }

    /**
     * The migration waiting to be confirmed or reverted: finished, or reverting when the revert's task was
     * never written (the server, resized with no task, says so); Nova's 400 when there is none.
     */
    private static Migration finished(MigrationStore migrations, Instance i) {
        return migrations.open(i.uuid()).filter(m -> m.status().equals(Migration.FINISHED)
                        || m.status().equals(Migration.REVERTING))
                .orElseThrow(() -> ApiException.badRequest("Instance has not been resized."));
    }

    private MigrationStore migrations(ServerRecord r) {
        return new MigrationStore(ctx.cells().db(ServerLookup.cellOf(r, "resize")));
    }

    private static ApiException changed(String uuid, String operation) {
        return new ApiException(409, "Instance " + uuid + " changed while '" + operation + "' was asked; try again");
    }
}
