package dev.overcast.compute.scheduler;

/**
 * A scheduler filter, named as in Nova's {@code enabled_filters}. A filter is prepared once per request
 * ({@link #forRequest}) and then judges each candidate host.
 */
public interface HostFilter {
    /** Nova's name for the filter, as {@code enabled_filters} lists it. */
    String name();

    /**
     * Reads what the request asks once. Returns {@link HostCheck#NOTHING_TO_CHECK} when the request asks nothing
     * this filter judges (no group, no hint, no extra spec), so the decision can skip the filter.
     */
    HostCheck forRequest(RequestSpec request);

    /** Judges one host for one request; convenient in tests, slower than preparing once. */
    default FilterResult check(HostState host, RequestSpec request) {
        return forRequest(request).check(host);
    }

    /** Whether one host passes for one request. */
    default boolean passes(HostState host, RequestSpec request) {
        return check(host, request).passed();
    }
}
