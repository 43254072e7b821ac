package dev.overcast.placement.candidates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.PlacementErrors;

/**
 * Parses the query of {@code GET /allocation_candidates} (1.10–1.39) into a
 * {@link CandidateQuery}, pure: schema per microversion, then the request groups by suffix,
 * then the request-wide parameters, with upstream's checks and 400 messages. Whether the named
 * resource classes and traits exist is the caller's check (it needs the database).
 */
public final class CandidateQueryParser {
    private CandidateQueryParser() {
    }

    private static final Pattern KEY = Pattern.compile("^(resources|required|member_of|in_tree)([1-9][0-9]*)?$");
    private static final Pattern KEY_1_33 =
            Pattern.compile("^(resources|required|member_of|in_tree)([a-zA-Z0-9_-]{1,64})?$");

    /** The parsed query; a 400 {@link ApiException} when it is malformed. */
    public static CandidateQuery parse(Map<String, List<String>> query, ApiVersion v) {
        QuerySchema.allocationCandidates(v).validate(query);
        Wide wide = wide(query, v);
        Map<String, RequestGroup> bySuffix = groups(query, v);
        if (v.isAtLeast(new ApiVersion(1, 36))) {
            checkResourceless(bySuffix, wide.sameSubtrees);
        } else {
            checkOrphans(bySuffix);
        }
        if (v.isAtLeast(new ApiVersion(1, 22))) {
            checkConflicts(bySuffix);
        }
        int granular = 0;
        for (RequestGroup g : bySuffix.values()) {
            granular += g.granular() ? 1 : 0;
        }
        if (wide.policy == null && granular > 1) {
            throw ApiException.badRequest("The \"group_policy\" parameter is required when specifying more than one "
                    + "\"resources{N}\" parameter.");
        }
        List<RequestGroup> ordered = new ArrayList<>();
        RequestGroup unsuffixed = bySuffix.get("");
        if (unsuffixed != null) {
            ordered.add(unsuffixed);
        }
        for (RequestGroup g : bySuffix.values()) {
            if (g.granular()) {
                ordered.add(g);
            }
        }
        return new CandidateQuery(ordered, wide.policy, wide.limit, wide.rootRequired, wide.rootForbidden,
                wide.sameSubtrees);
    }

    private record Wide(Integer limit, GroupPolicy policy, Set<String> rootRequired, Set<String> rootForbidden,
                        List<Set<String>> sameSubtrees) {
    }

    private static Wide wide(Map<String, List<String>> query, ApiVersion v) {
        // Upstream takes the first limit and the first group_policy when repeated.
        Integer limit = first(query, "limit") == null ? null : Integer.valueOf(first(query, "limit"));
        String policy = first(query, "group_policy");
        Set<String> rootRequired = Set.of();
        Set<String> rootForbidden = Set.of();
        List<String> root = query.getOrDefault("root_required", List.of());
        if (!root.isEmpty()) {
            if (root.size() > 1) {
                throw PlacementErrors.badRequest("Query parameter 'root_required' may be specified only once.",
                        PlacementErrors.QUERY_DUPLICATE_KEY);
            }
            // root_required has no any-traits form, whatever the microversion.
            QueryValues.Traits t = QueryValues.traits(root.getFirst(), true, false);
            rootRequired = new LinkedHashSet<>();
            for (Set<String> one : t.required()) {
                rootRequired.addAll(one);
            }
            rootForbidden = t.forbidden();
            Set<String> conflicts = new TreeSet<>(rootRequired);
            conflicts.retainAll(rootForbidden);
            if (!conflicts.isEmpty()) {
                throw PlacementErrors.badRequest("Conflicting required and forbidden traits found in root_required: "
                        + String.join(", ", conflicts), PlacementErrors.QUERY_BAD_VALUE);
            }
        }
        List<Set<String>> subtrees = new ArrayList<>();
        for (String value : query.getOrDefault("same_subtree", List.of())) {
            Set<String> suffixes = new LinkedHashSet<>();
            for (String s : value.split(",", -1)) {
                suffixes.add(s.strip());
            }
            if (suffixes.contains("")) {
                throw PlacementErrors.badRequest("Empty string (unsuffixed group) can not be specified in "
                        + "`same_subtree` ", PlacementErrors.QUERY_BAD_VALUE);
            }
            subtrees.add(suffixes);
        }
        GroupPolicy gp = policy == null ? null : GroupPolicy.valueOf(policy.toUpperCase(java.util.Locale.ROOT));
        return new Wide(limit, gp, rootRequired, rootForbidden, subtrees);
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static Map<String, RequestGroup> groups(Map<String, List<String>> query, ApiVersion v) {
        boolean allowForbidden = v.isAtLeast(new ApiVersion(1, 22));
        boolean allowAny = v.isAtLeast(new ApiVersion(1, 39));
        boolean manyMemberOf = v.isAtLeast(new ApiVersion(1, 24));
        boolean forbiddenAggs = v.isAtLeast(new ApiVersion(1, 32));
        Pattern key = v.isAtLeast(new ApiVersion(1, 33)) ? KEY_1_33 : KEY;
        // Upstream keeps groups in query-string order; the host hands the query over without
        // its order, so groups go by suffix: numbers numerically, then names.
        Map<String, RequestGroup> bySuffix = new java.util.TreeMap<>(CandidateQueryParser::bySuffix);
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            Matcher m = key.matcher(e.getKey());
            if (!m.matches() || e.getValue().isEmpty()) {
                continue;
            }
            String suffix = m.group(2) == null ? "" : m.group(2);
            RequestGroup g = bySuffix.get(suffix);
            if (g == null) {
                g = new RequestGroup(suffix, Map.of(), List.of(), Set.of(), List.of(), Set.of(), null);
            }
            List<String> values = e.getValue();
            switch (m.group(1)) {
                case "resources" -> {
                    Map<String, Long> amounts = Map.of();
                    for (String value : values) {
                        amounts = QueryValues.resources(value);
                    }
                    g = g.withResources(amounts);
                }
                case "required" -> {
                    QueryValues.Traits t = QueryValues.traits(values, allowForbidden, allowAny);
                    g = g.withRequired(t.required(), t.forbidden());
                }
                case "member_of" -> {
                    QueryValues.Aggregates a = QueryValues.memberOf(values, suffix, manyMemberOf, forbiddenAggs);
                    g = g.withMemberOf(a.required(), a.forbidden());
                }
                default -> {
                    String tree = null;
                    for (String value : values) {
                        tree = QueryValues.inTree(value);
                    }
                    g = g.withInTree(tree);
                }
            }
            bySuffix.put(suffix, g);
        }
        return bySuffix;
    }

