package dev.overcast.compute;

import java.time.Duration;

/**
 * Compute's options, named as Nova's where Nova has them.
 *
 * @param defaultAvailabilityZone {@code [DEFAULT] default_availability_zone}: the zone of hosts in
 *                                no zone aggregate; default {@code nova}
 * @param listCellTimeout         how long a server list waits for one cell before it is left out
 *                                (answered as down-cell records from 2.69); default 10 s
 * @param maxAttempts             {@code [scheduler] max_attempts}: hosts a build tries before it
 *                                fails; default 3
 * @param workflowLease           how long a conductor or agent holds a build or delete before
 *                                another may take it over; default 60 s
 * @param rpcTimeout              how long a call on the bus waits; default 60 s
 * @param serviceDownTime         {@code [DEFAULT] service_down_time}: a service not heard from for
 *                                this long is down; default 60 s
 * @param reportInterval          how often a service reports in; default 10 s
 */
public record ComputeSettings(String defaultAvailabilityZone, Duration listCellTimeout, int maxAttempts,
                              Duration workflowLease, Duration rpcTimeout, Duration serviceDownTime,
                              Duration reportInterval) {

    public static ComputeSettings defaults() {
        return new ComputeSettings("nova", Duration.ofSeconds(10), 3, Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    public ComputeSettings {
        if (defaultAvailabilityZone == null || defaultAvailabilityZone.isBlank()) {
            throw new IllegalArgumentException("default_availability_zone must not be empty");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be 1 or more, got " + maxAttempts);
        }
    }
}
