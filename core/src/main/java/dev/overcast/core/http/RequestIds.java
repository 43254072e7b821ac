package dev.overcast.core.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request's ids: its own ({@code req-<uuid>}, answered as {@code x-openstack-request-id})
 * and the global one a caller sent as {@code X-OpenStack-Request-ID}, which follows the
 * work through logs, the bus and notifications. A global id not of the form
 * {@code req-<uuid>} is ignored, as oslo.middleware does.
 */
public record RequestIds(String local, String global) {
    private static final Pattern FORM = Pattern.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static RequestIds create(Optional<String> inbound) {
        return new RequestIds("req-" + UUID.randomUUID(), inbound.map(String::trim).filter(FORM.asMatchPredicate()).orElse(null));
    }

    @Override
    public String toString() {
        return global == null ? local : local + " (global " + global + ")";
    }
}
