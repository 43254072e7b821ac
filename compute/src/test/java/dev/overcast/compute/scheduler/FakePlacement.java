package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Placement in memory: providers with inventories, traits and aggregates, and allocations per consumer. Like the
 * real one it answers candidates from current usage and refuses a claim that would exceed capacity, so a test can
 * check the scheduler never over-commits. It is also the tests' {@link HostStates}, built from the same providers,
 * so host states can be made stale on purpose.
 */
final class FakePlacement implements PlacementClient, HostStates {
    private final Map<String, Provider> providers = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Long>>> allocations = new HashMap<>();
    private final Set<String> refuseNextClaimOn = new HashSet<>();
    private final List<Aggregate> aggregates = new ArrayList<>();
    private final List<PlacementQuery> queries = new ArrayList<>();
    int claimsRefused;

    /** A compute node: its host state template, inventory totals and ratios, and traits. */
    private record Provider(HostState template, Map<String, Long> totals, Map<String, Double> ratios,
                            Set<String> traits) {
    }

    /** Adds a compute node whose inventory is the template's capacities; usage starts from allocations only. */
    FakePlacement add(HostState template, String... traits) {
        Map<String, Long> totals = Map.of("VCPU", template.vcpus().total(), "MEMORY_MB", template.ramMb().total(),
                "DISK_GB", template.diskGb().total());
        Map<String, Double> ratios = Map.of("VCPU", template.vcpus().allocationRatio(),
                "MEMORY_MB", template.ramMb().allocationRatio(), "DISK_GB", template.diskGb().allocationRatio());
        providers.put(template.uuid(), new Provider(template, totals, ratios, Set.of(traits)));
        for (Aggregate a : template.aggregates()) {
            if (aggregates.stream().noneMatch(x -> x.uuid().equals(a.uuid()))) {
                aggregates.add(a);
            }
        }
        return this;
    }

    /** Makes Placement refuse the next claim on this provider, as if another scheduler had just taken it. */
    void refuseNextClaimOn(String providerUuid) {
        refuseNextClaimOn.add(providerUuid);
    }

    /** Takes capacity away as another scheduler would, behind this scheduler's back. */
    void allocateBehindTheScenes(String consumer, String providerUuid, Map<String, Long> amounts) {
        allocations.put(consumer, Map.of(providerUuid, amounts));
    }

    List<PlacementQuery> queries() {
        return queries;
    }

    Map<String, Map<String, Long>> allocationsOf(String consumer) {
        return allocations.get(consumer);
    }

    Set<String> consumers() {
        return allocations.keySet();
    }

    long used(String providerUuid, String resourceClass) {
        long used = 0;
        for (Map<String, Map<String, Long>> byProvider : allocations.values()) {
            Map<String, Long> amounts = byProvider.get(providerUuid);
            if (amounts != null) {
                used += amounts.getOrDefault(resourceClass, 0L);
            }
        }
        return used;
    }

    long capacity(String providerUuid, String resourceClass) {
        Provider p = providers.get(providerUuid);
        return (long) (p.totals().getOrDefault(resourceClass, 0L) * p.ratios().getOrDefault(resourceClass, 1.0));
    }

    Collection<String> providerUuids() {
        return providers.keySet();
    }

    @Override
    public List<Candidate> candidates(PlacementQuery query) {
        queries.add(query);
        List<Candidate> out = new ArrayList<>();
        for (Provider p : providers.values()) {
            String uuid = p.template().uuid();
            if (fits(uuid, query.resources()) && matches(p, query)) {
                out.add(new Candidate(uuid, Map.of(uuid, query.resources())));
                if (query.limit() != null && out.size() == query.limit()) {
                    break;
                }
            }
        }
        return out;
    }

    private boolean matches(Provider p, PlacementQuery query) {
        if (!p.traits().containsAll(query.requiredTraits())) {
            return false;
        }
        for (String t : query.forbiddenTraits()) {
            if (p.traits().contains(t)) {
                return false;
            }
        }
        Set<String> aggs = new HashSet<>();
        p.template().aggregates().forEach(a -> aggs.add(a.uuid()));
        for (Set<String> anyOf : query.memberOf()) {
            if (anyOf.stream().noneMatch(aggs::contains)) {
                return false;
            }
        }
        if (query.forbiddenAggregates().stream().anyMatch(aggs::contains)) {
            return false;
        }
        return query.inTree() == null || query.inTree().equals(p.template().uuid());
    }

    private boolean fits(String providerUuid, Map<String, Long> amounts) {
        for (Map.Entry<String, Long> e : amounts.entrySet()) {
            if (used(providerUuid, e.getKey()) + e.getValue() > capacity(providerUuid, e.getKey())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean claim(String consumerUuid, String projectId, String userId,
                         Map<String, Map<String, Long>> request) {
        for (Map.Entry<String, Map<String, Long>> e : request.entrySet()) {
            if (refuseNextClaimOn.remove(e.getKey()) || !fits(e.getKey(), e.getValue())) {
                claimsRefused++;
                return false;
            }
        }
        allocations.put(consumerUuid, request);
        return true;
    }

    @Override
    public void release(String consumerUuid) {
        allocations.remove(consumerUuid);
    }

    @Override
    public boolean move(String from, String to, String consumerType, boolean replaceTarget) {
        if (!allocations.containsKey(from) || !replaceTarget && allocations.containsKey(to)) {
            return false;
        }
        allocations.put(to, allocations.remove(from));
        return true;
    }

    /** The state of a node as Placement's usage shows it now, with the consumers on it as its instances. */
    HostState stateOf(String uuid) {
        HostState t = providers.get(uuid).template();
        Set<String> instances = new HashSet<>(t.instanceUuids());
        allocations.forEach((consumer, byProvider) -> {
            if (byProvider.containsKey(uuid)) {
                instances.add(consumer);
            }
        });
        return new HostState(t.host(), t.node(), t.uuid(),
                new Capacity(t.vcpus().total(), used(uuid, "VCPU"), t.vcpus().allocationRatio()),
                new Capacity(t.ramMb().total(), used(uuid, "MEMORY_MB"), t.ramMb().allocationRatio()),
                new Capacity(t.diskGb().total(), used(uuid, "DISK_GB"), t.diskGb().allocationRatio()),
                t.numIoOps(), instances, t.service(), t.hypervisorType(), t.hypervisorVersion(), t.cpuArch(),
                t.supportedInstances(), t.capabilities(), t.aggregates(), t.failedBuilds());
    }

    @Override
    public Map<String, HostState> byProviderUuid(Collection<String> providerUuids) {
        Map<String, HostState> out = new HashMap<>();
        for (String uuid : providerUuids) {
            if (providers.containsKey(uuid)) {
                out.put(uuid, stateOf(uuid));
            }
        }
        return out;
    }

    @Override
    public List<HostState> nodesOf(String host) {
        List<HostState> out = new ArrayList<>();
        for (Provider p : providers.values()) {
            if (p.template().host().equals(host)) {
                out.add(stateOf(p.template().uuid()));
            }
        }
        return out;
    }

    @Override
    public List<Aggregate> aggregates() {
        return List.copyOf(aggregates);
    }
}
