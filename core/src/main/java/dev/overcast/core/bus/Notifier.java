package dev.overcast.core.bus;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Publishes notifications on one topic for one publisher, stamping each with the clock's time
 * and a fresh id (random: ids need only be unique, and tests match on content). Get one from
 * {@link Bus#notifier}.
 */
public final class Notifier {
    private final Bus bus;
    private final String topic;
    private final String publisherId;
    private final Clock clock;

    public Notifier(Bus bus, String topic, String publisherId, Clock clock) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.publisherId = Objects.requireNonNull(publisherId, "publisherId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Publishes at {@link Priority#INFO}, the priority of almost every Nova notification. */
    public Notification info(String eventType, VersionedPayload payload) {
        return emit(Priority.INFO, eventType, payload);
    }

    /** Publishes at {@link Priority#ERROR}, as for {@code instance.create.error}. */
    public Notification error(String eventType, VersionedPayload payload) {
        return emit(Priority.ERROR, eventType, payload);
    }

    /** Publishes at {@code priority} and returns what was sent. */
    public Notification emit(Priority priority, String eventType, VersionedPayload payload) {
        var notification = new Notification(priority, eventType, publisherId, clock.instant(), UUID.randomUUID(), payload);
        bus.publish(topic, notification);
        return notification;
    }
}
