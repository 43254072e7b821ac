package dev.overcast.compute.scheduler;

import java.util.List;

/**
 * A pre-filter: Nova's {@code request_filter}, which narrows the Placement query before any candidate exists,
 * so Placement rather than a filter removes hosts that cannot fit.
 */
public interface RequestFilter {
    /** Nova's name for the pre-filter. */
    String name();

    /**
     * Narrows {@code query} for {@code request}.
     *
     * @param aggregates every host aggregate, for the pre-filters that map request facts to aggregates
     */
    Prefiltered apply(RequestSpec request, PlacementQuery query, List<Aggregate> aggregates);
}
