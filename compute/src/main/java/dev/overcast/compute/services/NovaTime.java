package dev.overcast.compute.services;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Nova's API writes a database datetime: UTC, microseconds, no zone ({@code 2012-10-29T13:42:02.000000}). */
public final class NovaTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private NovaTime() {
    }

    /** The time in Nova's form, or null for null. */
    public static String format(Instant t) {
        return t == null ? null : FORMAT.format(t);
    }
}
