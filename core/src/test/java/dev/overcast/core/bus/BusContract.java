package dev.overcast.core.bus;

import static dev.overcast.core.bus.Messages.ECHO;
import static dev.overcast.core.bus.Messages.NOTE;
import static dev.overcast.core.bus.Messages.SUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.overcast.core.bus.Messages.Cat;
import dev.overcast.core.bus.Messages.Counted;
import dev.overcast.core.bus.Messages.Pair;
import dev.overcast.core.bus.Messages.Text;
import dev.overcast.core.bus.Messages.Total;
import dev.overcast.core.bus.Messages.Unserialisable;
import dev.overcast.core.bus.Messages.Zoo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Bus} does, whatever carries the messages: each implementation's test extends
 * this and says how to build one. Tests that only make sense for one transport stay in its own
 * test class.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class BusContract {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration SHORT = Duration.ofMillis(100);
    static final Target COMPUTE = Target.of("compute");

    Bus bus;

    /** A fresh bus of the implementation under test, its notifiers stamping time from {@code clock}. */
    abstract Bus newBus(Clock clock);

    @BeforeEach
    void openBus() {
        bus = newBus(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @AfterEach
    void closeBus() {
        bus.close();
    }

    static Dispatcher echo(String server) {
        return Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> new Text(server + ": " + args.text()))
                .build();
    }

    static <A> Dispatcher recording(Method method, Class<A> argsType, Inbox<A> inbox) {
        return Dispatcher.builder("1.0")
                .on(method.name(), argsType, (args, context) -> {
                    inbox.add(args);
                    return null;
                })
                .build();
    }

    @Test
    void a_call_returns_the_handlers_result() {
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(SUM.name(), Pair.class, (args, context) -> new Total(args.a() + args.b()))
                .build());

        Total total = bus.call(COMPUTE, SUM, new Pair(2, 3), Total.class, TIMEOUT);

        assertThat(total).isEqualTo(new Total(5));
    }

    @Test
    void a_call_without_args_or_result_carries_nulls() throws InterruptedException {
        var inbox = new Inbox<String>();
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on("ping", Void.class, (args, context) -> {
                    inbox.add(String.valueOf(args));
                    return null;
                })
                .build());

        Void result = bus.call(COMPUTE, Method.of("ping", "1.0"), null, Void.class, TIMEOUT);

        assertThat(result).isNull();
        assertThat(inbox.next()).isEqualTo("null");
    }

    @Test
    void a_call_times_out_when_nobody_listens() {
        assertThatThrownBy(() -> bus.call(COMPUTE, ECHO, new Text("hello"), Text.class, SHORT))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("echo 1.0")
                .hasMessageContaining("nobody listens there")
                .satisfies(e -> assertThat(((BusException) e).retryable()).isTrue());
    }

    @Test
    void a_call_times_out_when_the_handler_is_too_slow() {
        var release = new CountDownLatch(1);
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> {
                    release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return args;
                })
                .build());
        try {
            assertThatThrownBy(() -> bus.call(COMPUTE, ECHO, new Text("hello"), Text.class, SHORT))
                    .isInstanceOf(CallTimeoutException.class)
                    .hasMessageNotContaining("nobody listens");
        } finally {
            release.countDown();
        }
    }

    @Test
    void a_handlers_exception_comes_back_as_a_remote_error_with_its_class_and_message() {
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> {
                    throw new IllegalStateException("instance is locked");
                })
                .build());

        assertThatThrownBy(() -> bus.call(COMPUTE, ECHO, new Text("hello"), Text.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.className()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(e.remoteMessage()).isEqualTo("instance is locked");
                    assertThat(e.retryable()).isFalse();
                });
    }

    static final class HostBusyException extends RuntimeException implements Retryable {
        HostBusyException() {
            super("host1 is busy");
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    @Test
    void a_handler_exception_that_says_it_is_retryable_comes_back_retryable() {
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> {
                    throw new HostBusyException();
                })
                .build());

        assertThatThrownBy(() -> bus.call(COMPUTE, ECHO, new Text("hello"), Text.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.className()).endsWith("HostBusyException");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void a_remote_error_raised_by_a_nested_call_reaches_the_first_caller_unchanged() {
        bus.listen("conductor", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> {
                    throw new HostBusyException();
                })
                .build());
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> bus.call(Target.of("conductor"), ECHO, args, Text.class, TIMEOUT))
                .build());

        assertThatThrownBy(() -> bus.call(COMPUTE, ECHO, new Text("hello"), Text.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.className()).endsWith("HostBusyException");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void a_call_to_a_method_the_listener_lacks_is_a_no_such_method_remote_error() {
        bus.listen("compute", "host1", echo("host1"));

        assertThatThrownBy(() -> bus.call(COMPUTE, Method.of("reboot", "1.0"), null, Void.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.className()).isEqualTo(RemoteError.NO_SUCH_METHOD);
                    assertThat(e.remoteMessage()).contains("'reboot'", "[echo]");
                });
    }

    @Test
    void args_that_do_not_fit_the_listeners_record_come_back_as_a_message_format_remote_error() {
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on("count", Counted.class, (args, context) -> args)
                .build());

        assertThatThrownBy(() -> bus.call(COMPUTE, Method.of("count", "1.0"), Map.of("count", "many"), Counted.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class, e -> {
                    assertThat(e.className()).isEqualTo(MessageFormatException.class.getName());
                    assertThat(e.remoteMessage()).contains("the args of count 1.0", "Counted");
                });
    }

    @Test
    void an_unserialisable_result_comes_back_as_a_message_format_remote_error() {
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> new Unserialisable(null))
                .build());

        assertThatThrownBy(() -> bus.call(COMPUTE, ECHO, new Text("hello"), Text.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class,
                        e -> assertThat(e.className()).isEqualTo(MessageFormatException.class.getName()));
    }

    @Test
    void an_unserialisable_arg_fails_on_send() {
        var inbox = new Inbox<Text>();
        bus.listen("compute", "host1", recording(NOTE, Text.class, inbox));

        assertThatThrownBy(() -> bus.cast(COMPUTE, NOTE, new Unserialisable(null)))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("the args of note 1.0");
        assertThatThrownBy(() -> bus.call(COMPUTE, NOTE, new Unserialisable(null), Void.class, TIMEOUT))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void an_arg_that_serialises_but_does_not_read_back_fails_on_send() {
        assertThatThrownBy(() -> bus.cast(COMPUTE, NOTE, new Zoo(List.of(new Cat("Tom")))))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("as Zoo");
    }

    @Test
    void the_request_context_travels_with_calls_and_is_current_in_handlers_and_their_own_calls() {
        var whoami = Method.of("whoami", "1.0");
        bus.listen("identity", "host1", Dispatcher.builder("1.0")
                .on(whoami.name(), Void.class, (args, context) -> RequestContext.current())
                .build());
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(whoami.name(), Void.class, (args, context) -> {
                    assertThat(RequestContext.current()).isEqualTo(context);
                    return bus.call(Target.of("identity"), whoami, null, RequestContext.class, TIMEOUT);
                })
                .build());
        var context = new RequestContext("req-1", "req-global", "user-1", null);

        RequestContext seen = context.call(() -> bus.call(COMPUTE, whoami, null, RequestContext.class, TIMEOUT));

        assertThat(seen).isEqualTo(context);
        assertThat(bus.call(COMPUTE, whoami, null, RequestContext.class, TIMEOUT)).isEqualTo(RequestContext.EMPTY);
    }

    @Test
    void casts_go_round_robin_among_the_listeners_of_a_topic() throws InterruptedException {
        var inbox = new Inbox<String>();
        for (String host : List.of("host1", "host2", "host3")) {
            bus.listen("compute", host, Dispatcher.builder("1.0")
                    .on(NOTE.name(), Text.class, (args, context) -> {
                        inbox.add(host);
                        return null;
                    })
                    .build());
        }

        for (int i = 0; i < 9; i++) {
            bus.cast(COMPUTE, NOTE, new Text("note " + i));
        }

        Map<String, Long> perHost = inbox.next(9).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perHost).containsOnly(Map.entry("host1", 3L), Map.entry("host2", 3L), Map.entry("host3", 3L));
    }

    @Test
    void calls_to_a_topic_go_round_robin_too() {
        bus.listen("compute", "host1", echo("host1"));
        bus.listen("compute", "host2", echo("host2"));

        var answers = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            answers.add(bus.call(COMPUTE, ECHO, new Text("hi"), Text.class, TIMEOUT).text());
        }

        assertThat(answers).containsExactlyInAnyOrder("host1: hi", "host1: hi", "host2: hi", "host2: hi");
    }

    @Test
    void a_cast_to_a_server_reaches_only_that_server() throws InterruptedException {
        var host1 = new Inbox<Text>();
        var host2 = new Inbox<Text>();
        bus.listen("compute", "host1", recording(NOTE, Text.class, host1));
        bus.listen("compute", "host2", recording(NOTE, Text.class, host2));

        for (int i = 0; i < 4; i++) {
            bus.cast(COMPUTE.onServer("host2"), NOTE, new Text("for host2 " + i));
        }

        assertThat(host2.next(4)).extracting(Text::text).allMatch(text -> text.startsWith("for host2"));
        host1.assertNothingMoreArrives();
    }

    @Test
    void a_call_to_a_server_is_answered_by_that_server() {
        bus.listen("compute", "host1", echo("host1"));
        bus.listen("compute", "host2", echo("host2"));

        for (int i = 0; i < 4; i++) {
            assertThat(bus.call(COMPUTE.onServer("host2"), ECHO, new Text("hi"), Text.class, TIMEOUT))
                    .isEqualTo(new Text("host2: hi"));
        }
    }

    @Test
    void a_fanout_reaches_every_listener_of_the_topic_and_no_other() throws InterruptedException {
        var computes = new Inbox<Text>();
        var scheduler = new Inbox<Text>();
        bus.listen("compute", "host1", recording(NOTE, Text.class, computes));
        bus.listen("compute", "host2", recording(NOTE, Text.class, computes));
        bus.listen("compute", "host3", recording(NOTE, Text.class, computes));
        bus.listen("scheduler", "host1", recording(NOTE, Text.class, scheduler));

        bus.fanout(COMPUTE, NOTE, new Text("refresh"));

        assertThat(computes.next(3)).containsOnly(new Text("refresh"));
        computes.assertNothingMoreArrives();
        scheduler.assertNothingMoreArrives();
    }

    @Test
    void a_fanout_to_one_server_is_refused() {
        assertThatThrownBy(() -> bus.fanout(COMPUTE.onServer("host1"), NOTE, new Text("refresh")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names one");
    }

    @Test
    void a_cast_nobody_listens_to_is_dropped_without_error() {
        bus.cast(COMPUTE, NOTE, new Text("into the void"));
        bus.fanout(COMPUTE, NOTE, new Text("into the void"));
    }

    @Test
    void closing_a_subscription_stops_delivery_and_its_share_goes_to_the_others() throws InterruptedException {
        var closed = new Inbox<Text>();
        var open = new Inbox<Text>();
        Subscription subscription = bus.listen("compute", "host1", recording(NOTE, Text.class, closed));
        bus.listen("compute", "host2", recording(NOTE, Text.class, open));

        subscription.close();
        subscription.close();
        for (int i = 0; i < 4; i++) {
            bus.cast(COMPUTE, NOTE, new Text("cast " + i));
        }
        bus.fanout(COMPUTE, NOTE, new Text("fanout"));
        bus.cast(COMPUTE.onServer("host1"), NOTE, new Text("direct"));

        assertThat(open.next(5)).hasSize(5);
        closed.assertNothingMoreArrives();
        open.assertNothingMoreArrives();
        assertThatThrownBy(() -> bus.call(COMPUTE.onServer("host1"), NOTE, new Text("hello"), Void.class, SHORT))
                .isInstanceOf(CallTimeoutException.class)
                .hasMessageContaining("nobody listens");
    }

    @Test
    void closing_the_bus_fails_waiting_calls_and_refuses_new_messages() throws Exception {
        var started = new CountDownLatch(1);
        bus.listen("compute", "host1", Dispatcher.builder("1.0")
                .on(ECHO.name(), Text.class, (args, context) -> {
                    started.countDown();
                    Thread.sleep(TIMEOUT); // until close() interrupts it
                    return args;
                })
                .build());

        try (var caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Text> waiting = caller.submit(() -> bus.call(COMPUTE, ECHO, new Text("hello"), Text.class, TIMEOUT));
            assertThat(started.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            bus.close();

            assertThatThrownBy(() -> waiting.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .hasCauseInstanceOf(BusClosedException.class);
        }
        assertThatThrownBy(() -> bus.cast(COMPUTE, NOTE, new Text("late"))).isInstanceOf(BusClosedException.class);
        assertThatThrownBy(() -> bus.listen("compute", "host2", echo("host2"))).isInstanceOf(BusClosedException.class);
    }

    @Test
    void a_thousand_concurrent_calls_each_get_their_own_answer() throws Exception {
        var inFlight = new AtomicInteger();
        var mostInFlight = new AtomicInteger();
        for (String host : List.of("host1", "host2")) {
            bus.listen("compute", host, Dispatcher.builder("1.0")
                    .on(SUM.name(), Pair.class, (args, context) -> {
                        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.sleep(5);
                        inFlight.decrementAndGet();
                        return new Total(args.a() + args.b());
                    })
                    .build());
        }

        var answers = new ArrayList<Future<Total>>();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) {
                int n = i;
                answers.add(callers.submit(() -> bus.call(COMPUTE, SUM, new Pair(n, n), Total.class, TIMEOUT)));
            }
        }

        for (int i = 0; i < 1000; i++) {
            assertThat(answers.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Total(2 * i));
        }
        assertThat(mostInFlight.get()).as("handlers ran concurrently").isGreaterThan(1);
    }

    @Test
    void a_call_needs_a_positive_timeout() {
        assertThatThrownBy(() -> bus.call(COMPUTE, ECHO, new Text("hi"), Text.class, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
    @Test
    void a_message_above_the_targets_version_cap_is_refused_before_it_is_sent() throws InterruptedException {
        var inbox = new Inbox<Text>();
        bus.listen("compute", "host1", Dispatcher.builder("5.1")
                .on("build", Text.class, (args, context) -> {
                    inbox.add(args);
                    return null;
                })
                .build());
        Target pinned = COMPUTE.pinnedTo("5.0");

        assertThatThrownBy(() -> bus.call(pinned, Method.of("build", "5.1"), new Text("vm1"), Text.class, TIMEOUT))
                .isInstanceOf(VersionCapException.class);
        assertThatThrownBy(() -> bus.cast(pinned, Method.of("build", "5.1"), new Text("vm1")))
                .isInstanceOf(VersionCapException.class);
        assertThatThrownBy(() -> bus.fanout(pinned, Method.of("build", "5.1"), new Text("vm1")))
                .isInstanceOf(VersionCapException.class);
        inbox.assertNothingMoreArrives();
    }

    @Test
    void a_listener_refuses_a_message_version_it_cannot_read_with_an_unsupported_version_remote_error() {
        bus.listen("compute", "host1", Dispatcher.builder("5.0")
                .on("build", Text.class, (args, context) -> args)
                .build());

        assertThat(bus.call(COMPUTE, Method.of("build", "5.0"), new Text("vm1"), Text.class, TIMEOUT)).isEqualTo(new Text("vm1"));
        assertThatThrownBy(() -> bus.call(COMPUTE, Method.of("build", "5.1"), new Text("vm1"), Text.class, TIMEOUT))
                .isInstanceOfSatisfying(RemoteError.class,
                        e -> assertThat(e.className()).isEqualTo(RemoteError.UNSUPPORTED_VERSION));
    }
}
