package dev.overcast.identity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.overcast.core.http.ApiException;

/** Keystone's times: written {@code 2026-11-23T18:00:00.000000Z}, read as ISO 8601 with or without an offset. */
public final class Times {
    private static final DateTimeFormatter KEYSTONE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant at) {
        return KEYSTONE.format(at);
    }

    /**
     * An ISO 8601 time; one without an offset (or with a bare {@code Z}) is UTC. Null reads as
     * null; anything else is a 400 naming {@code field}.
     */
    public static Instant parse(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Invalid input for field '" + field + "': '" + text
                        + "' is not an ISO 8601 time.");
            }
        }
    }
}
