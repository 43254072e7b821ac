package dev.overcast.placement.candidates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.version.ApiVersion;
import dev.overcast.placement.model.Provider;

/**
 * The filters of {@code GET /resource_providers}: {@code name}, {@code uuid}, {@code member_of}
 * (1.3; repeatable 1.24; {@code !} forms 1.32), {@code resources} (1.4: providers that alone have
 * room for every amount), {@code in_tree} (1.14), {@code required} (1.18; {@code !} 1.22;
 * {@code in:} and repeated 1.39). Every filter is on the provider itself.
 *
 * @param name           exact name, or null
 * @param uuid           exact uuid, or null
 * @param memberOf       each set an any-of of aggregates, all sets met
 * @param forbiddenAggs  aggregates the provider must not be in
 * @param resources      amounts the provider must have room for
 * @param inTree         a provider whose tree the provider must be in, or null
 * @param requiredTraits each set an any-of, all sets met
 * @param forbiddenTraits traits the provider must not have
 */
public record ProviderFilter(String name, String uuid, List<Set<String>> memberOf, Set<String> forbiddenAggs,
                             Map<String, Long> resources, String inTree, List<Set<String>> requiredTraits,
                             Set<String> forbiddenTraits) {

    /** Parses the query at microversion {@code v}; a 400 when malformed. */
    public static ProviderFilter parse(Map<String, List<String>> query, ApiVersion v) {
        QuerySchema.resourceProviders(v).validate(query);
        List<Set<String>> memberOf = List.of();
        Set<String> forbiddenAggs = Set.of();
        if (has(query, "member_of")) {
            QueryValues.Aggregates a = QueryValues.memberOf(query.get("member_of"), "",
                    v.isAtLeast(new ApiVersion(1, 24)), v.isAtLeast(new ApiVersion(1, 32)));
            memberOf = a.required();
            forbiddenAggs = a.forbidden();
        }
        List<Set<String>> required = List.of();
        Set<String> forbidden = Set.of();
        if (has(query, "required")) {
            QueryValues.Traits t = QueryValues.traits(query.get("required"), v.isAtLeast(new ApiVersion(1, 22)),
                    v.isAtLeast(new ApiVersion(1, 39)));
            required = t.required();
            forbidden = t.forbidden();
        }
        Map<String, Long> resources = has(query, "resources") ? QueryValues.resources(last(query, "resources"))
                : Map.of();
        return new ProviderFilter(last(query, "name"), last(query, "uuid"), memberOf, forbiddenAggs, resources,
                last(query, "in_tree"), required, forbidden);
    }

    private static boolean has(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values != null && !values.isEmpty();
    }

    private static String last(Map<String, List<String>> query, String key) {
        return has(query, key) ? query.get(key).getLast() : null;
    }

    public ProviderFilter {
        memberOf = memberOf.stream().map(Set::copyOf).toList();
        forbiddenAggs = Set.copyOf(forbiddenAggs);
        resources = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
        requiredTraits = requiredTraits.stream().map(Set::copyOf).toList();
        forbiddenTraits = Set.copyOf(forbiddenTraits);
    }

    /** Every trait name the filter mentions, for the existence check. */
    public Set<String> traitNames() {
        Set<String> out = new java.util.TreeSet<>(forbiddenTraits);
        for (Set<String> any : requiredTraits) {
            out.addAll(any);
        }
        return out;
    }

    /** The matching providers of {@code view}, in its order. */
    public List<Provider> apply(ProviderView view) {
        String treeRoot = null;
        if (inTree != null) {
            Provider anchor = view.get(inTree);
            if (anchor == null) {
                return List.of();
            }
            treeRoot = anchor.rootUuid();
        }
        if (uuid != null) {
            Provider p = view.get(uuid);
            return p != null && matches(p, treeRoot) ? List.of(p) : List.of();
        }
        List<Provider> out = new ArrayList<>();
        for (String id : view.uuids()) {
            Provider p = view.get(id);
            if (p != null && matches(p, treeRoot)) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean matches(Provider p, String treeRoot) {
        if (name != null && !name.equals(p.name())) {
            return false;
        }
        if (treeRoot != null && !treeRoot.equals(p.rootUuid())) {
            return false;
        }
        for (Set<String> any : memberOf) {
            if (Collections.disjoint(any, p.aggregates())) {
                return false;
            }
        }
        if (!Collections.disjoint(forbiddenAggs, p.aggregates())) {
            return false;
        }
        for (Map.Entry<String, Long> r : resources.entrySet()) {
            if (!p.canAllocate(r.getKey(), r.getValue())) {
                return false;
            }
        }
        for (Set<String> any : requiredTraits) {
            if (Collections.disjoint(any, p.traits())) {
                return false;
            }
        }
        return Collections.disjoint(forbiddenTraits, p.traits());
    }
}
