package dev.overcast.core.bus;

/**
 * A listener or notification subscriber attached to a bus. After {@link #close()} returns, no
 * further message is handed to it; handlers already running finish. Closing twice is harmless.
 */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
