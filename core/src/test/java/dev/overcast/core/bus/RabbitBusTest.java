package dev.overcast.core.bus;

import static dev.overcast.core.bus.Messages.ECHO;
import static dev.overcast.core.bus.Messages.NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import dev.overcast.core.bus.Messages.Text;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RabbitBus} against the RabbitMQ on this machine, in a vhost of its own: the bus contract,
 * then what only a broker can show, with buses on separate connections standing for separate
 * processes.
 */
class RabbitBusTest extends BusContract {
    @RegisterExtension
    static final RabbitVhost vhost = RabbitVhost.create("bus");

    private final List<Bus> processes = new ArrayList<>();

    @Override
    Bus newBus(Clock clock) {
        return RabbitBus.connect(vhost.settings(), clock);
    }

    /** Another bus on its own connection, as another process would have; closed after the test. */
    private Bus process() {
        return process(vhost.settings());
    }

    private Bus process(RabbitSettings settings) {
        Bus other = RabbitBus.connect(settings, Clock.systemUTC());
        processes.add(other);
        return other;
    }

    @AfterEach
    void closeProcesses() {
        processes.forEach(Bus::close);
    }

    @Test
    void a_call_from_one_process_is_served_by_another_with_the_callers_request_context() {
        var whoami = Method.of("whoami", "1.0");
        process().listen("compute", "host1", Dispatcher.builder("1.0")
                .on(whoami.name(), Void.class, (args, context) -> RequestContext.current())
                .build());
        var context = new RequestContext("req-1", "req-global", "user-1", "project-1");

        RequestContext seen = context.call(() -> bus.call(COMPUTE, whoami, null, RequestContext.class, TIMEOUT));

        assertThat(seen).isEqualTo(context);
    }

    @Test
    void listeners_in_two_processes_share_a_topic_round_robin() throws InterruptedException {
        var inbox = new Inbox<String>();
        for (String host : List.of("host1", "host2")) {
            process().listen("compute", host, Dispatcher.builder("1.0")
                    .on(NOTE.name(), Text.class, (args, context) -> {
                        inbox.add(host);
                        return null;
                    })
                    .build());
        }

        for (int i = 0; i < 10; i++) {
            bus.cast(COMPUTE, NOTE, new Text("note " + i));
        }

        Map<String, Long> perHost = inbox.next(10).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perHost).containsOnly(Map.entry("host1", 5L), Map.entry("host2", 5L));
    }

    @Test
    void a_fanout_reaches_the_listeners_of_every_process() throws InterruptedException {
        var host1 = new Inbox<Text>();
        var host2 = new Inbox<Text>();
        process().listen("compute", "host1", recording(NOTE, Text.class, host1));
        process().listen("compute", "host2", recording(NOTE, Text.class, host2));

        bus.fanout(COMPUTE, NOTE, new Text("refresh"));

        assertThat(host1.next()).isEqualTo(new Text("refresh"));
        assertThat(host2.next()).isEqualTo(new Text("refresh"));
        host1.assertNothingMoreArrives();
        host2.assertNothingMoreArrives();
    }

    @Test
    void a_call_nobody_listens_to_fails_as_soon_as_the_broker_returns_it_not_at_its_timeout() {
        process().listen("compute", "host1", echo("host1"));
        Duration patient = Duration.ofSeconds(30);

        for (Target nowhere : List.of(Target.of("nobody"), COMPUTE.onServer("host9"))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> bus.call(nowhere, ECHO, new Text("hello"), Text.class, patient))
                    .isInstanceOf(CallTimeoutException.class)
                    .hasMessageContaining("nobody listens there");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void a_listener_that_closes_midway_hands_its_share_to_the_other_process_and_no_call_is_lost() throws Exception {
        var servedByHost1 = new AtomicInteger();
        var host1Busy = new CountDownLatch(10);
        Subscription host1 = process().listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> {
                    servedByHost1.incrementAndGet();
                    host1Busy.countDown();
                    Thread.sleep(10);
                    return new Text("host1");
                })
                .build());
        process().listen("compute", "host2", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> {
                    Thread.sleep(10);
                    return new Text("host2");
                })
                .build());

        var answers = new ArrayList<Future<Text>>();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 300; i++) {
                answers.add(callers.submit(() -> bus.call(COMPUTE, ECHO, new Text("hi"), Text.class, TIMEOUT)));
            }
            assertThat(host1Busy.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            host1.close();
        }

        for (Future<Text> answer : answers) {
            assertThat(answer.get()).isIn(new Text("host1"), new Text("host2"));
        }
        assertThat(servedByHost1.get()).isBetween(10, 299);
        int servedBeforeClosing = servedByHost1.get();
        for (int i = 0; i < 20; i++) {
            assertThat(bus.call(COMPUTE, ECHO, new Text("hi"), Text.class, TIMEOUT)).isEqualTo(new Text("host2"));
        }
        assertThat(servedByHost1.get()).isEqualTo(servedBeforeClosing);
    }

    @Test
    void a_listener_whose_queue_is_deleted_under_it_declares_it_again() throws Exception {
        process().listen("compute", "host1", echo("host1"));
        var factory = new ConnectionFactory();
        factory.setUri(vhost.settings().uri());
        try (var admin = factory.newConnection(); var channel = admin.createChannel()) {
            channel.queueDelete("compute");
        }

        assertThat(callUntilAnswered(COMPUTE)).isEqualTo(new Text("host1: hi"));
    }

    @Test
    void buses_recover_their_connections_queues_and_consumers_after_the_broker_drops_them() {
        process().listen("compute", "host1", echo("host1"));
        assertThat(bus.call(COMPUTE, ECHO, new Text("hi"), Text.class, TIMEOUT)).isEqualTo(new Text("host1: hi"));

        vhost.closeConnections();

        assertThat(callUntilAnswered(COMPUTE)).isEqualTo(new Text("host1: hi"));
    }

    @Test
    void with_publisher_confirms_messages_still_arrive_and_unroutable_calls_still_fail_at_once() throws InterruptedException {
        Bus confirming = process(vhost.settings().withPublisherConfirms());
        var inbox = new Inbox<Text>();
        process().listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> args)
                .on(NOTE.name(), Text.class, (args, context) -> {
                    inbox.add(args);
                    return null;
                })
                .build());

        assertThat(confirming.call(COMPUTE, ECHO, new Text("hi"), Text.class, TIMEOUT)).isEqualTo(new Text("hi"));
        confirming.cast(COMPUTE, NOTE, new Text("noted"));
        assertThat(inbox.next()).isEqualTo(new Text("noted"));
        assertThatThrownBy(() -> confirming.call(Target.of("nobody"), ECHO, new Text("hi"), Text.class, Duration.ofSeconds(30)))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("nobody listens there");
    }

    @Test
    void a_broker_that_cannot_be_reached_is_a_transport_exception_that_keeps_the_password_secret() {
        var unreachable = new RabbitSettings("amqp://guest:s3cret@127.0.0.1:1/%2F", null, Duration.ofSeconds(1), false, null);

        assertThatThrownBy(() -> RabbitBus.connect(unreachable, Clock.systemUTC()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(((BusException) e).retryable()).isTrue());
    }

    /** Calls until answered: while a queue is being declared again, the broker returns calls as unroutable. */
    private Text callUntilAnswered(Target target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return bus.call(target, ECHO, new Text("hi"), Text.class, Duration.ofSeconds(1));
            } catch (CallTimeoutException | TransportException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofMillis(100));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
