package dev.overcast.core.bus;

/**
 * The transport could not carry a message: the broker cannot be reached, the connection to it
 * dropped, or it did not confirm that it took the message. The in-process bus never throws this.
 * The message may or may not have arrived, so, as after a {@link CallTimeoutException}, a retry is
 * only safe for an idempotent method.
 */
public final class TransportException extends BusException {
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
