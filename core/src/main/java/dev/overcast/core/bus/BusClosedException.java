package dev.overcast.core.bus;

/** The bus was closed before, or while, the operation ran. */
public final class BusClosedException extends BusException {
    public BusClosedException(String message) {
        super(message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
