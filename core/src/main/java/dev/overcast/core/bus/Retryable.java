package dev.overcast.core.bus;

/**
 * Implemented by an exception that knows whether the operation it failed may succeed if tried
 * again. When a handler throws one, the caller's {@link RemoteError#retryable()} carries the
 * answer; any other exception counts as not retryable.
 */
public interface Retryable {
    boolean retryable();
}
