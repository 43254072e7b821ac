package dev.overcast.compute.scheduler;

import java.util.List;
import java.util.Map;

/** What the scheduler, and the conductor moving servers, ask of Placement. */
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

    /**
     * Moves one consumer's allocations to another in one write: a migration takes its server's source host
     * (consumer type {@code MIGRATION}) and, on a revert, gives it back.
     *
     * @param replaceTarget whether what {@code to} holds is replaced; if not, a {@code to} that holds anything is
     *                      left alone and nothing moves
     * @return whether anything moved (false when {@code from} holds nothing: it has moved already)
     */
    boolean move(String from, String to, String consumerType, boolean replaceTarget);
}
