package dev.overcast.core.bus;

/**
 * The calling thread was interrupted while waiting for a reply; its interrupt flag is set again.
 * The handler may still run.
 */
public final class CallInterruptedException extends BusException {
    public CallInterruptedException(Target target, Method method, InterruptedException cause) {
        super("interrupted while waiting for a reply to " + method + " on " + target, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
