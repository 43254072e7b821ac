package dev.overcast.compute.servers;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.conductor.Conductor;
import dev.overcast.compute.images.Snapshots;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.instances.VmState;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * {@code createImage} and {@code createBackup}: the image is made in the Image service at once
 * (queued) and filled in the background with the caller's token, while the server shows the task
 * {@code image_snapshot}. A backup then keeps only the newest {@code rotation} of its type.
 */
final class ServerSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSnapshots.class);
    static final String SHELVED_IMAGE = "overcast:shelved_image";

    private final ComputeContext ctx;
    private final ServerLookup lookup;
    private final ServerTasks tasks;
    private final Snapshots snapshots;

    /** @param snapshots the Image service's snapshots, or null when there is no Image service */
    ServerSnapshots(ComputeContext ctx, ServerLookup lookup, ServerTasks tasks, Snapshots snapshots) {
        this.ctx = ctx;
        this.lookup = lookup;
        this.tasks = tasks;
        this.snapshots = snapshots;
    }

    Response createImage(Request req, String uuid, JsonNode args) {
        return take(req, uuid, args, ServerPolicy.CREATE_IMAGE, null, 0);
    }

    Response createBackup(Request req, String uuid, JsonNode args) {
        if (args == null || !args.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute createBackup. Value: " + args
                    + ". " + args + " is not of type 'object'");
        }
        for (String field : new String[] {"name", "backup_type", "rotation"}) {
            if (!args.has(field)) {
                throw ApiException.badRequest("Invalid input for field/attribute createBackup. Value: " + args
                        + ". '" + field + "' is a required property");
            }
        }
        JsonNode rotation = args.get("rotation");
        if (!(rotation.isIntegralNumber() || (rotation.isString() && rotation.asString().matches("\\d+")))
                || rotation.asInt() < 0) {
            throw CreateRequest.invalid("rotation", rotation.toString(), rotation + " is not a non-negative integer");
        }
        String type = args.path("backup_type").asString("");
        if (type.isEmpty()) {
            throw CreateRequest.invalid("backup_type", args.get("backup_type").toString(), "it must be a string");
        }
        return take(req, uuid, args, ServerPolicy.CREATE_BACKUP, type, Integer.parseInt(rotation.asString()));
    }

    private Response take(Request req, String uuid, JsonNode args, String rule, String backupType, int rotation) {
        String action = backupType == null ? "createImage" : "createBackup";
        if (snapshots == null) {
            throw new ApiException(501, "'" + action + "' needs the Image service, which this Compute was not given.");
        }
        if (args == null || !args.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute " + action + ". Value: " + args
                    + ". " + args + " is not of type 'object'");
        }
        String name = args.path("name").isString() ? args.path("name").asString() : null;
        if (name == null || name.isBlank() || name.length() > 255) {
            throw CreateRequest.invalid("name", String.valueOf(args.get("name")),
                    "a name of 1 to 255 characters is required");
        }
        Map<String, String> metadata = MetadataRules.read("metadata", args.get("metadata"));
        MetadataRules.checkCount(metadata.size());
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, rule, Map.of("project_id", r.instance().projectId()));
        Instance i = r.instance();
        if (!Lifecycle.allows(i.state(), Lifecycle.Event.SNAPSHOT_REQUESTED)) {
            throw new Lifecycle.InvalidState(action, uuid, i.state());
        }
        CellMapping cell = ServerLookup.cellOf(r, action);
        String token = ComputeContext.callerToken(req);
        Snapshots.Source source = new Snapshots.Source(uuid, i.projectId(), i.imageRef(), req.auth().userId(),
                req.auth().projectId(), backupType);
        String imageId = snapshots.create(token, name, source, metadata);

        InstanceStore store = new InstanceStore(ctx.cells().db(cell));
        Instant now = ctx.clock().instant();
        Map<String, String> sysmeta = new HashMap<>(i.systemMetadata());
        sysmeta.put("overcast:request_id", req.ids().local());
        Instance snapshotting = i.withState(Lifecycle.apply(i.state(), Lifecycle.Event.SNAPSHOT_REQUESTED, action,
                uuid)).withSystemMetadata(sysmeta).withLease("api:" + req.ids().local(),
                now.plus(ctx.settings().workflowLease()));
        if (!store.transition(i.state(), snapshotting, now)) {
            snapshots.discard(token, imageId);
            throw new ApiException(409, "Instance " + uuid + " changed while '" + action + "' was asked; try again");
        }
        ActionStore actions = new ActionStore(store.db());
        actions.start(uuid, backupType == null ? "createImage" : "createBackup", req.ids().local(),
                req.auth().projectId(), req.auth().userId(), now);
        Thread.ofVirtual().name("snapshot-" + imageId).start(() ->
                upload(cell, store, snapshotting, token, source, imageId, rotation, req.ids().local()));
        String location = req.serviceUrl() + "/v2.1/images/" + imageId;
        Response answer = req.versionAtLeast(2, 45) ? Response.accepted(Map.of("image_id", imageId))
                : Response.accepted(null);
        return answer.header("Location", location);
    }

    /**
     * {@code shelve}: as Nova, the server's disk is kept as an image named {@code <name>-shelved}
     * (uploaded here with the caller's token), then the conductor offloads the server from its host.
     * Without an Image service the server is shelved without an image.
     */
    Response shelve(Request req, String uuid) {
        ServerRecord r = lookup.require(req, uuid);
        ctx.enforce(req, ServerPolicy.SHELVE, Map.of("project_id", r.instance().projectId()));
        tasks.checkLock(req, r.instance());
        Instance i = r.instance();
        if (snapshots == null || !Lifecycle.allows(i.state(), Lifecycle.Event.SHELVE_REQUESTED)) {
            tasks.requestWithRetry(req, uuid, ServerPolicy.SHELVE, Lifecycle.Event.SHELVE_REQUESTED, "shelve",
                    "shelve");
            return Response.accepted(null);
        }
        CellMapping cell = ServerLookup.cellOf(r, "shelve");
        String token = ComputeContext.callerToken(req);
        Snapshots.Source source = new Snapshots.Source(uuid, i.projectId(), i.imageRef(), req.auth().userId(),
                req.auth().projectId(), null);
        String imageId = snapshots.create(token, i.displayName() + "-shelved", source, Map.of());
        InstanceStore store = new InstanceStore(ctx.cells().db(cell));
        Instant now = ctx.clock().instant();
        Map<String, String> sysmeta = new HashMap<>(i.systemMetadata());
        sysmeta.put("overcast:request_id", req.ids().local());
        sysmeta.put(SHELVED_IMAGE, imageId);
        // The API holds the task while it uploads; the conductor offloads once it lets go.
        Instance shelving = i.withState(Lifecycle.apply(i.state(), Lifecycle.Event.SHELVE_REQUESTED, "shelve", uuid))
                .withSystemMetadata(sysmeta).withLease("api:" + req.ids().local(),
                        now.plus(ctx.settings().workflowLease()));
        if (!store.transition(i.state(), shelving, now)) {
            snapshots.discard(token, imageId);
            throw new ApiException(409, "Instance " + uuid + " changed while 'shelve' was asked; try again");
        }
        new ActionStore(store.db()).start(uuid, "shelve", req.ids().local(), req.auth().projectId(),
                req.auth().userId(), now);
        Thread.ofVirtual().name("shelve-" + imageId).start(() -> {
            try {
                snapshots.upload(token, source, imageId);
            } catch (RuntimeException e) {
                LOG.warn("the shelved image {} of {} could not be uploaded: {}", imageId, uuid, e.getMessage());
            }
            letGo(cell, store, shelving, shelving.withLease(null, null));
        });
        return Response.accepted(null);
    }

    /**
     * Ends the API's hold on the instance's task, moving it to {@code next}. When another task came
     * meanwhile (a delete during the upload), the move is not made and the lease is dropped instead,
     * so the conductor runs that task now rather than once the lease lapses.
     */
    private void letGo(CellMapping cell, InstanceStore store, Instance held, Instance next) {
        boolean moved = store.transition(held.state(), next, ctx.clock().instant());
        if (!moved) {
            store.releaseLease(held.uuid(), held.leaseOwner());
        }
        if (!moved || next.state().task() != null) {
            ctx.bus().cast(Conductor.TARGET, Conductor.RUN_TASK, new Conductor.TaskArgs(cell.uuid(), held.uuid()));
        }
    }

    /** After an unshelve is asked for, the image a shelve kept is no longer needed, as in Nova. */
    void dropShelvedImage(Request req, Instance i) {
        Runnable discard = shelvedImageDiscard(req, i);
        if (discard != null) {
            Thread.ofVirtual().start(discard);
        }
    }

    /**
     * A server deleted while shelved: the image its shelve kept is deleted too, with the caller's
     * token, as Nova does. As there, an image that is gone already or not the caller's is let be.
     */
    void dropImageOfShelved(Request req, Instance i) {
        VmState vm = i.state().vm();
        Runnable discard = shelvedImageDiscard(req, i);
        if ((vm == VmState.SHELVED || vm == VmState.SHELVED_OFFLOADED) && discard != null) {
            discard.run();
        }
    }

    /** Deletes the image {@code i}'s shelve kept, with the caller's token; null when there is none to delete. */
    private Runnable shelvedImageDiscard(Request req, Instance i) {
        String imageId = i.systemMetadata().get(SHELVED_IMAGE);
        String token = req.header("X-Auth-Token").orElse(null);
        if (imageId == null || snapshots == null || token == null) {
            return null;
        }
        return () -> {
            try {
                snapshots.discard(token, imageId);
            } catch (RuntimeException e) {
                LOG.warn("the shelved image {} of server {} was not deleted: {}", imageId, i.uuid(), e.toString());
            }
        };
    }

    private void upload(CellMapping cell, InstanceStore store, Instance snapshotting, String token,
                        Snapshots.Source source, String imageId, int rotation, String requestId) {
        String failure = null;
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(source.instanceUuid(), requestId, "compute_snapshot_instance", snapshotting.host(),
                ctx.clock().instant());
        try {
            snapshots.upload(token, source, imageId);
            if (source.backupType() != null) {
                snapshots.rotate(token, source, rotation);
            }
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.warn("snapshot {} of {} failed: {}", imageId, source.instanceUuid(), failure);
            snapshots.discard(token, imageId);
        }
        Instant now = ctx.clock().instant();
        Instance done = snapshotting.withState(Lifecycle.apply(snapshotting.state(), failure == null
                ? Lifecycle.Event.SNAPSHOT_TAKEN : Lifecycle.Event.TASK_ABORTED, "createImage",
                snapshotting.uuid())).withLease(null, null);
        letGo(cell, store, snapshotting, done);
        actions.finishEvent(source.instanceUuid(), requestId, "compute_snapshot_instance", failure, failure, now);
    }

}
