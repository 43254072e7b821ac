package dev.overcast.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * How every {@link Bus} delivers notifications, whatever carries them: each implementation's
 * test extends this and says how to build one.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class NotificationContract {
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123456Z");
    static final String TOPIC = "versioned_notifications";

    record InstancePayload(String uuid, String state) {
    }

    Bus bus;
    Notifier notifier;

    /** A fresh bus of the implementation under test, its notifiers stamping time from {@code clock}. */
    abstract Bus newBus(Clock clock);

    @BeforeEach
    void openBus() {
        bus = newBus(Clock.fixed(NOW, ZoneOffset.UTC));
        notifier = bus.notifier(TOPIC, "nova-compute:host1");
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    static VersionedPayload payload(String state) {
        return VersionedPayload.of("nova", "InstanceActionPayload", "1.0", new InstancePayload("vm-1", state));
    }

    @Test
    void subscribers_receive_only_notifications_whose_event_type_has_their_prefix() throws InterruptedException {
        var creates = new Inbox<Notification>();
        var everything = new Inbox<Notification>();
        bus.subscribe(TOPIC, "instance.create", creates::add);
        bus.subscribe(TOPIC, "", everything::add);

        notifier.info("instance.delete.start", payload("deleting"));
        notifier.info("instance.create.start", payload("building"));
        notifier.info("instance.created_elsewhere", payload("active"));
        notifier.info("instance.create.end", payload("active"));

        assertThat(creates.next(2)).extracting(Notification::eventType)
                .containsExactlyInAnyOrder("instance.create.start", "instance.create.end");
        creates.assertNothingMoreArrives();
        assertThat(everything.next(4)).hasSize(4);
    }

    @Test
    void a_subscriber_sees_notifications_in_the_order_they_were_published() throws InterruptedException {
        var received = new Inbox<Notification>();
        bus.subscribe(TOPIC, "", received::add);
        for (int i = 0; i < 200; i++) {
            notifier.info("instance.step." + i, payload("step"));
        }
        assertThat(received.next(200)).extracting(Notification::eventType)
                .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "instance.step." + i).toList());
    }

    @Test
    void notifications_travel_to_other_topics_subscribers_not_at_all() throws InterruptedException {
        var other = new Inbox<Notification>();
        bus.subscribe("notifications", "", other::add);

        notifier.info("instance.create.end", payload("active"));

        other.assertNothingMoreArrives();
    }

    @Test
    void a_subscriber_receives_an_equal_notification_and_reads_its_payload_as_a_record() throws InterruptedException {
        var inbox = new Inbox<Notification>();
        bus.subscribe(TOPIC, "instance", inbox::add);

        Notification sent = notifier.error("instance.create.error", payload("error"));

        Notification received = inbox.next();
        assertThat(received).isEqualTo(sent);
        assertThat(received.priority()).isEqualTo(Priority.ERROR);
        assertThat(received.timestamp()).isEqualTo(NOW);
        assertThat(received.payload().data(InstancePayload.class)).isEqualTo(new InstancePayload("vm-1", "error"));
    }

    @Test
    void a_timestamp_keeps_the_microseconds_the_wire_can_carry() throws InterruptedException {
        var inbox = new Inbox<Notification>();
        bus.subscribe(TOPIC, "", inbox::add);
        var nanoClock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);

        Notification sent = new Notifier(bus, TOPIC, "nova-compute:host1", nanoClock).info("instance.create.end", payload("active"));

        assertThat(sent.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(inbox.next()).isEqualTo(sent);
    }

    @Test
    void closing_a_subscriber_stops_delivery() throws InterruptedException {
        var closed = new Inbox<Notification>();
        var open = new Inbox<Notification>();
        Subscription subscription = bus.subscribe(TOPIC, "", closed::add);
        bus.subscribe(TOPIC, "", open::add);

        subscription.close();
        notifier.info("instance.create.end", payload("active"));

        assertThat(open.next().eventType()).isEqualTo("instance.create.end");
        closed.assertNothingMoreArrives();
    }

    @Test
    void a_failing_subscriber_does_not_stop_the_others() throws InterruptedException {
        var inbox = new Inbox<Notification>();
        bus.subscribe(TOPIC, "", notification -> {
            throw new IllegalStateException("consumer bug");
        });
        bus.subscribe(TOPIC, "", inbox::add);

        notifier.info("instance.create.end", payload("active"));
        notifier.info("instance.delete.end", payload("deleted"));

        assertThat(inbox.next(2)).hasSize(2);
    }

    @Test
    void publishing_on_a_closed_bus_is_refused() {
        bus.close();

        assertThatThrownBy(() -> notifier.info("instance.create.end", payload("active")))
                .isInstanceOf(BusClosedException.class);
    }

    @Test
    void closing_the_bus_interrupts_a_subscriber_handler_still_running() throws InterruptedException {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        bus.subscribe(TOPIC, "", notification -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        notifier.info("instance.create.end", payload("active"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        bus.close();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the handler was interrupted").isTrue();
    }
}
