package dev.overcast.core.bus;

/**
 * A sender tried to send a message above its target's version cap. Caught in tests, this is a
 * missing downgrade path: check {@link Target#canSend} and send an older version instead.
 */
public final class VersionCapException extends BusException {
    public VersionCapException(Target target, Method method) {
        super("cannot send " + method + " to " + target.topic() + ": it is pinned to " + target.versionCap()
                + " until every listener is upgraded; check Target.canSend and send an older version", null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
