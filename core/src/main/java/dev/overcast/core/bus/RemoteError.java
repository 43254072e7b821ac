package dev.overcast.core.bus;

/**
 * A call's handler failed, or the listener could not run it. Carries the remote exception's class
 * name, its message and whether it is retryable; the remote stack trace stays on the remote side.
 * Besides Java class names, {@link #className()} may be one of the bus's own names below.
 */
public final class RemoteError extends BusException {
    /** The listener has no handler of that name. */
    public static final String NO_SUCH_METHOD = "NoSuchMethod";
    /** The listener has the method but cannot read the message's version. */
    public static final String UNSUPPORTED_VERSION = "UnsupportedVersion";

    private final String className;
    private final String remoteMessage;
    private final boolean retryable;

    public RemoteError(String className, String remoteMessage, boolean retryable) {
        super(className + ": " + remoteMessage, null);
        this.className = className;
        this.remoteMessage = remoteMessage;
        this.retryable = retryable;
    }

    /** The remote exception's class name, such as {@code java.lang.IllegalStateException}. */
    public String className() {
        return className;
    }

    /** The remote exception's own message, without the class name. */
    public String remoteMessage() {
        return remoteMessage;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
