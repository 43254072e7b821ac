package dev.overcast.compute.scheduler;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The scheduler's view of compute nodes and aggregates, Nova's host manager. */
public interface HostStates {
    /** The states of the given compute nodes, by uuid; unknown uuids are left out. */
    Map<String, HostState> byProviderUuid(Collection<String> providerUuids);

    /**
     * The states of the given compute nodes for one decision to look up by uuid, read-only; it may hold other nodes
     * too. A host manager that keeps every state by uuid answers a view of them all rather than copying a thousand
     * entries per decision; by default, {@link #byProviderUuid}.
     */
    default Map<String, HostState> forDecision(Collection<String> providerUuids) {
        return byProviderUuid(providerUuids);
    }

    /** The compute nodes of one host (one, except for hosts that drive several nodes such as Ironic). */
    List<HostState> nodesOf(String host);

    /** Every host aggregate, for the pre-filters. */
    List<Aggregate> aggregates();
}
