package dev.overcast.compute.scheduler;

/** A filter prepared for one request: judges hosts without parsing the request again. */
@FunctionalInterface
public interface HostCheck {
    /** The check of a filter that has nothing to say about a request; the decision skips it. */
    HostCheck NOTHING_TO_CHECK = host -> FilterResult.PASS;

    /** Whether {@code host} may take the instance. */
    FilterResult check(HostState host);

    /** A check that passes a host only when every one of {@code checks} does; the first refusal is its answer. */
    static HostCheck allOf(java.util.List<? extends HostCheck> checks) {
        if (checks.isEmpty()) {
            return NOTHING_TO_CHECK;
        }
        HostCheck[] all = checks.toArray(HostCheck[]::new);
        return host -> {
            for (HostCheck c : all) {
                FilterResult result = c.check(host);
                if (result != FilterResult.PASS) {
                    return result;
                }
            }
            return FilterResult.PASS;
        };
    }
}
