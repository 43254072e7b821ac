package dev.overcast.placement.candidates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.placement.candidates.AllocationCandidates.AllocationRequest;
import dev.overcast.placement.candidates.AllocationCandidates.Options;
import dev.overcast.placement.candidates.AllocationCandidates.Result;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderSlots;
import dev.overcast.placement.model.ResourceRoom;

/**
 * One run of the engine (see {@link AllocationCandidates} for the design): walks the roots,
 * collects each root's candidates, stops at the limit. Not thread-safe; one per query.
 */
final class CandidateSearch {
    private final ProviderView view;
    private final CandidateQuery query;
    private final Options options;
    private final Group[] groups;
    private final int granularCount;
    private final int limit;
    private final boolean isolate;
    /** The candidates so far, in order. */
    private final List<AllocationRequest> found = new ArrayList<>();
    /** By position in {@link #found}, the uuid of the root each candidate was anchored at. */
    private final List<String> anchors = new ArrayList<>();
    /**
     * The candidates that could come twice (from several anchors: those using sharing
     * providers, or made by combining groups). A single root's own candidate is unique and
     * skips this set.
     */
    private final Set<AllocationRequest> seen = new HashSet<>();
    private List<Provider> sharing = List.of();
    private Set<String> sharingUuids = Set.of();

    /** A request group compiled for matching: resources as parallel arrays, its in_tree resolved. */
    private static final class Group {
        final RequestGroup source;
        final String[] classes;
        /** By position, the classes' {@link ResourceRoom#number}s. */
        final int[] numbers;
        final long[] amounts;
        String inTreeRoot;

        Group(RequestGroup source) {
            this.source = source;
            int n = source.resources().size();
            classes = new String[n];
            numbers = new int[n];
            amounts = new long[n];
            int i = 0;
            for (Map.Entry<String, Long> e : source.resources().entrySet()) {
                classes[i] = e.getKey();
                numbers[i] = ResourceRoom.number(e.getKey());
                amounts[i] = e.getValue();
                i++;
            }
        }

        boolean granular() {
            return source.granular();
        }
    }

    /** One way a group is met at an anchor: who supplies each of its resources, and who it maps to. */
    private record Choice(Group group, Provider[] byResource, List<Provider> mapped) {
    }

