package dev.overcast.core.bus;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.TopologyRecoveryException;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connection a {@link RabbitBus} lives on. */
final class RabbitConnections {
    private static final Logger log = LoggerFactory.getLogger(RabbitConnections.class);

    private RabbitConnections() {
    }

    /**
     * A connection that recovers by itself (redeclaring what was declared on it and consuming
     * again), its I/O on a daemon platform thread and its consumer callbacks on virtual threads.
     *
     * @param closed whether the bus has closed, so that a recovery it cut short is no error
     */
    static Connection open(RabbitSettings settings, BooleanSupplier closed) {
        var factory = new ConnectionFactory();
        try {
            factory.setUri(settings.uri());
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use RabbitMQ uri " + settings.redactedUri() + ": " + e.getMessage(), e);
        }
        int timeout = (int) settings.connectTimeout().toMillis();
        factory.setConnectionTimeout(timeout);
        factory.setHandshakeTimeout(timeout);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setThreadFactory(Thread.ofPlatform().name("rabbit-bus-io-", 0).daemon(true).factory());
        factory.setExceptionHandler(new QuietWhenClosed(closed));
        // The client still runs one channel's callbacks one at a time. Never shut down: the client hands
        // it a channel's last callbacks after the connection closed, and it holds no thread while idle.
        ExecutorService dispatch = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rabbit-bus-dispatch-", 0).factory());
        try {
            return factory.newConnection(dispatch, "overcast");
        } catch (IOException | TimeoutException e) {
            throw new TransportException("cannot connect to RabbitMQ at " + settings.redactedUri() + ": "
                    + RabbitErrors.reason(e), e);
        }
    }

    /** The client's own handler, except that what fails because the bus closed during a recovery is no error. */
    private static final class QuietWhenClosed extends ForgivingExceptionHandler {
        private final BooleanSupplier closed;

        QuietWhenClosed(BooleanSupplier closed) {
            this.closed = closed;
        }

        @Override
        public void handleTopologyRecoveryException(Connection connection, Channel channel, TopologyRecoveryException exception) {
            if (closed.getAsBoolean()) {
                log.debug("the bus closed while recovering its connection: {}", exception.getMessage());
            } else {
                super.handleTopologyRecoveryException(connection, channel, exception);
            }
        }
    }
}
