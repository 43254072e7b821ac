package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@code GET /allocation_candidates} query: what the pre-filters make of a request.
 *
 * @param resources           amounts per resource class
 * @param requiredTraits      traits every candidate must have
 * @param forbiddenTraits     traits no candidate may have
 * @param memberOf            aggregate sets; a candidate must be in one aggregate of each set
 * @param forbiddenAggregates aggregates no candidate may be in
 * @param inTree              a provider whose tree the candidate must come from, or null
 * @param limit               the most candidates wanted, or null for all
 */
public record PlacementQuery(Map<String, Long> resources, Set<String> requiredTraits, Set<String> forbiddenTraits,
                             List<Set<String>> memberOf, Set<String> forbiddenAggregates, String inTree,
                             Integer limit) {

    public PlacementQuery {
        resources = Map.copyOf(Objects.requireNonNull(resources, "resources"));
        requiredTraits = Set.copyOf(requiredTraits == null ? Set.of() : requiredTraits);
        forbiddenTraits = Set.copyOf(forbiddenTraits == null ? Set.of() : forbiddenTraits);
        memberOf = memberOf == null ? List.of() : memberOf.stream().map(Set::copyOf).toList();
        forbiddenAggregates = Set.copyOf(forbiddenAggregates == null ? Set.of() : forbiddenAggregates);
    }

    /** A query for these resources and nothing else. */
    public static PlacementQuery of(Map<String, Long> resources) {
        return new PlacementQuery(resources, Set.of(), Set.of(), List.of(), Set.of(), null, null);
    }

    /** This query also requiring {@code trait}. */
    public PlacementQuery requiring(String trait) {
        Set<String> next = new LinkedHashSet<>(requiredTraits);
        next.add(trait);
        return new PlacementQuery(resources, next, forbiddenTraits, memberOf, forbiddenAggregates, inTree, limit);
    }

    /** This query also forbidding {@code trait}. */
    public PlacementQuery forbidding(String trait) {
        Set<String> next = new LinkedHashSet<>(forbiddenTraits);
        next.add(trait);
        return new PlacementQuery(resources, requiredTraits, next, memberOf, forbiddenAggregates, inTree, limit);
    }

    /** This query also requiring membership in one of {@code aggregateUuids}. */
    public PlacementQuery memberOfAnyOf(Set<String> aggregateUuids) {
        List<Set<String>> next = new ArrayList<>(memberOf);
        next.add(aggregateUuids);
        return new PlacementQuery(resources, requiredTraits, forbiddenTraits, next, forbiddenAggregates, inTree,
                limit);
    }

    /** This query also excluding {@code aggregateUuids}. */
    public PlacementQuery notMemberOf(Set<String> aggregateUuids) {
        Set<String> next = new LinkedHashSet<>(forbiddenAggregates);
        next.addAll(aggregateUuids);
        return new PlacementQuery(resources, requiredTraits, forbiddenTraits, memberOf, next, inTree, limit);
    }

    /** This query restricted to one provider tree. */
    public PlacementQuery withInTree(String rootProviderUuid) {
        return new PlacementQuery(resources, requiredTraits, forbiddenTraits, memberOf, forbiddenAggregates,
                rootProviderUuid, limit);
    }

    /** This query with another limit. */
    public PlacementQuery withLimit(Integer max) {
        return new PlacementQuery(resources, requiredTraits, forbiddenTraits, memberOf, forbiddenAggregates, inTree,
                max);
    }

    /** The resources in Placement's syntax, sorted: {@code DISK_GB:20,MEMORY_MB:2048,VCPU:2}. */
    public String resourcesText() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(resources).forEach((rc, n) -> out.append(out.isEmpty() ? "" : ",").append(rc).append(':')
                .append(n));
        return out.toString();
    }

    /** The query string Placement's API takes, with sorted parts so equal queries read the same. */
    public String toQueryString() {
        StringBuilder q = new StringBuilder("resources=").append(resourcesText());
        if (!requiredTraits.isEmpty() || !forbiddenTraits.isEmpty()) {
            List<String> traits = new ArrayList<>(new TreeSet<>(requiredTraits));
            new TreeSet<>(forbiddenTraits).forEach(t -> traits.add("!" + t));
            q.append("&required=").append(String.join(",", traits));
        }
        for (Set<String> any : memberOf) {
            q.append("&member_of=in:").append(String.join(",", new TreeSet<>(any)));
        }
        if (!forbiddenAggregates.isEmpty()) {
            q.append("&member_of=!in:").append(String.join(",", new TreeSet<>(forbiddenAggregates)));
        }
        if (inTree != null) {
            q.append("&in_tree=").append(inTree);
        }
        if (limit != null) {
            q.append("&limit=").append(limit);
        }
        return q.toString();
    }
}
