package dev.overcast.image.data;

import java.util.concurrent.Executor;

import dev.overcast.core.http.Routes;
import dev.overcast.image.ImageContext;
import dev.overcast.image.ImageData;

/**
 * Image data: upload and download, glance-direct import through staging, recovery at start,
 * and Overcast's test image. Built once per {@code ImageService}; building it runs recovery.
 */
public final class ImageDataApi {
    private final ImageContext ctx;
    private final FileStore store;
    private final DataRows rows;
    private final Uploads uploads;
    private final Imports imports;

    /** @param worker runs the second half of imports, after their 202 */
    public ImageDataApi(ImageContext ctx, Executor worker) {
        this.ctx = ctx;
        this.store = new FileStore(ctx.settings().storeDir());
        FileStore staging = new FileStore(ctx.settings().stagingDir());
        this.rows = new DataRows(ctx);
        DataAccess access = new DataAccess(ctx);
        DataLimits limits = new DataLimits(ctx);
        DataNotifications notifications = new DataNotifications(ctx.notifier());
        this.uploads = new Uploads(store, access, limits, rows, notifications);
        this.imports = new Imports(ctx, store, staging, access, limits, rows, notifications, worker);
        new DataRecovery(ctx, store, staging, rows, imports).run();
    }

    /** The store, for the metadata API to delete an image's data with. */
    public ImageData data() {
        return store;
    }

    public void routes(Routes r) {
        r.streaming("PUT", "/v2/images/{id}/file", uploads::upload)
                .get("/v2/images/{id}/file", uploads::download)
                .streaming("PUT", "/v2/images/{id}/stage", imports::stage)
                .post("/v2/images/{id}/import", imports::startImport)
                .get("/v2/images/{id}/tasks", imports::tasks)
                .get("/v2/info/import", imports::importMethods)
                .get("/v2/info/stores", imports::stores);
    }

    /**
     * Registers Overcast's test image ({@value TestImage#NAME}), public and active, owned by
     * {@code owner} (may be null), unless an image of that name exists. Returns whether it did.
     */
    public boolean bootstrapTestImage(String owner) {
        return TestImage.register(ctx, store, rows, owner);
    }
}
