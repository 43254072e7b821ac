package dev.overcast.core.bus;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The message bus between Overcast's roles. Every message is JSON: an {@link Envelope} of method,
 * version, args and the sender's {@link RequestContext#current() request context}; args and
 * results are records. A value that does not convert fails with {@link MessageFormatException}.
 *
 * <p>The operations map onto AMQP 0-9-1 the way oslo.messaging does, so the RabbitMQ transport
 * is a translation, not a redesign:
 * <ul>
 * <li>{@link #call} and {@link #cast} to a topic publish to the topic exchange with routing key
 *     {@code topic}; every listener on the topic consumes from that one queue, so the broker
 *     deals messages round-robin. To a server, the routing key is {@code topic.server}, whose
 *     queue only that server's listeners consume.</li>
 * <li>{@link #fanout} publishes to the fanout exchange {@code topic_fanout}; each listener has its
 *     own queue bound to it.</li>
 * <li>A call's reply comes back on the caller's own reply queue, matched by message id; no
 *     reply within the timeout is a {@link CallTimeoutException}, a failed handler a {@link RemoteError}.</li>
 * <li>{@link #publish} sends to the topic exchange with routing key {@code topic.priority};
 *     each subscriber has its own queue and filters by event type.</li>
 * </ul>
 *
 * <p>Every send checks the target's version cap first ({@link Target}), and every listener
 * checks the message version against what its {@link Dispatcher} reads. Handlers run on virtual
 * threads, concurrently and in no promised order.
 */
public interface Bus extends AutoCloseable {

    /**
     * Sends a request to one listener of the target and waits for its result.
     *
     * @param args       the args record, or {@code null} for none
     * @param resultType the record the result reads as; {@code Void.class} for none
     * @throws CallTimeoutException    when nobody answered within {@code timeout}
     * @throws RemoteError             when the handler, or the listener, failed
     * @throws VersionCapException     when the method's version is above the target's cap
     * @throws MessageFormatException  when the args or the result do not convert
     * @throws CallInterruptedException when this thread was interrupted while waiting
     */
    <R> R call(Target target, Method method, Object args, Class<R> resultType, Duration timeout);

    /**
     * Sends a message to one listener of the target (round-robin among the topic's listeners,
     * or the named server's) and returns at once. Nobody learns of a handler's failure but the
     * listener's log; a cast that nobody listens to is dropped, as RabbitMQ would drop it.
     */
    void cast(Target target, Method method, Object args);

    /**
     * Sends a message to every listener of the target's topic and returns at once.
     *
     * @throws IllegalArgumentException when the target names a server
     */
    void fanout(Target target, Method method, Object args);

    /**
     * Starts serving {@code topic} as {@code server}: calls and casts to the topic (shared
     * round-robin with its other listeners) and to {@code topic.server}, and every fanout.
     */
    Subscription listen(String topic, String server, Dispatcher dispatcher);

    /** Publishes a notification to every subscriber of {@code topic} whose prefix matches it. */
    void publish(String topic, Notification notification);

    /**
     * Hands {@code handler} every notification on {@code topic} whose event type starts with
     * {@code eventTypePrefix} (see {@link Notification#hasEventTypePrefix}; empty for all). Each
     * subscriber sees each notification, like an oslo.messaging listener with its own pool.
     */
    Subscription subscribe(String topic, String eventTypePrefix, Consumer<Notification> handler);

    /** A notifier for {@code publisherId} on {@code topic} that stamps time from this bus's clock. */
    Notifier notifier(String topic, String publisherId);

    /**
     * Closes every subscription, fails calls still waiting with {@link BusClosedException} and
     * stops running handlers. Sending afterwards is a {@link BusClosedException}.
     */
    @Override
    void close();
}
