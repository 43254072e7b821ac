package dev.overcast.core.bus;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Something that happened, told to whoever listens, in Nova's versioned notification shape:
 * {@code {"priority": "INFO", "event_type": "instance.create.end", "publisher_id":
 * "nova-compute:host1", "timestamp": "2026-01-02 03:04:05.123456", "message_id": "<uuid>",
 * "payload": {"nova_object.name": ...}}}. The timestamp is UTC, written as oslo writes it, and
 * so kept to the microsecond.
 * {@link Notifier} fills in the timestamp and id.
 *
 * @param priority    how much it matters
 * @param eventType   dotted, most general first: {@code instance.create.end}
 * @param publisherId {@code service:host}, such as {@code nova-compute:host1}
 * @param timestamp   when it happened
 * @param messageId   unique per notification, for consumers that deduplicate
 * @param payload     what happened, as a versioned object
 */
public record Notification(
        Priority priority,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("publisher_id") String publisherId,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd HH:mm:ss.SSSSSS", timezone = "UTC")
        Instant timestamp,
        @JsonProperty("message_id") UUID messageId,
        VersionedPayload payload) {

    public Notification {
        if (priority == null || timestamp == null || messageId == null || payload == null) {
            throw new IllegalArgumentException("a notification needs a priority, timestamp, message id and payload");
        }
        if (eventType == null || eventType.isBlank() || publisherId == null || publisherId.isBlank()) {
            throw new IllegalArgumentException("a notification needs an event type and a publisher id");
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Whether the event type starts with {@code prefix} in whole dot-separated parts:
     * {@code instance.shelve} matches {@code instance.shelve.end} but not
     * {@code instance.shelve_offload.end}. A prefix ending in a dot, or empty, matches plainly.
     */
    public boolean hasEventTypePrefix(String prefix) {
        if (prefix.isEmpty() || prefix.endsWith(".")) {
            return eventType.startsWith(prefix);
        }
        return eventType.equals(prefix) || eventType.startsWith(prefix + ".");
    }
}
