package dev.overcast.placement.candidates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request group of an allocation-candidates query: the unsuffixed group (its resources may
 * come from several providers of one tree and from sharing providers) or a granular group
 * {@code resourcesN}/{@code resources_NAME} (satisfied by exactly one provider).
 *
 * @param suffix              "" for the unsuffixed group, else the suffix ("1", "_NIC")
 * @param resources           resource class → amount, in the order asked; empty for a
 *                            resourceless group (1.36+, named in {@code same_subtree})
 * @param requiredTraits      each set is an any-of (1.39 {@code in:}); all sets must be met
 * @param forbiddenTraits     traits no provider supplying the group may have
 * @param memberOf            each set is an any-of of aggregates; all sets must be met
 * @param forbiddenAggregates aggregates the group's providers (and their roots) must be outside of
 * @param inTree              a provider uuid whose tree must satisfy the group, or null
 */
public record RequestGroup(String suffix, Map<String, Long> resources, List<Set<String>> requiredTraits,
                           Set<String> forbiddenTraits, List<Set<String>> memberOf, Set<String> forbiddenAggregates,
                           String inTree) {

    public RequestGroup {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        requiredTraits = requiredTraits.stream().map(Set::copyOf).toList();
        forbiddenTraits = Set.copyOf(forbiddenTraits);
        memberOf = memberOf.stream().map(Set::copyOf).toList();
        forbiddenAggregates = Set.copyOf(forbiddenAggregates);
    }

    /** A group with only resources, for in-process callers and tests. */
    public static RequestGroup of(String suffix, Map<String, Long> resources) {
        return new RequestGroup(suffix, resources, List.of(), Set.of(), List.of(), Set.of(), null);
    }

    /** True for a suffixed group, whose resources all come from one provider. */
    public boolean granular() {
        return !suffix.isEmpty();
    }

    public RequestGroup withRequired(List<Set<String>> required, Set<String> forbidden) {
        return new RequestGroup(suffix, resources, required, forbidden, memberOf, forbiddenAggregates, inTree);
    }

    public RequestGroup withMemberOf(List<Set<String>> member, Set<String> forbidden) {
        return new RequestGroup(suffix, resources, requiredTraits, forbiddenTraits, member, forbidden, inTree);
    }

    public RequestGroup withInTree(String uuid) {
        return new RequestGroup(suffix, resources, requiredTraits, forbiddenTraits, memberOf, forbiddenAggregates,
                uuid);
    }

    public RequestGroup withResources(Map<String, Long> amounts) {
        return new RequestGroup(suffix, amounts, requiredTraits, forbiddenTraits, memberOf, forbiddenAggregates,
                inTree);
    }
}
