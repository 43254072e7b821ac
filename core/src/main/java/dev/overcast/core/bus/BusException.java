package dev.overcast.core.bus;

/** Everything the bus itself throws. Unchecked; each kind says whether a retry may help. */
public abstract sealed class BusException extends RuntimeException implements Retryable
        permits CallTimeoutException, RemoteError, VersionCapException, MessageFormatException,
                BusClosedException, CallInterruptedException, TransportException {

    BusException(String message, Throwable cause) {
        super(message, cause);
    }
}
