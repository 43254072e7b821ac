package dev.overcast.core.bus;

import java.time.Duration;

/**
 * Nobody answered a call in time: no listener, a slow one, or a lost message. The handler may
 * still have run, so a retry is only safe for an idempotent method.
 */
public final class CallTimeoutException extends BusException {
    public CallTimeoutException(Target target, Method method, Duration timeout, String hint) {
        super("no reply to " + method + " on " + target + " within " + timeout
                + (hint == null ? "" : " (" + hint + ")"), null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
