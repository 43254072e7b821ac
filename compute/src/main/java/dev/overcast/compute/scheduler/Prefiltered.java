package dev.overcast.compute.scheduler;

import java.util.Objects;

/** What the pre-filters make of a request: a query for Placement, or a refusal before asking it. */
public sealed interface Prefiltered permits Prefiltered.Query, Prefiltered.Refused {

    /**
     * Ask Placement this.
     *
     * @param query the query
     */
    record Query(PlacementQuery query) implements Prefiltered {
        public Query {
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * No host can take the request, whatever Placement would say.
     *
     * @param prefilter the pre-filter that refused
     * @param reason    why, for the NoValidHost message
     */
    record Refused(String prefilter, String reason) implements Prefiltered {
    }
}
