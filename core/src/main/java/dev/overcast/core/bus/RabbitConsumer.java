package dev.overcast.core.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue a {@link RabbitBus} consumes, on a channel of its own: it declares the queue (never
 * durable, always auto-deleted), declares and binds the exchanges it names, and consumes.
 *
 * <p>A channel of its own, because the broker closes a channel on any error, and because the
 * client hands one channel's deliveries over one at a time, in order: a subscriber relies on that
 * order, and a listener only starts a thread per delivery, so no channel holds up another.
 *
 * <p>Auto-deleted queues race: when the last consumer of {@code compute} leaves just as another
 * process starts one, the newcomer can declare the queue a moment before the broker deletes it,
 * and then fail to bind or consume ({@code 404}), or have its consumer cancelled by the broker.
 * Both mean "declare again", so this class does: a few times on a 404 while starting, and
 * whenever the broker cancels the consumer later. Connection failures are the client's automatic
 * recovery's business, which declares, binds and consumes again by itself.
 */
final class RabbitConsumer {
    private static final Logger log = LoggerFactory.getLogger(RabbitConsumer.class);
    private static final int ATTEMPTS = 5;
    private static final Runnable NO_ACK = () -> { };

    /**
     * What to consume.
     *
     * @param queue     the queue's name
     * @param exclusive whether only this connection may use it (and it goes with the connection)
     * @param bindings  what routes to it; none for a queue reached by name through the default exchange
     * @param autoAck   whether the broker forgets a message once sent; otherwise the sink acknowledges
     * @param prefetch  how many unacknowledged messages the broker sends ahead; 0 for no limit
     */
    record Spec(String queue, boolean exclusive, List<Binding> bindings, boolean autoAck, int prefetch) {
    }

    /** An exchange (declared if missing: not durable, not auto-deleted) and a binding key on it. */
    record Binding(String exchange, BuiltinExchangeType type, String routingKey) {
    }

    /**
     * Takes each delivery, on the channel's dispatch thread, one at a time. Unless the spec
     * auto-acknowledges, it runs {@code ack} once it has taken the message; a message it never
     * acknowledges goes back to the queue when the channel closes. It must not throw: the client
     * closes the channel of a consumer that throws.
     */
    @FunctionalInterface
    interface Sink {
        void accept(Delivery delivery, Runnable ack);
    }

    private final Connection connection;
    private final Spec spec;
    private final Sink sink;
    private final Executor restarts;
    private Channel channel; // guarded by this
    private boolean closed; // guarded by this

    private RabbitConsumer(Connection connection, Spec spec, Sink sink, Executor restarts) {
        this.connection = connection;
        this.spec = spec;
        this.sink = sink;
        this.restarts = restarts;
    }

    /** Declares, binds and starts consuming; a {@link TransportException} if the broker will not have it. */
    static RabbitConsumer start(Connection connection, Spec spec, Sink sink, Executor restarts) {
        var consumer = new RabbitConsumer(connection, spec, sink, restarts);
        consumer.subscribe();
        return consumer;
    }

    String queue() {
        return spec.queue();
    }

    /** Stops consuming. Closing the channel cancels the consumer and requeues what it never acknowledged. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(channel);
        }
    }

    private synchronized void subscribe() {
        for (int attempt = 1; ; attempt++) {
            Channel fresh = null;
            try {
                fresh = connection.createChannel();
                if (fresh == null) {
                    throw new TransportException("the connection to the broker has no channel left", null);
                }
                declareAndConsume(fresh);
                channel = fresh;
                return;
            } catch (IOException | ShutdownSignalException e) {
                closeQuietly(fresh);
                if (RabbitErrors.replyCode(e) != AMQP.NOT_FOUND || attempt == ATTEMPTS) {
                    throw new TransportException("cannot consume from queue " + spec.queue() + ": " + RabbitErrors.reason(e), e);
                }
                log.debug("queue {} went away while it was being declared; declaring it again", spec.queue());
                pause(attempt);
            }
        }
    }

    private void declareAndConsume(Channel fresh) throws IOException {
        if (spec.prefetch() > 0) {
            fresh.basicQos(spec.prefetch());
        }
        fresh.queueDeclare(spec.queue(), false, spec.exclusive(), true, null);
        for (Binding binding : spec.bindings()) {
            fresh.exchangeDeclare(binding.exchange(), binding.type(), false);
            fresh.queueBind(spec.queue(), binding.exchange(), binding.routingKey());
        }
        fresh.basicConsume(spec.queue(), spec.autoAck(), new Callbacks(fresh));
    }

    /** The broker cancelled the consumer: the queue was deleted under it. Consumes again unless closed. */
    private synchronized void restart(Channel cancelled) {
        if (closed || cancelled != channel) {
            return;
        }
        closeQuietly(cancelled);
        try {
            subscribe();
        } catch (RuntimeException e) {
            log.error("stopped consuming from queue {}: {}", spec.queue(), e.getMessage(), e);
        }
    }

    /** Gives the broker a moment to finish deleting the queue before declaring it again. */
    private void pause(int attempt) {
        try {
            Thread.sleep(Duration.ofMillis(20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while declaring queue " + spec.queue() + " again", e);
        }
    }

    private static void closeQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            log.debug("closing a channel failed, as it may when the connection is gone: {}", e.getMessage());
        }
    }

    private final class Callbacks extends DefaultConsumer {
        Callbacks(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            Runnable ack = spec.autoAck() ? NO_ACK : () -> acknowledge(envelope.getDeliveryTag());
            try {
                sink.accept(new Delivery(envelope, properties, body), ack);
            } catch (RuntimeException e) {
                log.error("a delivery from queue {} failed", spec.queue(), e);
            }
        }

        private void acknowledge(long deliveryTag) {
            try {
                getChannel().basicAck(deliveryTag, false);
            } catch (IOException | ShutdownSignalException e) {
                log.debug("could not acknowledge a message from queue {}: {}", spec.queue(), e.getMessage());
            }
        }

        @Override
        public void handleCancel(String consumerTag) {
            log.info("the broker cancelled the consumer of queue {} (the queue was deleted); consuming again", spec.queue());
            try {
                restarts.execute(() -> restart(getChannel()));
            } catch (RejectedExecutionException e) {
                log.debug("not consuming queue {} again: the bus is closing", spec.queue());
            }
        }
    }
}
