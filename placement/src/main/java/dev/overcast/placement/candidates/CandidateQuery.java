package dev.overcast.placement.candidates;

import java.util.List;
import java.util.Set;

/**
 * A whole allocation-candidates query, as parsed from {@code GET /allocation_candidates} or
 * built by an in-process caller.
 *
 * @param groups        the request groups, unsuffixed first when there is one, then in query order
 * @param groupPolicy   null when not given (allowed with at most one granular group)
 * @param limit         at most this many allocation requests, or null for all
 * @param rootRequired  traits the root of every candidate's tree must have (1.35)
 * @param rootForbidden traits the root of every candidate's tree must not have (1.35)
 * @param sameSubtrees  each set of suffixes must be satisfied within one subtree (1.36)
 */
public record CandidateQuery(List<RequestGroup> groups, GroupPolicy groupPolicy, Integer limit,
                             Set<String> rootRequired, Set<String> rootForbidden, List<Set<String>> sameSubtrees) {

    public CandidateQuery {
        groups = List.copyOf(groups);
        rootRequired = Set.copyOf(rootRequired);
        rootForbidden = Set.copyOf(rootForbidden);
        sameSubtrees = sameSubtrees.stream().map(Set::copyOf).toList();
    }

    /** A query of plain groups: no policy, limit, root traits or subtrees. */
    public static CandidateQuery of(List<RequestGroup> groups) {
        return new CandidateQuery(groups, null, null, Set.of(), Set.of(), List.of());
    }

    public CandidateQuery withLimit(Integer max) {
        return new CandidateQuery(groups, groupPolicy, max, rootRequired, rootForbidden, sameSubtrees);
    }

    public CandidateQuery withPolicy(GroupPolicy policy) {
        return new CandidateQuery(groups, policy, limit, rootRequired, rootForbidden, sameSubtrees);
    }

    public CandidateQuery withRoot(Set<String> required, Set<String> forbidden) {
        return new CandidateQuery(groups, groupPolicy, limit, required, forbidden, sameSubtrees);
    }

    public CandidateQuery withSameSubtrees(List<Set<String>> subtrees) {
        return new CandidateQuery(groups, groupPolicy, limit, rootRequired, rootForbidden, subtrees);
    }
}
