package dev.overcast.compute.placement;

import java.util.Collection;
import java.util.List;

/**
 * Mirrors host aggregates into Placement, as Nova's report client does: the compute nodes of a
 * host in an aggregate are members of the Placement aggregate with the aggregate's uuid, which
 * is what the scheduler's {@code member_of} queries (availability zones, tenant isolation) ask for.
 */
public interface PlacementAggregates {
    /**
     * Makes {@code providers} members of aggregate {@code aggregateUuid}.
     *
     * @return the providers Placement does not know (not reported yet), left out
     */
    List<String> add(String aggregateUuid, Collection<String> providers);

    /**
     * Takes {@code providers} out of aggregate {@code aggregateUuid}.
     *
     * @return the providers Placement does not know, left out
     */
    List<String> remove(String aggregateUuid, Collection<String> providers);
}
