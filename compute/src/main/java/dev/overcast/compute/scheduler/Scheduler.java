package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The scheduler driver, Nova's {@code select_destinations}: pre-filters, asks Placement for candidates, lets the
 * {@link Decider} choose, and claims the chosen host in Placement before answering.
 *
 * <p>Host states may be stale and other schedulers claim at the same time, so Placement may refuse a claim; the
 * driver then decides again without the refused host, as Nova walks down its sorted hosts. Several instances are
 * placed one after another over the same candidates: after each claim the driver counts the instance into its
 * copy of the host's state and the server group, so the next decision sees it (Nova's
 * {@code consume_from_request}). Either every instance is claimed or none is: on failure the claims already made
 * are released.
 */
public final class Scheduler {
    private final PlacementClient placement;
    private final HostStates hostStates;
    private final SchedulerSettings settings;
    private final Decider decider;
    private final RandomGenerator random;

    /**
     * A scheduler.
     *
     * @param random draws among the best hosts when {@code host_subset_size} is more than 1; not shared with other
     *               threads unless it is thread-safe
     */
    public Scheduler(PlacementClient placement, HostStates hostStates, SchedulerSettings settings,
                     RandomGenerator random) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.hostStates = Objects.requireNonNull(hostStates, "hostStates");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.decider = new Decider(settings);
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Selects and claims a host for each instance.
     *
     * @param request       the request; its {@code instanceUuid} and {@code numInstances} are replaced by the list
     * @param instanceUuids the instances to place, each the consumer of its claim; at least one
     * @return one claimed host (and unclaimed alternates) per instance, or NoValidHost with nothing claimed
     */
    public ScheduleResult select(RequestSpec request, List<String> instanceUuids) {
        if (instanceUuids.isEmpty()) {
            throw new IllegalArgumentException("nothing to schedule: no instance uuids");
        }
        RequestSpec spec = request.withNumInstances(instanceUuids.size());
        PlacementQuery query;
        switch (Prefilters.apply(spec, settings, hostStates.aggregates())) {
            case Prefiltered.Refused refused -> {
                return new NoValidHost(Explanation.noCandidates(Prefilters.resources(spec))
                        .withNote(refused.prefilter() + ": " + refused.reason() + "."));
            }
            case Prefiltered.Query q -> query = inTree(spec, q.query());
        }
        List<Candidate> candidates = placement.candidates(query);
        if (candidates.isEmpty()) {
            return new NoValidHost(Explanation.noCandidates(query.resources()));
        }
        // A root may come more than once (nested or sharing candidates); the host states do not mind.
        List<String> roots = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            roots.add(c.rootProviderUuid());
        }
        // Several instances count each placed one into a copy of the states for the next one's decision.
        Map<String, HostState> states = instanceUuids.size() > 1 ? new HashMap<>(hostStates.byProviderUuid(roots))
                : hostStates.forDecision(roots);
        return placeAll(spec, instanceUuids, candidates, states);
    }

    private ScheduleResult placeAll(RequestSpec request, List<String> instanceUuids, List<Candidate> candidates,
                                    Map<String, HostState> states) {
        List<InstanceSelection> placed = new ArrayList<>();
        RequestSpec spec = request;
        try {
            for (String instance : instanceUuids) {
                spec = spec.withInstanceUuid(instance);
                switch (placeOne(spec, candidates, states, placed)) {
                    case NoValidHost none -> {
                        releaseAll(placed);
                        return instanceUuids.size() == 1 ? none : new NoValidHost(none.explanation().withNote(
                                "Instance " + (placed.size() + 1) + " of " + instanceUuids.size()
                                        + " could not be placed; the claims of the " + placed.size()
                                        + " placed before it were released."));
                    }
                    case Scheduled one -> {
                        InstanceSelection selection = one.instances().getFirst();
                        placed.add(selection);
                        if (placed.size() < instanceUuids.size()) {
                            spec = consume(spec, selection, states);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            releaseAll(placed);
            throw e;
        }
        return new Scheduled(placed);
    }

    /** Decides and claims for one instance, deciding again without each host whose claim Placement refuses. */
    private ScheduleResult placeOne(RequestSpec spec, List<Candidate> candidates, Map<String, HostState> states,
                                    List<InstanceSelection> placedBefore) {
        Set<String> refused = new HashSet<>();
        List<Candidate> pool = candidates;
        while (true) {
            switch (decider.decide(spec, pool, states, random)) {
                case NoValidHost none -> {
                    return refused.isEmpty() ? none : refusedClaims(none, candidates.size(), refused.size());
                }
                case Selected selected -> {
                    WeighedHost chosen = selected.chosen();
                    if (placement.claim(spec.instanceUuid(), spec.projectId(), spec.userId(),
                            chosen.allocationRequest())) {
                        return new Scheduled(List.of(new InstanceSelection(spec.instanceUuid(), chosen,
                                alternates(selected, placedBefore))));
                    }
                    refused.add(chosen.host().uuid());
                    pool = without(candidates, refused);
                }
            }
        }
    }

    /** Nova leaves hosts chosen for earlier instances of the same request out of the alternates. */
    private static List<WeighedHost> alternates(Selected selected, List<InstanceSelection> placedBefore) {
        if (placedBefore.isEmpty()) {
            return selected.alternates();
        }
        Set<String> taken = new HashSet<>();
        for (InstanceSelection s : placedBefore) {
            taken.add(s.host().host().uuid());
        }
        List<WeighedHost> out = new ArrayList<>();
        for (WeighedHost h : selected.alternates()) {
            if (!taken.contains(h.host().uuid())) {
                out.add(h);
            }
        }
        return out;
    }

    private static NoValidHost refusedClaims(NoValidHost none, int offered, int refused) {
        Explanation e = none.explanation();
        List<Explanation.Step> steps = new ArrayList<>();
        steps.add(new Explanation.Step("Placement", refused,
                List.of(new Explanation.Reason("claim refused", refused))));
        steps.addAll(e.steps());
        return new NoValidHost(new Explanation(offered, e.requested(), steps, e.notes()));
    }

    private static List<Candidate> without(List<Candidate> candidates, Set<String> refused) {
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (!refused.contains(c.rootProviderUuid())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Counts the placed instance into the host's state and the group, for the next instance's decision. */
    private static RequestSpec consume(RequestSpec spec, InstanceSelection selection, Map<String, HostState> states) {
        HostState host = selection.host().host();
        Map<String, Long> onRoot = selection.host().allocationRequest().getOrDefault(host.uuid(), Map.of());
        states.put(host.uuid(), host.consume(onRoot.getOrDefault("VCPU", 0L), onRoot.getOrDefault("MEMORY_MB", 0L),
                onRoot.getOrDefault("DISK_GB", 0L), selection.instanceUuid()));
        ServerGroup group = spec.instanceGroup();
        return group == null ? spec : spec.withInstanceGroup(group.withMemberOn(host.host()));
    }

    private void releaseAll(List<InstanceSelection> placed) {
        for (InstanceSelection s : placed) {
            placement.release(s.instanceUuid());
        }
    }

    /**
     * Narrows the query to one provider tree when the request names a single node, as Nova sets {@code in_tree}
     * for a requested destination or a single forced host.
     */
    private PlacementQuery inTree(RequestSpec spec, PlacementQuery query) {
        RequestedDestination destination = spec.requestedDestination();
        if (destination != null) {
            List<HostState> nodes = hostStates.nodesOf(destination.host()).stream()
                    .filter(destination::matches).toList();
            return nodes.size() == 1 ? query.withInTree(nodes.getFirst().uuid()) : query;
        }
        if (spec.forceHosts().size() == 1 && spec.forceNodes().isEmpty()) {
            List<HostState> nodes = hostStates.nodesOf(spec.forceHosts().getFirst());
            return nodes.size() == 1 ? query.withInTree(nodes.getFirst().uuid()) : query;
        }
        return query;
    }
}
