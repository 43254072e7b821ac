package dev.overcast.core.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import dev.overcast.core.bus.RabbitConsumer.Binding;
import dev.overcast.core.bus.RabbitConsumer.Spec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus over RabbitMQ (AMQP 0-9-1), for roles in separate processes. One instance is one
 * connection; build it with {@link #connect}.
 *
 * <h2>Design</h2>
 * It declares what oslo.messaging declares, so the {@link Bus} Javadoc reads as a description of
 * the broker's state: one topic exchange ({@link RabbitSettings#exchange()}); for each listener,
 * the shared queue {@code topic} (the broker deals its messages round-robin among its consumers),
 * the queue {@code topic.server}, and a queue of its own, {@code topic_fanout_<id>}, bound to the
 * fanout exchange {@code topic_fanout}; for each subscriber, a queue of its own bound to
 * {@code topic.<priority>} for every {@link Priority}; and one reply queue per bus, {@code reply_<id>}.
 * Messages are the same JSON bytes as in-process, through the same {@link MessageCodec}. As with
 * oslo.messaging, calls and notifications share the exchange, so a notification topic must not also
 * be an RPC topic with a server named like a priority ({@code info}, {@code error}, ...).
 *
 * <p>Unlike oslo.messaging, every queue is auto-deleted with its last consumer: a message to a
 * topic or server nobody listens on is unroutable rather than parked for a listener that may come
 * back. So a call or cast is published {@code mandatory}, and the broker returns what no queue
 * took: a call then fails at once with a {@link CallTimeoutException} that says nobody listens
 * there (without waiting out its timeout, as nothing can answer), and a cast is dropped with a
 * warning, as in-process. A call also carries its timeout as the message's expiration, so a
 * request nobody took in time is not run after its caller gave up.
 *
 * <p>A listener acknowledges a message when it takes it and runs the handler on a virtual thread
 * of its own, so handlers run concurrently and a slow one holds up nothing. A closed listener no
 * longer takes messages; what reached it unacknowledged goes back to the queue when its channel
 * closes, and so to the topic's other listeners. Handlers already running finish and reply.
 * Subscribers, in contrast, run their handler on the channel's own dispatch thread and
 * acknowledge afterwards, so each sees notifications in the order they were published, and a slow
 * one makes its own queue grow at the broker, not this process's memory.
 *
 * <p>The connection recovers by itself (the client's automatic recovery redeclares queues,
 * bindings and consumers); sends while it is down fail with a {@link TransportException}, and
 * calls waiting when it dropped time out. Closing the bus fails waiting calls, interrupts running
 * handlers and closes the connection, which cancels every consumer at once.
 */
public final class RabbitBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(RabbitBus.class);
    private static final String NOBODY_LISTENS = "nobody listens there";
    private static final String JSON = "application/json";
    /** Unacknowledged notifications the broker sends a subscriber ahead of its handler. */
    private static final int SUBSCRIBER_PREFETCH = 100;

    private final RabbitSettings settings;
    private final Clock clock;
    private final Connection connection;
    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rabbit-bus-", 0).factory());
    private final RabbitPublisher publisher;
    private final String replyQueue = "reply_" + shortId();
    private final ConcurrentMap<String, PendingCall> pendingCalls = new ConcurrentHashMap<>();
    private final Set<Attached> attached = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed;
    private RabbitConsumer replies;

    private RabbitBus(RabbitSettings settings, Clock clock, Connection connection, AtomicBoolean closed) {
        this.settings = settings;
        this.clock = clock;
        this.connection = connection;
        this.closed = closed;
        this.publisher = new RabbitPublisher(connection, settings, this::returned);
    }

    /**
     * Connects to the broker in {@code settings}, declares the topic exchange and this bus's reply
     * queue; a {@link TransportException} when the broker cannot be reached or refuses.
     */
    public static RabbitBus connect(RabbitSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        var closed = new AtomicBoolean();
        Connection connection = RabbitConnections.open(settings, closed::get);
        var bus = new RabbitBus(settings, clock, connection, closed);
        try {
            bus.start();
        } catch (RuntimeException e) {
            bus.close();
            throw e;
        }
        return bus;
    }

    private void start() {
        publisher.declareExchange(settings.exchange(), BuiltinExchangeType.TOPIC);
        replies = RabbitConsumer.start(connection, new Spec(replyQueue, true, List.of(), true, 0), this::replied, tasks);
    }

    /** The settings this bus connected with. */
    public RabbitSettings settings() {
        return settings;
    }

    @Override
    public <R> R call(Target target, Method method, Object args, Class<R> resultType, Duration timeout) {
        MessageCodec.requireTimeout(timeout);
        byte[] request = encode(target, method, args);
        String id = UUID.randomUUID().toString();
        var call = new PendingCall(target, method, timeout, new CompletableFuture<>());
        pendingCalls.put(id, call);
        try {
            requireOpen(); // again: close() fails only the calls it finds waiting
            var properties = properties(method, id)
                    .replyTo(replyQueue)
                    .expiration(Long.toString(Math.max(1, timeout.toMillis())))
                    .build();
            send(settings.exchange(), routingKey(target), true, properties, request);
            return MessageCodec.result(call.reply().get(timeout.toNanos(), TimeUnit.NANOSECONDS), method, resultType);
        } catch (TimeoutException e) {
            throw new CallTimeoutException(target, method, timeout, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(target, method, e);
        } catch (ExecutionException e) {
            throw (BusException) e.getCause(); // a return (nobody listens) or close()
        } finally {
            pendingCalls.remove(id);
        }
    }

    @Override
    public void cast(Target target, Method method, Object args) {
        byte[] message = encode(target, method, args);
        send(settings.exchange(), routingKey(target), true, properties(method, UUID.randomUUID().toString()).build(), message);
    }

    @Override
    public void fanout(Target target, Method method, Object args) {
        if (target.server() != null) {
            throw new IllegalArgumentException("a fanout reaches every server of a topic; " + target + " names one");
        }
        byte[] message = encode(target, method, args);
        String exchange = fanoutExchange(target.topic());
        guarded(() -> publisher.declareExchange(exchange, BuiltinExchangeType.FANOUT));
        send(exchange, "", false, properties(method, UUID.randomUUID().toString()).build(), message);
    }

    @Override
    public Subscription listen(String topic, String server, Dispatcher dispatcher) {
        requireName(topic, "a listener needs a topic");
        requireName(server, "a listener needs a server");
        Objects.requireNonNull(dispatcher, "dispatcher");
        requireOpen();
        var byTopic = new Binding(settings.exchange(), BuiltinExchangeType.TOPIC, topic);
        var byServer = new Binding(settings.exchange(), BuiltinExchangeType.TOPIC, topic + "." + server);
        var byFanout = new Binding(fanoutExchange(topic), BuiltinExchangeType.FANOUT, "");
        var listener = new Listener(topic + "." + server, dispatcher);
        return attach(listener, List.of(
                new Spec(topic, false, List.of(byTopic), false, 0),
                new Spec(topic + "." + server, false, List.of(byServer), false, 0),
                new Spec(topic + "_fanout_" + shortId(), true, List.of(byFanout), false, 0)));
    }

    @Override
    public void publish(String topic, Notification notification) {
        requireOpen();
        byte[] message = MessageCodec.notification(notification);
        var properties = new AMQP.BasicProperties.Builder()
                .contentType(JSON)
                .messageId(notification.messageId().toString())
                .type(notification.eventType())
                .build();
        send(settings.exchange(), topic + "." + priorityKey(notification.priority()), false, properties, message);
    }

    @Override
    public Subscription subscribe(String topic, String eventTypePrefix, Consumer<Notification> handler) {
        requireName(topic, "a subscriber needs a topic");
        Objects.requireNonNull(eventTypePrefix, "eventTypePrefix (empty for all)");
        Objects.requireNonNull(handler, "handler");
        requireOpen();
        var bindings = new ArrayList<Binding>();
        for (Priority priority : Priority.values()) {
            bindings.add(new Binding(settings.exchange(), BuiltinExchangeType.TOPIC, topic + "." + priorityKey(priority)));
        }
        var subscriber = new Subscriber(eventTypePrefix, handler);
        return attach(subscriber, List.of(
                new Spec(topic + "_subscriber_" + shortId(), true, List.copyOf(bindings), false, SUBSCRIBER_PREFETCH)));
    }

    @Override
    public Notifier notifier(String topic, String publisherId) {
        return new Notifier(this, topic, publisherId, clock);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        attached.forEach(Attached::abandon); // the connection's close below cancels their consumers at once
        var closing = new BusClosedException("the bus closed before a reply came");
        pendingCalls.values().forEach(call -> call.reply().completeExceptionally(closing));
        tasks.shutdownNow();
        try {
            connection.close((int) settings.connectTimeout().toMillis());
        } catch (IOException | ShutdownSignalException e) {
            log.debug("closing the connection to {} failed: {}", settings.redactedUri(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "RabbitBus[" + settings.redactedUri() + ", exchange " + settings.exchange() + "]";
    }

    private byte[] encode(Target target, Method method, Object args) {
        requireOpen();
        return MessageCodec.request(target, method, args);
    }

    private void send(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties, byte[] body) {
        guarded(() -> publisher.publish(exchange, routingKey, mandatory, properties, body));
    }

    /** Runs a broker operation; its failure is a {@link BusClosedException} once the bus is closed. */
    private void guarded(Runnable operation) {
        try {
            operation.run();
        } catch (TransportException e) {
            if (closed.get()) {
                throw new BusClosedException("the bus closed while sending");
            }
            throw e;
        }
    }

    private Subscription attach(Attached subscription, List<Spec> queues) {
        attached.add(subscription);
        try {
            for (Spec queue : queues) {
                subscription.consumers().add(RabbitConsumer.start(connection, queue, subscription::accept, tasks));
            }
        } catch (TransportException e) {
            subscription.close();
            requireOpen();
            throw e;
        }
        if (closed.get()) {
            subscription.close();
            requireOpen();
        }
        return subscription;
    }

    /** A message the broker could not route: a call fails at once, a cast is dropped with a warning. */
    private void returned(Return returned) {
        String id = returned.getProperties().getCorrelationId();
        PendingCall call = id == null ? null : pendingCalls.get(id);
        if (call != null) {
            call.reply().completeExceptionally(new CallTimeoutException(call.target(), call.method(), call.timeout(), NOBODY_LISTENS));
        } else if (returned.getProperties().getReplyTo() != null) {
            log.debug("call {} to {} came back unroutable after its caller stopped waiting",
                    returned.getProperties().getType(), returned.getRoutingKey());
        } else {
            log.warn("dropped cast {} to {}: {}", returned.getProperties().getType(), returned.getRoutingKey(), NOBODY_LISTENS);
        }
    }

    private void replied(Delivery delivery, Runnable ack) {
        String id = delivery.getProperties().getCorrelationId();
        PendingCall call = id == null ? null : pendingCalls.get(id);
        if (call != null) {
            call.reply().complete(delivery.getBody());
        } else {
            log.debug("a reply came for a call no longer waiting ({})", delivery.getProperties().getType());
        }
    }

    private AMQP.BasicProperties.Builder properties(Method method, String id) {
        return new AMQP.BasicProperties.Builder()
                .contentType(JSON)
                .messageId(id)
                .correlationId(id)
                .type(method.toString());
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new BusClosedException("the bus is closed");
        }
    }

    private static void requireName(String name, String message) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String routingKey(Target target) {
        return target.server() == null ? target.topic() : target.topic() + "." + target.server();
    }

    private static String fanoutExchange(String topic) {
        return topic + "_fanout";
    }

    /** As oslo.messaging writes priorities in routing keys: {@code versioned_notifications.info}. */
    private static String priorityKey(Priority priority) {
        return priority.name().toLowerCase(Locale.ROOT);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A call waiting for its reply. */
    private record PendingCall(Target target, Method method, Duration timeout, CompletableFuture<byte[]> reply) {
    }

    /** A listener or subscriber: the queues it consumes and what it does with their messages. */
    private abstract class Attached implements Subscription {
        private final List<RabbitConsumer> consumers = new CopyOnWriteArrayList<>();
        private boolean open = true; // guarded by this

        List<RabbitConsumer> consumers() {
            return consumers;
        }

        /** Takes a delivery from one of its queues; see {@link RabbitConsumer.Sink}. */
        abstract void accept(Delivery delivery, Runnable ack);

        synchronized boolean isOpen() {
            return open;
        }

        /** Stops taking messages; the caller tells the broker, or closes the connection. */
        synchronized boolean detach() {
            boolean wasOpen = open;
            open = false;
            return wasOpen;
        }

        /** The bus is closing its connection: stops taking messages (a subscriber also interrupts its handler). */
        void abandon() {
            detach();
        }

        @Override
        public void close() {
            if (detach()) {
                consumers.forEach(RabbitConsumer::close);
            }
            attached.remove(this);
        }
    }

    /** One {@link #listen} call. */
    private final class Listener extends Attached {
        private final String name;
        private final Dispatcher dispatcher;

        Listener(String name, Dispatcher dispatcher) {
            this.name = name;
            this.dispatcher = dispatcher;
        }

        @Override
        synchronized void accept(Delivery delivery, Runnable ack) {
            if (!isOpen()) {
                return; // unacknowledged: back to the queue, for another listener, when this channel closes
            }
            try {
                tasks.execute(() -> serve(delivery));
                ack.run();
            } catch (RejectedExecutionException e) {
                log.debug("{} left a message unhandled: the bus is closing", name);
            }
        }

        private void serve(Delivery delivery) {
            Reply reply = MessageCodec.serve(dispatcher, delivery.getBody());
            AMQP.BasicProperties request = delivery.getProperties();
            if (request.getReplyTo() == null) {
                if (reply instanceof Reply.Failure failure) {
                    log.warn("{} failed and nobody waits for it: {}: {}", request.getType(), failure.className(), failure.message());
                }
                return;
            }
            var properties = new AMQP.BasicProperties.Builder()
                    .contentType(JSON)
                    .correlationId(request.getCorrelationId())
                    .type(request.getType())
                    .build();
            try {
                publisher.publish("", request.getReplyTo(), false, properties, MessageCodec.reply(reply));
            } catch (TransportException e) {
                if (closed.get()) {
                    log.debug("{} could not reply to {}: the bus is closed", name, request.getType());
                } else {
                    log.warn("{} could not reply to {}: {}", name, request.getType(), e.getMessage());
                }
            }
        }
    }

    /** One {@link #subscribe} call. */
    private final class Subscriber extends Attached {
        private final String prefix;
        private final Consumer<Notification> handler;
        /** The dispatch thread running the handler now, if any, for {@link #abandon} to interrupt. */
        private volatile Thread running;

        Subscriber(String prefix, Consumer<Notification> handler) {
            this.prefix = prefix;
            this.handler = handler;
        }

        @Override
        void accept(Delivery delivery, Runnable ack) {
            if (!isOpen()) {
                return;
            }
            running = Thread.currentThread();
            try {
                Notification notification = MessageCodec.readNotification(delivery.getBody());
                if (notification.hasEventTypePrefix(prefix)) {
                    handler.accept(notification);
                }
            } catch (RuntimeException e) {
                log.warn("a subscriber to '{}' failed on a notification", prefix, e);
            } finally {
                running = null;
                Thread.interrupted(); // an interrupt meant for the handler stops with it, not in the client
            }
            ack.run();
        }

        @Override
        void abandon() {
            super.abandon();
            Thread handling = running;
            if (handling != null) {
                handling.interrupt();
            }
        }
    }
}
