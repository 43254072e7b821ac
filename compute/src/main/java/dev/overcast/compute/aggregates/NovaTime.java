package dev.overcast.compute.aggregates;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Times as Nova writes and reads them in the APIs that show database times as they are
 * (aggregates, availability zones, usage): UTC without a zone, always with microseconds, as
 * Python's {@code strftime("%Y-%m-%dT%H:%M:%S.%f")} writes them:
 * {@code 2016-12-27T22:51:32.877711}.
 */
public final class NovaTime {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final List<DateTimeFormatter> IN = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"),
            withFraction("uuuu-MM-dd'T'HH:mm:ss"),
            withFraction("uuuu-MM-dd HH:mm:ss"));

    private NovaTime() {
    }

    /** Python's {@code %f} reads one to six digits. */
    private static DateTimeFormatter withFraction(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern)
                .appendFraction(ChronoField.MICRO_OF_SECOND, 1, 6, true).toFormatter();
    }

    /** {@code 2016-12-27T22:51:32.877711}, or null for null. */
    public static String format(Instant time) {
        return time == null ? null : OUT.format(time);
    }

    /**
     * Reads a time in one of the three forms {@code os-simple-tenant-usage} accepts
     * ({@code %Y-%m-%dT%H:%M:%S}, the same with {@code .%f}, and with a space for the T), as UTC;
     * empty when it is in none of them.
     */
    public static Optional<Instant> parse(String text) {
        for (DateTimeFormatter f : IN) {
            try {
                return Optional.of(LocalDateTime.parse(text, f).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
