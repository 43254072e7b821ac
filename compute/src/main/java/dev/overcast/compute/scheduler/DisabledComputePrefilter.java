package dev.overcast.compute.scheduler;

import java.util.List;

/**
 * Nova's {@code compute_status_filter}, always on: Placement leaves out nodes whose compute service is disabled,
 * which carry the {@code COMPUTE_STATUS_DISABLED} trait.
 */
public record DisabledComputePrefilter() implements RequestFilter {
    /** The trait Nova puts on the root provider of a disabled compute service. */
    public static final String TRAIT = "COMPUTE_STATUS_DISABLED";

    @Override
    public String name() {
        return "compute_status_filter";
    }

    @Override
    public Prefiltered apply(RequestSpec request, PlacementQuery query, List<Aggregate> aggregates) {
        return new Prefiltered.Query(query.forbidding(TRAIT));
    }
}
