package dev.overcast.image.data;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageLifecycle;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageRow;
import dev.overcast.image.images.ImageStore;

/** The database side of moving data: status events and recording what was written. */
final class DataRows {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataRows.class);

    private final ImageContext ctx;

    DataRows(ImageContext ctx) {
        this.ctx = ctx;
    }

    Instant now() {
        return ctx.clock().instant();
    }

    ImageRow apply(ImageRow image, Event event) {
        return ctx.jdbi().withExtension(ImageStore.class, s -> ImageLifecycle.apply(s, image, event, now()));
    }

    /**
     * Records the written data and applies {@code event} (to active) in one transaction, if the
     * image is still in {@code expected}; a 410 when it was deleted meanwhile, a 409 when it moved.
     */
    ImageRow complete(String imageId, String expected, Written data, Event event) {
        return ctx.jdbi().inTransaction(h -> {
            ImageStore store = h.attach(ImageStore.class);
            ImageRow row = store.lock(imageId).filter(r -> !r.status().equals("deleted")).orElseThrow(() ->
                    new ApiException(410, "Image " + imageId + " could not be found after upload. "
                            + "The image may have been deleted during the upload."));
            if (!row.status().equals(expected)) {
                throw ApiException.conflict("Image " + imageId + " is " + row.status() + " after its data was written; "
                        + "the data is discarded.");
            }
            Instant at = now();
            ImageRow withData = withData(row, data, at);
            store.update(withData);
            return ImageLifecycle.apply(store, withData, event, at);
        });
    }

    /** Best effort: moves an image stuck in {@code expected} back with {@code event}; logs if it cannot. */
    void fail(String imageId, String expected, Event event) {
        try {
            ctx.jdbi().useTransaction(h -> failIn(h, imageId, expected, event));
        } catch (RuntimeException e) {
            LOG.warn("image {} could not be moved out of {}: {}", imageId, expected, e.toString());
        }
    }

    void failIn(Handle h, String imageId, String expected, Event event) {
        ImageStore store = h.attach(ImageStore.class);
        store.lock(imageId).filter(r -> r.status().equals(expected))
                .ifPresent(r -> ImageLifecycle.apply(store, r, event, now()));
    }

    List<String> tags(String imageId) {
        return ctx.jdbi().withExtension(ImageStore.class, s -> s.tags(imageId));
    }

    static ImageRow withData(ImageRow i, Written data, Instant at) {
        return new ImageRow(i.id(), i.name(), i.status(), i.visibility(), i.isProtected(), i.osHidden(), i.owner(),
                data.size(), i.virtualSize(), data.checksum(), Written.HASH_ALGO, data.sha512(), i.minRam(),
                i.minDisk(), i.containerFormat(), i.diskFormat(), i.properties(), i.createdAt(), at);
    }

    /** Data routes take only raw bytes, as Glance does; anything else is a 415 before any work. */
    static void requireOctetStream(Request req) {
        String type = req.header("Content-Type").orElse("");
        String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!bare.equals("application/octet-stream")) {
            throw ApiException.unsupportedMediaType("The Content-Type " + (type.isEmpty() ? "(none)" : type)
                    + " is not supported for image data; send application/octet-stream.");
        }
    }
}
