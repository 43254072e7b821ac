package dev.overcast.network.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Neutron's standard-attr-timestamp format: UTC to the second, {@code 2026-12-01T08:00:00Z}. */
public final class Timestamps {
    private Timestamps() {
    }

    public static String format(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
