package dev.overcast.image.images;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.overcast.core.http.ApiException;

/**
 * An image's status as a state machine, written as data: one transition table, and no
 * other code decides a status. Glance's statuses and the events that move them:
 *
 * <pre>
 * queued --upload_started--> saving --upload_finished--> active
 * saving --upload_failed--> queued            (a cut-off upload leaves no partial data)
 * queued --stage_started--> uploading --stage_finished--> queued ... (glance-direct)
 * queued --import_started--> importing --import_finished--> active
 * importing --import_failed--> queued
 * active --deactivate--> deactivated --reactivate--> active
 * any --delete--> deleted
 * </pre>
 */
public final class ImageLifecycle {
    private ImageLifecycle() {
    }

    /** Glance's image statuses, lower-case on the wire. */
    public enum Status {
        QUEUED, SAVING, UPLOADING, IMPORTING, ACTIVE, DEACTIVATED, KILLED, DELETED, PENDING_DELETE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** What happens to an image. */
    public enum Event {
        UPLOAD_STARTED, UPLOAD_FINISHED, UPLOAD_FAILED, STAGE_STARTED, STAGE_FINISHED, STAGE_FAILED,
        IMPORT_STARTED, IMPORT_FINISHED, IMPORT_FAILED, DEACTIVATE, REACTIVATE, DELETE
    }

    private static final Map<Status, Map<Event, Status>> TABLE = new EnumMap<>(Status.class);

    private static void on(Status from, Event event, Status to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Event.class)).put(event, to);
    }

    static {
        on(Status.QUEUED, Event.UPLOAD_STARTED, Status.SAVING);
        on(Status.SAVING, Event.UPLOAD_FINISHED, Status.ACTIVE);
        on(Status.SAVING, Event.UPLOAD_FAILED, Status.QUEUED);
        on(Status.QUEUED, Event.STAGE_STARTED, Status.UPLOADING);
        on(Status.UPLOADING, Event.STAGE_FINISHED, Status.UPLOADING);
        on(Status.UPLOADING, Event.STAGE_FAILED, Status.QUEUED);
        on(Status.UPLOADING, Event.IMPORT_STARTED, Status.IMPORTING);
        on(Status.QUEUED, Event.IMPORT_STARTED, Status.IMPORTING);
        on(Status.IMPORTING, Event.IMPORT_FINISHED, Status.ACTIVE);
        on(Status.IMPORTING, Event.IMPORT_FAILED, Status.QUEUED);
        on(Status.ACTIVE, Event.DEACTIVATE, Status.DEACTIVATED);
        on(Status.DEACTIVATED, Event.DEACTIVATE, Status.DEACTIVATED);
        on(Status.DEACTIVATED, Event.REACTIVATE, Status.ACTIVE);
        on(Status.ACTIVE, Event.REACTIVATE, Status.ACTIVE);
        for (Status s : Status.values()) {
            if (s != Status.DELETED) {
                on(s, Event.DELETE, Status.DELETED);
            }
        }
    }

    /** Where {@code event} takes an image in {@code from}; empty when the table has no such move. */
    public static Optional<Status> next(Status from, Event event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    /**
     * Applies {@code event} to {@code image} in the database, only if nobody moved it since it
     * was read; a 409 naming the status when the table has no such move or a concurrent
     * request won. Returns the image with its new status.
     */
    public static ImageRow apply(ImageStore store, ImageRow image, Event event, Instant at) {
        Status from = Status.of(image.status());
        Status to = next(from, event).orElseThrow(() -> ApiException.conflict(
                "Image " + image.id() + " is " + from.wire() + "; it cannot " + describe(event) + "."));
        if (to != from && store.moveStatus(image.id(), from.wire(), to.wire(), at) == 0) {
            throw ApiException.conflict("Image " + image.id() + " changed status while this request ran; try again.");
        }
        return image.withStatus(to.wire(), at);
    }

    private static String describe(Event event) {
        return event.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Every (from, event) pair the table knows, for tests and the generated diagram. */
    public static Map<Status, Map<Event, Status>> table() {
        Map<Status, Map<Event, Status>> copy = new EnumMap<>(Status.class);
        TABLE.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }

    /** The table as a Mermaid state diagram. */
    public static String diagram() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        TABLE.forEach((from, moves) -> moves.forEach((event, to) -> out.append("    ").append(from.wire())
                .append(" --> ").append(to.wire()).append(" : ").append(event.name().toLowerCase(Locale.ROOT))
                .append('\n')));
        return out.toString();
    }
}