    private static int bySuffix(String a, String b) {
        boolean an = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean bn = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        if (an && bn) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** Before 1.36: every group with traits or aggregates must have resources. */
    private static void checkOrphans(Map<String, RequestGroup> bySuffix) {
        List<String> orphans = new ArrayList<>();
        for (RequestGroup g : bySuffix.values()) {
            if (!g.requiredTraits().isEmpty() && g.resources().isEmpty()) {
                orphans.add("required" + g.suffix());
            }
        }
        if (!orphans.isEmpty()) {
            throw ApiException.badRequest("All traits parameters must be associated with resources.  Found the "
                    + "following orphaned traits keys: " + String.join(", ", orphans));
        }
        for (RequestGroup g : bySuffix.values()) {
            if (g.resources().isEmpty() && (!g.memberOf().isEmpty() || !g.forbiddenAggregates().isEmpty())) {
                orphans.add("member_of" + g.suffix());
            }
        }
        if (!orphans.isEmpty()) {
            throw ApiException.badRequest("All member_of parameters must be associated with resources. Found the "
                    + "following orphaned member_of keys: " + String.join(", ", orphans));
        }
        for (RequestGroup g : bySuffix.values()) {
            if (g.resources().isEmpty()) {
                throw ApiException.badRequest("All request groups must specify resources.");
            }
        }
        if (bySuffix.isEmpty()) {
            throw ApiException.badRequest("At least one request group (`resources` or `resources{$S}`) is required.");
        }
    }

    /** From 1.36: resourceless groups are allowed when named in {@code same_subtree}. */
    private static void checkResourceless(Map<String, RequestGroup> bySuffix, List<Set<String>> subtrees) {
        List<String> resourceless = new ArrayList<>();
        for (RequestGroup g : bySuffix.values()) {
            if (g.resources().isEmpty()) {
                resourceless.add(g.suffix());
            }
        }
        if (resourceless.size() == bySuffix.size()) {
            throw PlacementErrors.badRequest("There must be at least one resources or resources[$S] parameter.",
                    PlacementErrors.QUERY_MISSING_VALUE);
        }
        Set<String> named = new LinkedHashSet<>();
        for (Set<String> s : subtrees) {
            named.addAll(s);
        }
        List<String> bad = new ArrayList<>();
        for (String s : resourceless) {
            if (!named.contains(s)) {
                bad.add(s);
            }
        }
        if (!bad.isEmpty()) {
            throw PlacementErrors.badRequest("Resourceless suffixed group request should be specified in "
                    + "`same_subtree` query param: bad group(s) - " + QueryValues.repr(bad) + ".",
                    PlacementErrors.QUERY_BAD_VALUE);
        }
        List<String> unknown = new ArrayList<>();
        for (String s : named) {
            if (!bySuffix.containsKey(s)) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw PlacementErrors.badRequest("Real suffixes should be specified in `same_subtree`: "
                    + QueryValues.repr(unknown) + " not found in " + QueryValues.repr(new ArrayList<>(bySuffix.keySet()))
                    + ".", PlacementErrors.QUERY_BAD_VALUE);
        }
    }

    /** From 1.22: a required any-of set wholly forbidden in the same group is a contradiction. */
    private static void checkConflicts(Map<String, RequestGroup> bySuffix) {
        TreeSet<String> conflicts = new TreeSet<>();
        for (RequestGroup g : bySuffix.values()) {
            for (Set<String> any : g.requiredTraits()) {
                if (g.forbiddenTraits().containsAll(any)) {
                    conflicts.add("required" + g.suffix() + ": (" + String.join(", ", new TreeSet<>(any)) + ")");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw ApiException.badRequest("Conflicting required and forbidden traits found in the following traits "
                    + "keys: " + String.join(", ", conflicts));
        }
    }
}
