package dev.overcast.image.data;

import java.util.List;

import dev.overcast.image.ImageContext;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageRow;
import dev.overcast.image.images.ImageStore;

/**
 * At start, finishes or undoes what a killed process left half done, so that no image stays
 * {@code saving} or {@code importing} forever: an import whose staged data survived is
 * resumed (its steps are idempotent); other importing images, and saving ones (their
 * client's upload is gone with the process; it can be retried), go back to {@code queued};
 * temporary files of unfinished writes are deleted, and staged data of images neither
 * {@code uploading} nor {@code importing} is removed. Every step is idempotent, so a crash during recovery is recovered next time.
 *
 * <p>It assumes it is the only process writing these directories, which holds for the
 * all-in-one server; with several image API processes sharing a database this would need a
 * lease per upload.
 */
final class DataRecovery {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataRecovery.class);

    /** What one recovery pass did, for the log and for tests. */
    record Outcome(int uploadsReset, int importsResumed, int importsReset, int partialsRemoved, int stagedRemoved) {
    }

    private final ImageContext ctx;
    private final FileStore store;
    private final FileStore staging;
    private final DataRows rows;
    private final Imports imports;

    DataRecovery(ImageContext ctx, FileStore store, FileStore staging, DataRows rows, Imports imports) {
        this.ctx = ctx;
        this.store = store;
        this.staging = staging;
        this.rows = rows;
        this.imports = imports;
    }

    Outcome run() {
        int partials = store.removePartials() + staging.removePartials();
        int uploads = reset("saving", Event.UPLOAD_FAILED);
        int resumed = 0;
        int reset = 0;
        for (ImageRow image : ctx.jdbi().withExtension(ImageStore.class, s -> s.withStatus(List.of("importing")))) {
            if (imports.resume(image)) {
                resumed++;
            } else {
                // Its staged data is gone, so the import cannot go on: back to queued.
                store.delete(image.id());
                rows.fail(image.id(), "importing", Event.IMPORT_FAILED);
                reset++;
            }
        }
        int staged = 0;
        for (String id : staging.ids()) {
            String status = ctx.jdbi().withExtension(DataStore.class, s -> s.status(id)).orElse("deleted");
            // Staged data belongs to images still staging or (resumed above) importing.
            if (!status.equals("uploading") && !status.equals("importing")) {
                staging.delete(id);
                ctx.jdbi().useExtension(DataStore.class, s -> s.unstage(id));
                staged++;
            }
        }
        Outcome outcome = new Outcome(uploads, resumed, reset, partials, staged);
        if (!outcome.equals(new Outcome(0, 0, 0, 0, 0))) {
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
