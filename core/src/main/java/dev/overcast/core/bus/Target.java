package dev.overcast.core.bus;

/**
 * Where a message goes: a topic (the API of one role, such as {@code compute}), optionally one
 * server (a host) on it, and optionally a version cap.
 *
 * <p>The cap is the rolling-upgrade pin, Nova's {@code [upgrade_levels] compute=5.0}: while
 * some listeners still run older code, senders are configured with the oldest version they all
 * read. The bus refuses to send a message whose version is above the cap ({@link
 * VersionCapException}); a sender that can do with less asks first and downgrades:
 *
 * {@snippet :
 * Method method = target.canSend(BUILD_5_1.version()) ? BUILD_5_1 : BUILD_5_0;
 * }
 *
 * @param topic      the topic; never blank
 * @param server     one server on the topic, or {@code null} for any (round-robin)
 * @param versionCap the highest message version to send, or {@code null} for no pin
 */
public record Target(String topic, String server, Version versionCap) {
    public Target {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a target needs a topic");
        }
        if (server != null && server.isBlank()) {
            throw new IllegalArgumentException("a target's server is absent (null) or named, not blank");
        }
    }

    /** Any server on {@code topic}, unpinned. */
    public static Target of(String topic) {
        return new Target(topic, null, null);
    }

    /** This target, narrowed to one server. */
    public Target onServer(String server) {
        return new Target(topic, server, versionCap);
    }

    /** This target, pinned so that no message above {@code cap} is sent. */
    public Target pinnedTo(Version cap) {
        return new Target(topic, server, cap);
    }

    /** This target, pinned so that no message above {@code cap} (like {@code "5.0"}) is sent. */
    public Target pinnedTo(String cap) {
        return pinnedTo(Version.parse(cap));
    }

    /** Whether a message of {@code version} may be sent here: no pin, or not above it. */
    public boolean canSend(Version version) {
        return versionCap == null || !version.isAbove(versionCap);
    }

    @Override
    public String toString() {
        return topic + (server == null ? "" : "." + server) + (versionCap == null ? "" : " (pinned to " + versionCap + ")");
    }
}
