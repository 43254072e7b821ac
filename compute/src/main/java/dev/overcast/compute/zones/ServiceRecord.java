package dev.overcast.compute.zones;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a cell's {@code services} table, as the availability-zone and aggregate APIs read it.
 *
 * @param host        the service's host
 * @param binary      e.g. {@code nova-compute}, {@code nova-conductor}
 * @param disabled    whether an operator disabled it
 * @param forcedDown  whether an operator forced it down
 * @param lastSeenUp  when it last reported in, or null
 * @param updatedAt   when the row last changed, or null
 */
public record ServiceRecord(String host, String binary, boolean disabled, boolean forcedDown, Instant lastSeenUp,
                            Instant updatedAt) {
    /** The binary of compute services, the only ones that live in a zone of their own. */
    public static final String COMPUTE = "nova-compute";

    public ServiceRecord {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binary, "binary");
    }

    /**
     * Nova's database service group: up when not forced down and heard from (last seen up, else
     * updated) within {@code downTime} of {@code now}.
     */
    public boolean isUp(Instant now, Duration downTime) {
        if (forcedDown) {
            return false;
        }
        Instant heartbeat = lastSeenUp != null ? lastSeenUp : updatedAt;
        return heartbeat != null && Duration.between(heartbeat, now).abs().compareTo(downTime) <= 0;
    }

    public boolean isCompute() {
        return COMPUTE.equals(binary);
    }
}
