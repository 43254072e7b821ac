package dev.overcast.compute.scheduler;

/**
 * A scheduler weigher, named as in Nova's {@code weight_classes}. The decision normalises each weigher's raw
 * weights over the hosts that passed the filters to 0..1 and multiplies them by the weigher's multiplier.
 */
public interface HostWeigher {
    /** Nova's name for the weigher. */
    String name();

    /** The Nova option naming the multiplier; an aggregate's metadata may set the same key for its hosts. */
    String multiplierOption();

    /** The configured multiplier. */
    double multiplier();

    /** The raw weight of one host for one request: bigger is better before the multiplier. */
    double weigh(HostState host, RequestSpec request);

    /**
     * The multiplier for one host: the smallest its aggregates set for {@link #multiplierOption()}, else the
     * configured one (Nova's {@code get_weight_multiplier}).
     */
    default double multiplierFor(HostState host) {
        if (host.aggregates().isEmpty() || !AggregateMetadata.has(host, multiplierOption())) {
            return multiplier();
        }
        return AggregateMetadata.min(host, multiplierOption(), multiplier());
    }
}
