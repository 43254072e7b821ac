package dev.overcast.compute.scheduler;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The scheduler's view of compute nodes and aggregates, Nova's host manager. */
public interface HostStates {
    /** The states of the given compute nodes, by uuid; unknown uuids are left out. */
    Map<String, HostState> byProviderUuid(Collection<String> providerUuids);

    /** The compute nodes of one host (one, except for hosts that drive several nodes such as Ironic). */
    List<HostState> nodesOf(String host);

    /** Every host aggregate, for the pre-filters. */
    List<Aggregate> aggregates();
}
