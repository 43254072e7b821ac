package dev.overcast.placement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;

/**
 * Microversion 1.15's caching headers: from 1.15 on, Placement's GET answers (and the PUTs
 * that answer with a representation) carry {@code Last-Modified} and
 * {@code Cache-Control: no-cache}; before it, neither. Shared by every Placement API.
 */
public final class CacheHeaders {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private CacheHeaders() {
    }

    /** {@code response} with the 1.15 headers when the request's microversion has them. */
    public static Response apply(Request request, Response response, Instant lastModified) {
        if (!request.versionAtLeast(1, 15)) {
            return response;
        }
        return response.header("Last-Modified", HTTP_DATE.format(lastModified)).header("Cache-Control", "no-cache");
    }
}
