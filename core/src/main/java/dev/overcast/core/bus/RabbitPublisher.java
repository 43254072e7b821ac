package dev.overcast.core.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ReturnCallback;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one channel a {@link RabbitBus} publishes on: requests, replies and notifications alike.
 *
 * <p>One channel, under a lock, because RabbitMQ keeps the order of messages per channel, so one
 * thread's messages arrive in the order it sent them (a subscriber sees notifications in order),
 * and because with publisher confirms the sequence number must go with its publish. A publish only
 * hands frames to the socket, so the lock is held for microseconds; waiting for a confirmation
 * happens outside it.
 *
 * <p>Messages the broker returns as unroutable go to the bus. A channel
 * that the broker closed for an error of its own is replaced on the next publish; one that closed
 * with its connection comes back when the connection recovers, and until then publishing is a
 * {@link TransportException}.
 */
final class RabbitPublisher {
    private final Connection connection;
    private final boolean confirms;
    private final Duration confirmTimeout;
    private final ReturnCallback onReturn;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> unconfirmed = new ConcurrentSkipListMap<>();
    private final Set<String> declaredExchanges = ConcurrentHashMap.newKeySet();
    private Channel channel; // guarded by lock

    RabbitPublisher(Connection connection, RabbitSettings settings, ReturnCallback onReturn) {
        this.connection = connection;
        this.confirms = settings.publisherConfirms();
        this.confirmTimeout = settings.confirmTimeout();
        this.onReturn = onReturn;
    }

    /** Declares an exchange (not durable, not auto-deleted), once per publisher channel. */
    void declareExchange(String name, BuiltinExchangeType type) {
        if (declaredExchanges.contains(name)) {
            return;
        }
        lock.lock();
        try {
            channel().exchangeDeclare(name, type, false);
            declaredExchanges.add(name);
        } catch (IOException | ShutdownSignalException e) {
            throw new TransportException("cannot declare exchange " + name + ": " + RabbitErrors.reason(e), e);
        } finally {
            lock.unlock();
        }
    }

    /** Publishes a message and, with publisher confirms on, waits until the broker confirms it. */
    void publish(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties, byte[] body) {
        CompletableFuture<Void> confirmation = null;
        lock.lock();
        try {
            Channel publishing = channel();
            if (confirms) {
                confirmation = new CompletableFuture<>();
                unconfirmed.put(publishing.getNextPublishSeqNo(), confirmation);
            }
            publishing.basicPublish(exchange, routingKey, mandatory, properties, body);
        } catch (IOException | ShutdownSignalException e) {
            if (confirmation != null) {
                unconfirmed.values().remove(confirmation);
            }
            throw new TransportException("cannot publish to " + where(exchange, routingKey) + ": " + RabbitErrors.reason(e), e);
        } finally {
            lock.unlock();
        }
        if (confirmation != null) {
            awaitConfirmation(confirmation, where(exchange, routingKey));
        }
    }

    private void awaitConfirmation(CompletableFuture<Void> confirmation, String where) {
        try {
            confirmation.get(confirmTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TransportException("the broker did not confirm a message to " + where + " within " + confirmTimeout, e);
        } catch (ExecutionException e) {
            throw (TransportException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the broker to confirm a message to " + where, e);
        }
    }

    /** The open channel; a fresh one if the broker closed the last for a channel error. */
    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        ShutdownSignalException reason = channel == null ? null : channel.getCloseReason();
        if (channel != null && (reason == null || reason.isHardError())) {
            // closed with its connection: automatic recovery brings this very channel back
            throw new TransportException("the connection to the broker is down (it is being recovered)", reason);
        }
        Channel fresh = connection.createChannel();
        if (fresh == null) {
            throw new TransportException("the connection to the broker has no channel left", null);
        }
        fresh.addReturnListener(onReturn);
        fresh.addShutdownListener(cause -> failUnconfirmed(cause));
        if (confirms) {
            fresh.confirmSelect();
            fresh.addConfirmListener((tag, multiple) -> settle(tag, multiple, null),
                    (tag, multiple) -> settle(tag, multiple, new TransportException("the broker refused a message", null)));
        }
        declaredExchanges.clear();
        channel = fresh;
        return fresh;
    }

    /** Completes the confirmations up to {@code tag} (only {@code tag} unless {@code multiple}). */
    private void settle(long tag, boolean multiple, TransportException refusal) {
        var settled = multiple ? unconfirmed.headMap(tag, true) : unconfirmed.subMap(tag, true, tag, true);
        settled.values().forEach(confirmation -> {
            if (refusal == null) {
                confirmation.complete(null);
            } else {
                confirmation.completeExceptionally(refusal);
            }
        });
        settled.clear();
    }

    /** Sequence numbers start again on a new or recovered channel: whatever is unconfirmed now never will be. */
    private void failUnconfirmed(ShutdownSignalException cause) {
        var failure = new TransportException("the channel closed before the broker confirmed: " + RabbitErrors.reason(cause), cause);
        for (Long tag : unconfirmed.keySet()) {
            CompletableFuture<Void> confirmation = unconfirmed.remove(tag);
            if (confirmation != null) {
                confirmation.completeExceptionally(failure);
            }
        }
    }

    private static String where(String exchange, String routingKey) {
        return exchange.isEmpty() ? "queue " + routingKey : "exchange " + exchange + " (" + routingKey + ")";
    }
}
