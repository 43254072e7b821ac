package dev.overcast.compute.scheduler;

/** A filter prepared for one request: judges hosts without parsing the request again. */
@FunctionalInterface
public interface HostCheck {
    /** The check of a filter that has nothing to say about a request; the decision skips it. */
    HostCheck NOTHING_TO_CHECK = host -> FilterResult.PASS;

    /** Whether {@code host} may take the instance. */
    FilterResult check(HostState host);
}
