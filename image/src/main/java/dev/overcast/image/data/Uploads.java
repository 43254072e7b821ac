package dev.overcast.image.data;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageRow;

/**
 * {@code PUT /v2/images/{id}/file} and {@code GET /v2/images/{id}/file}: data straight into
 * and out of the file store, streamed, never held in memory.
 *
 * <p>An upload moves the image queued → saving before reading a byte, so a second upload
 * is a 409 rather than a race on the file. The write happens outside any transaction (it
 * can take minutes); the data is recorded and the image made active in one short
 * transaction afterwards, and only if nobody deleted or moved the image meanwhile. Any
 * failure while reading (a cut-off client, a limit crossed, a full disk) leaves no file and
 * puts the image back to queued, ready for another try.
 */
final class Uploads {
    private final FileStore store;
    private final DataAccess access;
    private final DataLimits limits;
    private final DataRows rows;
    private final DataNotifications notifications;

    Uploads(FileStore store, DataAccess access, DataLimits limits, DataRows rows, DataNotifications notifications) {
        this.store = store;
        this.access = access;
        this.limits = limits;
        this.rows = rows;
        this.notifications = notifications;
    }

    Response upload(Request req) {
        DataRows.requireOctetStream(req);
        String id = req.param("id");
        ImageRow image = access.writable(req, id, "upload_image");
        DataLimits.Limit limit = limits.forUpload(req, image);
        ImageRow saving = rows.apply(image, Event.UPLOAD_STARTED);
        Written written;
        try {
            written = store.write(id, req.bodyStream(), limit.bytes());
        } catch (Throwable e) {
            rows.fail(id, saving.status(), Event.UPLOAD_FAILED);
            throw DataLimits.translate(e, limit);
        }
        ImageRow active;
        try {
            active = rows.complete(id, saving.status(), written, Event.UPLOAD_FINISHED);
        } catch (RuntimeException e) {
            store.delete(id);
            rows.fail(id, saving.status(), Event.UPLOAD_FAILED);
            throw e;
        }
        notifications.uploadedAndActive(active, rows.tags(id));
        return Response.noContent();
    }

    Response download(Request req) {
        String id = req.param("id");
        ImageRow image = access.readable(req, id);
        if (image.status().equals("deactivated") && !access.isAdmin(req.auth())) {
            throw ApiException.forbidden("The requested image has been deactivated. Image data download is forbidden.");
        }
        boolean hasData = image.status().equals("active") || image.status().equals("deactivated");
        Optional<Long> size = hasData ? store.size(id) : Optional.empty();
        if (size.isEmpty()) {
            return Response.noContent();
        }
        long length = size.get();
        Optional<ByteRange> range = req.header("Range").map(h -> ByteRange.parse(h, length));
        Map<String, String> headers = new LinkedHashMap<>();
        if (range.isPresent()) {
            ByteRange r = range.get();
            InputStream in = open(id, r.first()).orElseThrow(() -> DataAccess.notFound(id));
            headers.put("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + length);
            return new Response(206, headers, new Response.Stream(new BoundedInputStream(in, r.length()), r.length(),
                    "application/octet-stream"));
        }
        InputStream in = open(id, 0).orElseThrow(() -> DataAccess.notFound(id));
        if (image.checksum() != null) {
            headers.put("Content-MD5", image.checksum());
        }
        return new Response(200, headers, new Response.Stream(in, length, "application/octet-stream"));
    }

    private Optional<InputStream> open(String id, long offset) {
        try {
            return store.open(id, offset);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the data of image " + id, e);
        }
    }
}
