package dev.overcast.image.data;

/**
 * A write stopped because the data grew past the limit it was given. Thrown as soon as the
 * limit is crossed, so a client that sends too much is cut off there rather than at the end.
 */
final class LimitExceeded extends RuntimeException {
    private final long limit;
    private final long received;

    LimitExceeded(long limit, long received) {
        super("more than " + limit + " bytes", null, false, false);
        this.limit = limit;
        this.received = received;
    }

    long limit() {
        return limit;
    }

    /** Bytes received when the write stopped: more than the limit, less than the whole body perhaps. */
    long received() {
        return received;
    }
}
