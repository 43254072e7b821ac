package dev.overcast.core.bus;

/**
 * Handles one method: takes the message's args as a record, returns the result record (or
 * {@code null}; casts and fanouts ignore it). An exception goes back to a caller as a {@link
 * RemoteError}; implement {@link Retryable} on it to say whether a retry may help.
 *
 * @param <A> the args record
 * @param <R> the result record
 */
@FunctionalInterface
public interface Handler<A, R> {
    R handle(A args, RequestContext context) throws Exception;
}