    CandidateSearch(ProviderView view, CandidateQuery query, Options options) {
        this.view = view;
        this.query = query;
        this.options = options;
        this.groups = new Group[query.groups().size()];
        int granular = 0;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new Group(query.groups().get(i));
            granular += groups[i].granular() ? 1 : 0;
        }
        this.granularCount = granular;
        this.limit = query.limit() == null ? Integer.MAX_VALUE : query.limit();
        this.isolate = query.groupPolicy() == GroupPolicy.ISOLATE;
    }

    private java.util.random.RandomGenerator random() {
        return options.random() != null ? options.random() : java.util.concurrent.ThreadLocalRandom.current();
    }

    Result run() {
        if (groups.length == 0) {
            return Result.EMPTY;
        }
        String onlyAnchor = null;
        for (Group g : groups) {
            if (g.source.inTree() != null) {
                Provider p = lookup(g.source.inTree());
                if (p == null) {
                    return Result.EMPTY;
                }
                g.inTreeRoot = p.rootUuid();
                if (!g.granular()) {
                    // The unsuffixed group draws only on that tree (no sharing providers), so
                    // every candidate is anchored there.
                    onlyAnchor = g.inTreeRoot;
                }
            }
        }
        Set<String> shared = view.sharing();
        sharingUuids = shared;
        if (!shared.isEmpty()) {
            List<Provider> resolved = new ArrayList<>(shared.size());
            for (String uuid : shared) {
                Provider p = view.get(uuid);
                if (p != null) {
                    resolved.add(p);
                }
            }
            sharing = resolved;
        }
        if (onlyAnchor != null) {
            Provider root = view.get(onlyAnchor);
            if (root != null) {
                visit(root, null);
            }
        } else {
            walk();
        }
        if (options.randomize()) {
            for (int i = found.size() - 1; i > 0; i--) {
                int j = random().nextInt(i + 1);
                Collections.swap(found, i, j);
                Collections.swap(anchors, i, j);
            }
        }
        return new Result(List.copyOf(found), options.summaries() ? summaries(found) : List.of(),
                List.copyOf(anchors));
    }

    private Provider lookup(String uuid) {
        Provider p = view.get(uuid);
        if (p == null) {
            String dashed = uuid.toLowerCase(java.util.Locale.ROOT).replace("-", "");
            if (dashed.length() == 32) {
                p = view.get(dashed.substring(0, 8) + "-" + dashed.substring(8, 12) + "-" + dashed.substring(12, 16)
                        + "-" + dashed.substring(16, 20) + "-" + dashed.substring(20));
            }
        }
        return p;
    }

    private void walk() {
        List<Provider> order = view.providers();
        ProviderSlots slots = order instanceof ProviderSlots s ? s : null;
        int n = order.size();
        if (n == 0) {
            return;
        }
        int start = options.randomize() ? random().nextInt(n) : 0;
        for (int i = 0; i < n && found.size() < limit; i++) {
            int at = start + i;
            if (at >= n) {
                at -= n;
            }
            Provider p = order.get(at);
            if (p != null && p.isRoot()) {
                visit(p, slots == null ? null : slots.room(at));
            }
        }
    }

    /**
     * Adds the candidates anchored at root {@code root}.
     *
     * @param room the root's {@link ResourceRoom} when the view keeps it, else null
     */
    private void visit(Provider root, long[] room) {
        if (!rootTraitsOk(root)) {
            return;
        }
        boolean childless = !view.hasChildren(root.uuid());
        List<Provider> tree = childless ? List.of(root) : view.tree(root.uuid());
        List<Provider> shared = sharedWith(root, tree);
        if (groups.length == 1 && !groups[0].granular() && childless && shared.isEmpty()) {
            // The common case: one group, a childless root, nothing shared with it.
            Group g = groups[0];
            if (alone(g, root, room)) {
                // Unique: only this anchor makes it, unless the root is itself a sharing provider.
                AllocationRequest single = new AllocationRequest(Map.of(root.uuid(), g.source.resources()),
                        Map.of("", List.of(root.uuid())));
                if (sharingUuids.isEmpty() || !sharingUuids.contains(root.uuid()) || seen.add(single)) {
                    found.add(single);
                    anchors.add(root.uuid());
                }
            }
            return;
        }
        List<List<Choice>> perGroup = new ArrayList<>(groups.length);
        for (Group g : groups) {
            List<Choice> choices = g.granular() ? single(g, tree, shared) : spread(g, root, tree, shared);
            if (choices.isEmpty()) {
                return;
            }
            perGroup.add(choices);
        }
        combine(root, perGroup);
    }

    private boolean rootTraitsOk(Provider root) {
        Set<String> traits = root.traits();
        return (query.rootRequired().isEmpty() || traits.containsAll(query.rootRequired()))
                && none(query.rootForbidden(), traits);
    }

    /**
     * True when a provider's {@code has} holds none of the query's {@code wanted}. Asks
     * {@code has} about each wanted element: {@link Collections#disjoint} would walk every trait
     * of the provider instead, and make an iterator even for nothing wanted.
     */
    private static boolean none(Set<String> wanted, Set<String> has) {
        if (!wanted.isEmpty()) {
            for (String w : wanted) {
                if (has.contains(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The sharing providers outside this tree that share an aggregate with some provider in it. */
    private List<Provider> sharedWith(Provider root, List<Provider> tree) {
        if (sharing.isEmpty()) {
            return List.of();
        }
        List<Provider> out = new ArrayList<>();
        for (Provider s : sharing) {
            if (s.rootUuid().equals(root.uuid()) || s.aggregates().isEmpty()) {
                continue;
            }
            for (Provider member : tree) {
                if (!Collections.disjoint(member.aggregates(), s.aggregates())) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * True when provider {@code p} alone meets group {@code g}: tree, resources, traits, aggregates.
     *
     * @param room {@code p}'s {@link ResourceRoom}, read instead of its maps, or null
     */
    private static boolean alone(Group g, Provider p, long[] room) {
        if (g.inTreeRoot != null && !g.inTreeRoot.equals(p.rootUuid())) {
            return false;
        }
        if (room != null) {
            if (!ResourceRoom.fits(room, g.numbers, g.amounts)) {
                return false;
            }
        } else {
            for (int i = 0; i < g.classes.length; i++) {
                if (!p.canAllocate(g.classes[i], g.amounts[i])) {
                    return false;
                }
            }
        }
        RequestGroup s = g.source;
        Set<String> traits = p.traits();
        for (Set<String> any : s.requiredTraits()) {
            if (none(any, traits)) {
                return false;
            }
        }
        return none(s.forbiddenTraits(), traits) && inAll(s.memberOf(), p.aggregates())
                && none(s.forbiddenAggregates(), p.aggregates());
    }

    private static boolean inAll(List<Set<String>> memberOf, Set<String> aggregates) {
        for (Set<String> any : memberOf) {
            if (none(any, aggregates)) {
                return false;
            }
        }
        return true;
    }

    /** A granular group: each provider of the tree, or shared with it, that meets it alone. */
    private static List<Choice> single(Group g, List<Provider> tree, List<Provider> shared) {
        List<Choice> out = new ArrayList<>();
        for (Provider p : tree) {
            if (alone(g, p, null)) {
                out.add(choiceOf(g, p));
            }
        }
        for (Provider s : shared) {
            if (alone(g, s, null)) {
                out.add(choiceOf(g, s));
            }
        }
        return out;
    }

    private static Choice choiceOf(Group g, Provider p) {
        Provider[] by = new Provider[g.classes.length];
        java.util.Arrays.fill(by, p);
        return new Choice(g, by, List.of(p));
    }

    /**
     * The unsuffixed group: each resource class from any one provider of the tree (or shared
     * with it) with room for it, every combination whose providers together have the required
     * traits. Aggregates: a tree provider qualifies when it or its root is in them (an aggregate
     * on a root spans its tree); a sharing provider must be in them itself.
     */
    private List<Choice> spread(Group g, Provider root, List<Provider> tree, List<Provider> shared) {
        RequestGroup s = g.source;
        if (!none(s.forbiddenAggregates(), root.aggregates())) {
            return List.of();
        }
        boolean rootInAggregates = inAll(s.memberOf(), root.aggregates());
        int n = g.classes.length;
        List<List<Provider>> options = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Provider> opts = new ArrayList<>(2);
            for (Provider p : tree) {
                if (p.canAllocate(g.classes[i], g.amounts[i]) && usable(s, p)
                        && (rootInAggregates || inAll(s.memberOf(), p.aggregates()))) {
                    opts.add(p);
                }
            }
            if (g.inTreeRoot == null) {
                for (Provider sp : shared) {
                    if (sp.canAllocate(g.classes[i], g.amounts[i]) && usable(s, sp)
                            && inAll(s.memberOf(), sp.aggregates())) {
                        opts.add(sp);
                    }
                }
            }
            if (opts.isEmpty()) {
                return List.of();
            }
            options.add(opts);
        }
        List<Choice> out = new ArrayList<>();
        int[] at = new int[n];
        while (true) {
            Provider[] by = new Provider[n];
            LinkedHashSet<Provider> used = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                by[i] = options.get(i).get(at[i]);
                used.add(by[i]);
            }
            if (collectivelyHas(s.requiredTraits(), used)) {
                out.add(new Choice(g, by, List.copyOf(used)));
            }
            if (!advance(at, options)) {
                return out;
            }
        }
    }

    /** Without a forbidden trait or a forbidden aggregate of its own. */
    private static boolean usable(RequestGroup s, Provider p) {
        return none(s.forbiddenTraits(), p.traits()) && none(s.forbiddenAggregates(), p.aggregates());
    }

    private static boolean collectivelyHas(List<Set<String>> required, Set<Provider> providers) {
        for (Set<String> any : required) {
            boolean met = false;
            for (Provider p : providers) {
                if (!none(any, p.traits())) {
                    met = true;
                    break;
                }
            }
            if (!met) {
                return false;
            }
        }
        return true;
    }

    /** Steps an odometer over the lists' indexes, last fastest; false once it wraps. */
    private static boolean advance(int[] at, List<? extends List<?>> lists) {
        for (int k = at.length - 1; k >= 0; k--) {
            if (++at[k] < lists.get(k).size()) {
                return true;
            }
            at[k] = 0;
        }
        return false;
    }

    /** Every pick of one choice per group, merged, while under the limit. */
    private void combine(Provider root, List<List<Choice>> perGroup) {
        int m = perGroup.size();
        int[] at = new int[m];
        Choice[] pick = new Choice[m];
        while (found.size() < limit) {
            for (int j = 0; j < m; j++) {
                pick[j] = perGroup.get(j).get(at[j]);
            }
            AllocationRequest merged = merge(pick);
            if (merged != null && seen.add(merged)) {
                found.add(merged);
                anchors.add(root.uuid());
            }
            if (!advance(at, perGroup)) {
                return;
            }
        }
    }

    /** One choice per group as one allocation request; null when the pick breaks a rule. */
    private AllocationRequest merge(Choice[] pick) {
        if (isolate && granularCount > 1) {
            Set<String> distinct = new HashSet<>();
            for (Choice c : pick) {
                if (c.group.granular()) {
                    distinct.add(c.mapped.getFirst().uuid());
                }
            }
            if (distinct.size() != granularCount) {
                return null;
            }
        }
        if (!sameSubtreesOk(pick)) {
            return null;
        }
        Map<String, Map<String, Long>> allocations = new LinkedHashMap<>();
        Map<String, Provider> byUuid = new LinkedHashMap<>();
        for (Choice c : pick) {
            for (int i = 0; i < c.byResource.length; i++) {
                Provider p = c.byResource[i];
                byUuid.putIfAbsent(p.uuid(), p);
                allocations.computeIfAbsent(p.uuid(), k -> new LinkedHashMap<>())
                        .merge(c.group.classes[i], c.group.amounts[i], Long::sum);
            }
        }
        if (pick.length > 1 && exceedsCapacity(allocations, byUuid)) {
            return null;
        }
        if (!options.nestedAware()) {
            Set<String> roots = new HashSet<>();
            for (Provider p : byUuid.values()) {
                if (!roots.add(p.rootUuid())) {
                    return null;
                }
            }
        }
        Map<String, List<String>> mappings = new LinkedHashMap<>();
        for (Choice c : pick) {
            List<String> uuids = new ArrayList<>(c.mapped.size());
            for (Provider p : c.mapped) {
                uuids.add(p.uuid());
            }
            mappings.put(c.group.source.suffix(), Collections.unmodifiableList(uuids));
        }
        Map<String, Map<String, Long>> frozen = new LinkedHashMap<>();
        allocations.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return new AllocationRequest(Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(mappings));
    }

    /** Merged amounts of several groups on one provider must still fit: capacity and max_unit. */
    private static boolean exceedsCapacity(Map<String, Map<String, Long>> allocations, Map<String, Provider> byUuid) {
        for (Map.Entry<String, Map<String, Long>> e : allocations.entrySet()) {
            Provider p = byUuid.get(e.getKey());
            for (Map.Entry<String, Long> r : e.getValue().entrySet()) {
                Inventory inv = p.inventories().get(r.getKey());
                long amount = r.getValue();
                if (p.used(r.getKey()) + amount > inv.capacity() || amount > inv.maxUnit()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Each same_subtree set: its groups' providers all lie under one of them. */
    private boolean sameSubtreesOk(Choice[] pick) {
        for (Set<String> suffixes : query.sameSubtrees()) {
            Set<String> providers = new LinkedHashSet<>();
            for (Choice c : pick) {
                if (suffixes.contains(c.group.source.suffix())) {
                    for (Provider p : c.mapped) {
                        providers.add(p.uuid());
                    }
                }
            }
            if (providers.size() <= 1) {
                continue;
            }
            Set<String> common = null;
            for (String uuid : providers) {
                Set<String> ancestors = ancestors(uuid);
                if (common == null) {
                    common = ancestors;
                } else {
                    common.retainAll(ancestors);
                }
            }
            if (Collections.disjoint(common, providers)) {
                return false;
            }
        }
        return true;
    }

    /** The provider and every provider above it. */
    private Set<String> ancestors(String uuid) {
        Set<String> out = new HashSet<>();
        Provider p = view.get(uuid);
        while (p != null && out.add(p.uuid())) {
            p = p.parentUuid() == null ? null : view.get(p.parentUuid());
        }
        return out;
    }

    private List<Provider> summaries(List<AllocationRequest> requests) {
        Map<String, Provider> out = new LinkedHashMap<>();
        if (options.nestedAware()) {
            Set<String> roots = new LinkedHashSet<>();
            for (AllocationRequest r : requests) {
                for (String uuid : r.allocations().keySet()) {
                    Provider p = view.get(uuid);
                    if (p != null) {
                        roots.add(p.rootUuid());
                    }
                }
            }
            for (String root : roots) {
                for (Provider p : view.tree(root)) {
                    out.putIfAbsent(p.uuid(), p);
                }
            }
        } else {
            for (AllocationRequest r : requests) {
                for (String uuid : r.allocations().keySet()) {
                    Provider p = view.get(uuid);
                    if (p != null) {
                        out.putIfAbsent(uuid, p);
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }
}
