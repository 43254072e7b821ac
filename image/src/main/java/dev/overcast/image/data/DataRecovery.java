package dev.overcast.image.data;

import java.util.List;

import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageRow;
import dev.overcast.image.images.ImageStore;

/**
 * At start, undoes what a killed process left half done, so that no image stays
 * {@code saving} or {@code importing} forever: such images go back to {@code queued} (their
 * client's upload is gone with the process; it can be retried), temporary files of
 * unfinished writes are deleted, and staged data of images no longer {@code uploading} is
 * removed. Every step is idempotent, so a crash during recovery is recovered next time.
 *
 * <p>It assumes it is the only process writing these directories, which holds for the
 * all-in-one server; with several image API processes sharing a database this would need a
 * lease per upload.
 */
final class DataRecovery {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataRecovery.class);

    /** What one recovery pass did, for the log and for tests. */
    record Outcome(int uploadsReset, int importsReset, int partialsRemoved, int stagedRemoved) {
    }

    private final ImageContext ctx;
    private final FileStore store;
    private final FileStore staging;
    private final DataRows rows;

    DataRecovery(ImageContext ctx, FileStore store, FileStore staging, DataRows rows) {
        this.ctx = ctx;
        this.store = store;
        this.staging = staging;
        this.rows = rows;
    }

    Outcome run() {
        int partials = store.removePartials() + staging.removePartials();
        int uploads = reset("saving", Event.UPLOAD_FAILED);
        int imports = reset("importing", Event.IMPORT_FAILED);
        int staged = 0;
        for (String id : staging.ids()) {
            String status = ctx.jdbi().withExtension(DataStore.class, s -> s.status(id)).orElse("deleted");
            if (!status.equals("uploading")) {
                staging.delete(id);
                ctx.jdbi().useExtension(DataStore.class, s -> s.unstage(id));
                staged++;
            }
        }
        Outcome outcome = new Outcome(uploads, imports, partials, staged);
        if (!outcome.equals(new Outcome(0, 0, 0, 0))) {
            LOG.info("image data recovery: {}", outcome);
        }
        return outcome;
    }

    private int reset(String status, Event event) {
        List<ImageRow> stuck = ctx.jdbi().withExtension(ImageStore.class, s -> s.withStatus(List.of(status)));
        for (ImageRow image : stuck) {
            // The image never became active, so any complete file is not its data of record.
            store.delete(image.id());
            rows.fail(image.id(), status, event);
        }
        return stuck.size();
    }
}
