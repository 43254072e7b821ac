package dev.overcast.image.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageSettings;
import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interoperable image import, with the one method an offline cloud can offer:
 * {@code glance-direct}. {@code PUT /v2/images/{id}/stage} streams data into the staging
 * directory (queued → uploading) and records its digests; {@code POST /v2/images/{id}/import}
 * moves the image to importing before answering 202, then moves the staged file into the
 * store and makes the image active. A process killed in between leaves the image
 * importing, which {@link DataRecovery} puts back to queued at the next start.
 */
final class Imports {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Imports.class);
    static final String GLANCE_DIRECT = "glance-direct";
    /** Glance's other methods, which need a network (or a second cloud) Overcast does not reach. */
    static final List<String> UNAVAILABLE = List.of("web-download", "copy-image", "glance-download");

    private final ImageContext ctx;
    private final FileStore store;
    private final FileStore staging;
    private final DataAccess access;
    private final DataLimits limits;
    private final DataRows rows;
    private final DataNotifications notifications;
    private final Executor worker;

    Imports(ImageContext ctx, FileStore store, FileStore staging, DataAccess access, DataLimits limits, DataRows rows,
            DataNotifications notifications, Executor worker) {
        this.ctx = ctx;
        this.store = store;
        this.staging = staging;
        this.access = access;
        this.limits = limits;
        this.rows = rows;
        this.notifications = notifications;
        this.worker = worker;
    }

    Response importMethods(Request req) {
        req.auth();
        ObjectNode body = Json.object();
        ObjectNode methods = body.putObject("import-methods");
        methods.put("description", "Import methods available. Only glance-direct is offered: Overcast runs "
                + "offline, so web-download, copy-image and glance-download are not available.");
        methods.put("type", "array");
        methods.putArray("value").add(GLANCE_DIRECT);
        return Response.ok(body);
    }

    Response stores(Request req) {
        req.auth();
        ObjectNode body = Json.object();
        body.putArray("stores").addObject().put("id", ImageSettings.STORE_ID)
                .put("description", "Image data as files under Overcast's data directory.").put("default", true);
        return Response.ok(body);
    }

    Response stage(Request req) {
        DataRows.requireOctetStream(req);
        String id = req.param("id");
        ImageRow image = access.writable(req, id, "upload_image");
        DataLimits.Limit limit = limits.forUpload(req, image);
        ImageRow uploading = rows.apply(image, Event.STAGE_STARTED);
        try {
            Written written = staging.write(id, req.bodyStream(), limit.bytes());
            ctx.jdbi().useTransaction(h -> {
                DataStore data = h.attach(DataStore.class);
                data.unstage(id);
                data.stage(id, written.size(), written.checksum(), Written.HASH_ALGO, written.sha512(), rows.now());
            });
        } catch (Throwable e) {
            staging.delete(id);
            rows.fail(id, uploading.status(), Event.STAGE_FAILED);
            throw DataLimits.translate(e, limit);
        }
        rows.apply(uploading, Event.STAGE_FINISHED);
        return Response.noContent();
    }

    Response startImport(Request req) {
        String id = req.param("id");
        String method = methodName(req.json());
        ImageRow image = access.writable(req, id, "upload_image");
        if (UNAVAILABLE.contains(method)) {
            throw ApiException.badRequest("Import method " + method + " is not available: Overcast runs offline; "
                    + "use glance-direct.");
        }
        if (!method.equals(GLANCE_DIRECT)) {
            throw ApiException.badRequest("Unknown import method name '" + method + "'.");
        }
        boolean staged = ctx.jdbi().withExtension(DataStore.class, s -> s.staged(id)).isPresent() && staging.exists(id);
        if (!image.status().equals("uploading") || !staged) {
            throw ApiException.conflict("Image needs to be staged before 'glance-direct' method can be used");
        }
        ImageRow importing = rows.apply(image, Event.IMPORT_STARTED);
        String task = recordTask(req, importing, method);
        worker.execute(() -> finishImport(importing, task));
        return Response.accepted(null);
    }

    /** The task a client follows the import by; Glance names it after the request that started it. */
    private String recordTask(Request req, ImageRow image, String method) {
        ObjectNode input = Json.object();
        input.put("image_id", image.id());
        input.putObject("import_req").putObject("method").put("name", method);
        input.putArray("backend").add(ImageSettings.STORE_ID);
        String id = java.util.UUID.randomUUID().toString();
        var now = rows.now();
        ctx.jdbi().useExtension(TaskStore.class, s -> s.insert(new TaskStore.Task(id, image.id(), "api_image_import",
                "processing", image.owner(), req.auth().userId(), req.ids().local(), input.toString(), null, "",
                now, now, null)));
        return id;
    }

    /** {@code GET /v2/images/{id}/tasks}: the image's import tasks, newest last. */
    Response tasks(Request req) {
        ImageRow image = access.visible(req, req.param("id"));
        ObjectNode body = Json.object();
        var tasks = body.putArray("tasks");
        for (TaskStore.Task t : ctx.jdbi().withExtension(TaskStore.class, s -> s.forImage(image.id()))) {
            ObjectNode task = tasks.addObject();
            task.put("id", t.id());
            task.put("type", t.type());
            task.put("status", t.status());
            task.put("owner", t.owner());
            task.put("image_id", t.imageId());
            task.put("user_id", t.userId());
            task.put("request_id", t.requestId());
            task.set("input", Json.parse(t.input()));
            task.set("result", t.result() == null ? null : Json.parse(t.result()));
            task.put("message", t.message());
            task.put("created_at", dev.overcast.image.images.ImageView.time(t.createdAt()));
            task.put("updated_at", dev.overcast.image.images.ImageView.time(t.updatedAt()));
            task.put("expires_at", t.expiresAt() == null ? null : dev.overcast.image.images.ImageView.time(t.expiresAt()));
        }
        return Response.ok(body);
    }

    /** The import's second half, after the 202: adopt the staged file, record it, activate. */
    void finishImport(ImageRow importing, String task) {
        String id = importing.id();
        try {
            DataStore.Staged staged = ctx.jdbi().withExtension(DataStore.class, s -> s.staged(id))
                    .orElseThrow(() -> new IllegalStateException("image " + id + " lost its staged data"));
            // A process killed after the move but before the image was marked active left the
            // data in the store already: adopting is then done.
            if (staging.exists(id) || !store.exists(id)) {
                store.adopt(id, staging.path(id));
            }
            ImageRow active = rows.complete(id, importing.status(), staged.written(), Event.IMPORT_FINISHED);
            ctx.jdbi().useExtension(DataStore.class, s -> s.unstage(id));
            notifications.uploadedAndActive(active, rows.tags(id));
            finishTask(task, "success", "");
        } catch (Exception e) {
            LOG.warn("import of image {} failed: {}", id, e.toString());
            store.delete(id);
            staging.delete(id);
            ctx.jdbi().useExtension(DataStore.class, s -> s.unstage(id));
            rows.fail(id, importing.status(), Event.IMPORT_FAILED);
            finishTask(task, "failure", "Import failed: " + e.getMessage());
        }
    }

    /**
     * Picks up an import a killed process left {@code importing}, if its staged data (or the
     * data already moved into the store) and the staging record survived; false if not, and
     * the caller resets the image.
     */
    boolean resume(ImageRow importing) {
        String id = importing.id();
        boolean staged = ctx.jdbi().withExtension(DataStore.class, s -> s.staged(id)).isPresent();
        if (!staged || !(staging.exists(id) || store.exists(id))) {
            return false;
        }
        String task = ctx.jdbi().withExtension(TaskStore.class, s -> s.forImage(id)).stream()
                .filter(t -> t.status().equals("processing")).map(TaskStore.Task::id).reduce((a, b) -> b).orElse(null);
        worker.execute(() -> finishImport(importing, task));
        return true;
    }

    private void finishTask(String task, String status, String message) {
        if (task == null) {
            return;
        }
        var now = rows.now();
        ctx.jdbi().useExtension(TaskStore.class, s -> s.finish(task, status, null, message, now,
                now.plus(java.time.Duration.ofHours(48))));
    }

    private static String methodName(JsonNode body) {
        JsonNode name = body.path("method").path("name");
        if (!name.isString() || name.asString().isBlank()) {
            throw ApiException.badRequest("The import request needs {\"method\": {\"name\": ...}}.");
        }
        return name.asString();
    }
}
