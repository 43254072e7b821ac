package dev.overcast.core.bus;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * The bus inside one JVM, for the all-in-one shape and for tests. Each instance is a world of its
 * own: no static state, so tests build as many as they like.
 *
 * <h2>Design</h2>
 * It copies the queues oslo.messaging declares on RabbitMQ, so that code tested here behaves the
 * same over the broker. A listener on (topic, server) consumes from the topic's shared queue and
 * from its server's queue, each dealing messages round-robin among its consumers
 * ({@link ConsumerQueue}); a fanout gives every consumer of the topic queue its own copy.
 *
 * <p>Every message crosses as JSON bytes: encoded on the sender's thread, decoded by each
 * receiver for itself (so no two handlers share a mutable tree), and replies likewise, through
 * the same {@link MessageCodec} as over the broker, read-back check included.
 *
 * <p>Each delivery runs on its own virtual thread, in no promised order, like oslo.messaging's
 * threaded executor. A call waits on a future that stands for its reply queue: when nobody
 * listens, the message is dropped and the call times out, exactly as over RabbitMQ, but the
 * timeout message says why. Closing a subscription takes it out of its queues before marking it
 * closed, so a delivery that picked it in between moves on to the next consumer, as the broker
 * would requeue it. Closing the bus fails waiting calls and interrupts running handlers rather
 * than waiting for them, because a stuck handler must not hang shutdown.
 */
