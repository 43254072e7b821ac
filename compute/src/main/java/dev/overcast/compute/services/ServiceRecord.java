package dev.overcast.compute.services;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of a cell's {@code services} table: a nova-compute, nova-conductor or nova-scheduler
 * process (for the fake driver, one simulated host), as Nova's {@code Service} object.
 *
 * @param id             the row id, unique only within its cell (the API's id before 2.53)
 * @param uuid           the service's uuid (the API's id from 2.53)
 * @param host           the host it runs on
 * @param binary         {@code nova-compute}, {@code nova-conductor}, {@code nova-scheduler}
 * @param topic          its bus topic ({@code compute}, {@code conductor}, {@code scheduler}), or null
 * @param reportCount    how many times it reported in
 * @param disabled       whether an operator disabled it (new instances are not scheduled to it)
 * @param disabledReason why, or null
 * @param forcedDown     whether an operator declared it down whatever its reports say
 * @param lastSeenUp     when it last reported in, or null if never
 * @param version        the service version of the code that last registered it
 * @param createdAt      when it was first registered
 * @param updatedAt      when the row last changed, or null
 */
public record ServiceRecord(long id, String uuid, String host, String binary, String topic, int reportCount,
                            boolean disabled, String disabledReason, boolean forcedDown, Instant lastSeenUp,
                            int version, Instant createdAt, Instant updatedAt) {

    public static final String COMPUTE = "nova-compute";
    public static final String CONDUCTOR = "nova-conductor";
    public static final String SCHEDULER = "nova-scheduler";

    /**
     * Whether the service is up at {@code now}, as the service group API's database driver says:
     * not forced down, and heard from within {@code downTime} (its last report, else its last
     * update, else its creation).
     */
    public boolean isUp(Instant now, Duration downTime) {
        if (forcedDown) {
            return false;
        }
        Instant last = lastSeenUp != null ? lastSeenUp : updatedAt != null ? updatedAt : createdAt;
        return !Duration.between(last, now).minus(downTime).isPositive();
    }

    public boolean isCompute() {
        return COMPUTE.equals(binary);
    }
}
