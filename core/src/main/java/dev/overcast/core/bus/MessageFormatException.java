package dev.overcast.core.bus;

/**
 * A message, result or notification did not convert to or from JSON. On the sending side this is
 * a programming error (a record that does not serialise); on the listening side it comes back to
 * the caller as a {@link RemoteError} with this class's name.
 */
public final class MessageFormatException extends BusException {
    public MessageFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