public final class InProcessBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(InProcessBus.class);

    private final Clock clock;
    private final ExecutorService deliveries =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bus-", 0).factory());
    private final ConcurrentMap<QueueName, ConsumerQueue<Listener>> queues = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConsumerQueue<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<byte[]>> waitingCalls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A bus whose notifiers stamp time from {@code clock}. */
    public InProcessBus(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public <R> R call(Target target, Method method, Object args, Class<R> resultType, Duration timeout) {
        MessageCodec.requireTimeout(timeout);
        byte[] request = encode(target, method, args);
        var reply = new CompletableFuture<byte[]>();
        waitingCalls.add(reply);
        try {
            boolean heard = deliverToOne(target, request, answer -> reply.complete(MessageCodec.reply(answer)));
            try {
                return MessageCodec.result(reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS), method, resultType);
            } catch (TimeoutException e) {
                throw new CallTimeoutException(target, method, timeout, heard ? null : "nobody listens there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(target, method, e);
        } catch (ExecutionException e) {
            throw (BusException) e.getCause(); // only close() fails a reply, with a BusClosedException
        } finally {
            waitingCalls.remove(reply);
        }
    }

    @Override
    public void cast(Target target, Method method, Object args) {
        byte[] message = encode(target, method, args);
        if (!deliverToOne(target, message, reply -> logFailure(method, reply))) {
            log.warn("dropped cast {} to {}: nobody listens there", method, target);
        }
    }

    @Override
    public void fanout(Target target, Method method, Object args) {
        if (target.server() != null) {
            throw new IllegalArgumentException("a fanout reaches every server of a topic; " + target + " names one");
        }
        byte[] message = encode(target, method, args);
        ConsumerQueue<Listener> queue = queues.get(new QueueName(target.topic(), null));
        for (Listener listener : queue == null ? List.<Listener>of() : queue.all()) {
            execute(() -> {
                if (listener.isOpen()) {
                    logFailure(method, listener.handle(message));
                }
            });
        }
    }

    @Override
    public Subscription listen(String topic, String server, Dispatcher dispatcher) {
        requireName(topic, "a listener needs a topic");
        requireName(server, "a listener needs a server");
        Objects.requireNonNull(dispatcher, "dispatcher");
        requireOpen();
        var listener = new Listener(dispatcher, List.of(queue(topic, null), queue(topic, server)));
        listener.attach();
        return listener;
    }

    @Override
    public void publish(String topic, Notification notification) {
        requireOpen();
        byte[] message = MessageCodec.notification(notification);
        ConsumerQueue<Subscriber> queue = subscribers.get(topic);
        for (Subscriber subscriber : queue == null ? List.<Subscriber>of() : queue.all()) {
            if (notification.hasEventTypePrefix(subscriber.prefix) && subscriber.enqueue(message)) {
                execute(subscriber::drain);
            }
        }
    }

    @Override
    public Subscription subscribe(String topic, String eventTypePrefix, Consumer<Notification> handler) {
        requireName(topic, "a subscriber needs a topic");
        Objects.requireNonNull(eventTypePrefix, "eventTypePrefix (empty for all)");
        Objects.requireNonNull(handler, "handler");
        requireOpen();
        var subscriber = new Subscriber(eventTypePrefix, handler,
                subscribers.computeIfAbsent(topic, name -> new ConsumerQueue<>()));
        subscriber.queue.add(subscriber);
        return subscriber;
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
        queues.values().forEach(queue -> queue.all().forEach(Listener::close));
        subscribers.values().forEach(queue -> queue.all().forEach(Subscriber::close));
        waitingCalls.forEach(reply -> reply.completeExceptionally(new BusClosedException("the bus closed before a reply came")));
        deliveries.shutdownNow();
    }

    private byte[] encode(Target target, Method method, Object args) {
        requireOpen();
        return MessageCodec.request(target, method, args);
    }

    /** Hands the message to the consumer whose turn it is; false when the queue has none now. */
    private boolean deliverToOne(Target target, byte[] message, Consumer<Reply> onReply) {
        ConsumerQueue<Listener> queue = queues.get(new QueueName(target.topic(), target.server()));
        if (queue == null || queue.isEmpty()) {
            return false;
        }
        execute(() -> {
            for (Listener listener = queue.next(); listener != null; listener = queue.next()) {
                if (listener.isOpen()) {
                    onReply.accept(listener.handle(message));
                    return;
                }
            }
            log.debug("dropped a message to {}: its listeners closed before it arrived", target);
        });
        return true;
    }

    private static void logFailure(Method method, Reply reply) {
        if (reply instanceof Reply.Failure failure) {
            log.warn("{} failed and nobody waits for it: {}: {}", method, failure.className(), failure.message());
        }
    }

    private ConsumerQueue<Listener> queue(String topic, String server) {
        return queues.computeIfAbsent(new QueueName(topic, server), name -> new ConsumerQueue<>());
    }

    private void execute(Runnable delivery) {
        try {
            deliveries.execute(delivery);
        } catch (RejectedExecutionException e) {
            throw new BusClosedException("the bus closed while sending");
        }
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

    /** A queue: the topic's shared one when {@code server} is null, else the server's own. */
    private record QueueName(String topic, String server) {
    }

    /** One {@link #listen} call: a dispatcher consuming from the topic queue and its server queue. */
    private static final class Listener implements Subscription {
        private final Dispatcher dispatcher;
        private final List<ConsumerQueue<Listener>> queues;
        private volatile boolean open = true;

        Listener(Dispatcher dispatcher, List<ConsumerQueue<Listener>> queues) {
            this.dispatcher = dispatcher;
            this.queues = queues;
        }

        void attach() {
            queues.forEach(queue -> queue.add(this));
        }

        boolean isOpen() {
            return open;
        }

        Reply handle(byte[] message) {
            return MessageCodec.serve(dispatcher, message);
        }

        @Override
        public synchronized void close() {
            if (open) {
                queues.forEach(queue -> queue.remove(this)); // out of the queues first; see the class comment
                open = false;
            }
        }
    }

    /** One {@link #subscribe} call. */
    private static final class Subscriber implements Subscription {
        private final String prefix;
        private final Consumer<Notification> handler;
        private final ConsumerQueue<Subscriber> queue;
        /** Notifications not yet handed over, in the order they were published (as an AMQP queue keeps them). */
        private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile boolean open = true;

        Subscriber(String prefix, Consumer<Notification> handler, ConsumerQueue<Subscriber> queue) {
            this.prefix = prefix;
            this.handler = handler;
            this.queue = queue;
        }

        /** Queues a notification; true when no drain is running, so the caller must start one. */
        boolean enqueue(byte[] message) {
            inbox.add(message);
            return draining.compareAndSet(false, true);
        }

        /** Hands queued notifications over one at a time, so one subscriber sees them in order. */
        void drain() {
            do {
                for (byte[] message = inbox.poll(); message != null; message = inbox.poll()) {
                    deliver(message);
                }
                draining.set(false);
            } while (!inbox.isEmpty() && draining.compareAndSet(false, true));
        }

        void deliver(byte[] message) {
            if (!open) {
                return;
            }
            try {
                handler.accept(MessageCodec.readNotification(message));
            } catch (RuntimeException e) {
                log.warn("a subscriber to '{}' failed on a notification", prefix, e);
            }
        }

        @Override
        public synchronized void close() {
            if (open) {
                queue.remove(this);
                open = false;
            }
        }
    }
}
