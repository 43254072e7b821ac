package dev.overcast.placement.allocations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;

/** From microversion 1.15 reads carry {@code Last-Modified} and {@code Cache-Control: no-cache}. */
final class CacheHeaders {
    private CacheHeaders() {
    }

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    static Response apply(Request req, Response response, Instant lastModified) {
        if (!req.versionAtLeast(1, 15)) {
            return response;
        }
        return response.header("Last-Modified", HTTP_DATE.format(lastModified)).header("Cache-Control", "no-cache");
    }
}
