package dev.overcast.compute.scheduler;

import java.util.List;
import java.util.Map;

/** What the scheduler asks of Placement. */
public interface PlacementClient {
    /** {@code GET /allocation_candidates} for the query; empty when nothing fits. */
    List<Candidate> candidates(PlacementQuery query);

    /**
     * Claims resources for a consumer ({@code PUT /allocations/{consumer}}).
     *
     * @return false when Placement refuses, because capacity changed since the candidates were listed or another
     *         writer changed the consumer; the scheduler then tries the next host
     */
    boolean claim(String consumerUuid, String projectId, String userId, Map<String, Map<String, Long>> allocations);

    /** Removes a consumer's allocations ({@code DELETE /allocations/{consumer}}); no-op when it has none. */
    void release(String consumerUuid);
}
