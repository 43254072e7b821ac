package dev.overcast.image.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.overcast.core.http.ApiException;
import dev.overcast.image.images.ImageLifecycle.Event;
import dev.overcast.image.images.ImageLifecycle.Status;

/**
 * The image state machine, without a database: a small in-memory {@link ImageStore} stands in
 * for the one method {@link ImageLifecycle#apply} uses. Every transition the table holds is
 * exercised, and a final check fails if one is added without a test.
 */
class ImageLifecycleTest {
    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");
    private static final Set<String> EXERCISED = new HashSet<>();

    /** Applies {@code event} to an image in {@code from} and returns the status it ends in. */
    private static Status move(Status from, Event event) {
        var store = new StatusStore(from.wire());
        ImageRow moved = ImageLifecycle.apply(store.proxy(), row(from), event, NOW);
        EXERCISED.add(from + "/" + event);
        assertThat(store.status).isEqualTo(moved.status());
        return Status.of(moved.status());
    }

    private static ImageRow row(Status status) {
        return new ImageRow("id-1", null, status.wire(), "shared", false, false, "p", null, null, null, null, null,
                0, 0, null, null, "{}", NOW, NOW);
    }

    @Test
    void anUploadTakesAQueuedImageThroughSavingToActive() {
        assertThat(move(Status.QUEUED, Event.UPLOAD_STARTED)).isEqualTo(Status.SAVING);
        assertThat(move(Status.SAVING, Event.UPLOAD_FINISHED)).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aFailedUploadLeavesTheImageQueued() {
        assertThat(move(Status.SAVING, Event.UPLOAD_FAILED)).isEqualTo(Status.QUEUED);
    }

    @Test
    void stagingMovesToUploadingAndAFailedStageBackToQueued() {
        assertThat(move(Status.QUEUED, Event.STAGE_STARTED)).isEqualTo(Status.UPLOADING);
        assertThat(move(Status.UPLOADING, Event.STAGE_FINISHED)).isEqualTo(Status.UPLOADING);
        assertThat(move(Status.UPLOADING, Event.STAGE_FAILED)).isEqualTo(Status.QUEUED);
    }

    @Test
    void anImportRunsFromQueuedOrUploadingToActiveOrBackToQueued() {
        assertThat(move(Status.QUEUED, Event.IMPORT_STARTED)).isEqualTo(Status.IMPORTING);
        assertThat(move(Status.UPLOADING, Event.IMPORT_STARTED)).isEqualTo(Status.IMPORTING);
        assertThat(move(Status.IMPORTING, Event.IMPORT_FINISHED)).isEqualTo(Status.ACTIVE);
        assertThat(move(Status.IMPORTING, Event.IMPORT_FAILED)).isEqualTo(Status.QUEUED);
    }

    @Test
    void deactivatingAndReactivatingAreIdempotent() {
        assertThat(move(Status.ACTIVE, Event.DEACTIVATE)).isEqualTo(Status.DEACTIVATED);
        assertThat(move(Status.DEACTIVATED, Event.DEACTIVATE)).isEqualTo(Status.DEACTIVATED);
        assertThat(move(Status.DEACTIVATED, Event.REACTIVATE)).isEqualTo(Status.ACTIVE);
        assertThat(move(Status.ACTIVE, Event.REACTIVATE)).isEqualTo(Status.ACTIVE);
    }

    @Test
    void anyImageButADeletedOneCanBeDeleted() {
        for (Status status : Status.values()) {
            if (status != Status.DELETED) {
                assertThat(move(status, Event.DELETE)).isEqualTo(Status.DELETED);
            }
        }
        assertThat(ImageLifecycle.next(Status.DELETED, Event.DELETE)).isEmpty();
    }

    @Test
    void aMoveTheTableDoesNotHoldIsAConflictNamingTheStatus() {
        assertThatThrownBy(() -> ImageLifecycle.apply(new StatusStore("queued").proxy(), row(Status.QUEUED),
                Event.DEACTIVATE, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("is queued");
                });
    }

    @Test
    void aMoveLostToAConcurrentRequestIsAConflict() {
        var store = new StatusStore("active");
        assertThatThrownBy(() -> ImageLifecycle.apply(store.proxy(), row(Status.SAVING), Event.UPLOAD_FINISHED, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(store.status).isEqualTo("active");
    }

    @Test
    void theDiagramDrawsEveryTransition() {
        long transitions = ImageLifecycle.table().values().stream().mapToLong(m -> m.size()).sum();
        assertThat(ImageLifecycle.diagram().lines().filter(l -> l.contains("-->")).count()).isEqualTo(transitions);
    }

    @AfterAll
    static void everyTransitionInTheTableWasExercised() {
        Set<String> table = new HashSet<>();
        ImageLifecycle.table().forEach((from, moves) -> moves.keySet().forEach(e -> table.add(from + "/" + e)));
        assertThat(EXERCISED).as("transitions without a test").containsAll(table);
    }

    /** Holds one image's status and answers {@code moveStatus} as the database would. */
    private static final class StatusStore {
        String status;

        StatusStore(String status) {
            this.status = status;
        }

        ImageStore proxy() {
            return (ImageStore) java.lang.reflect.Proxy.newProxyInstance(ImageStore.class.getClassLoader(),
                    new Class<?>[] {ImageStore.class}, (p, method, args) -> {
                        if (!method.getName().equals("moveStatus")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        if (!status.equals(args[1])) {
                            return 0;
                        }
                        status = (String) args[2];
                        return 1;
                    });
        }
    }

}
