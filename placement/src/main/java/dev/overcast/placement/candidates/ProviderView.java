package dev.overcast.placement.candidates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderIndex;

/**
 * What the candidate engine reads about providers: every uuid in a stable order, one provider,
 * one tree, and the sharing providers. The live {@link ProviderIndex} is one; a fixed set of
 * records (tests, benchmarks, what-if callers) is another.
 */
public interface ProviderView {

    /** Every provider uuid in a stable order (the order candidates come out in). */
    List<String> uuids();

    /** The providers in the order of {@link #uuids()}, for walks that visit them all. */
    default List<Provider> providers() {
        List<String> uuids = uuids();
        List<Provider> out = new java.util.ArrayList<>(uuids.size());
        for (String uuid : uuids) {
            out.add(get(uuid));
        }
        return out;
    }

    /** The provider, or null when there is none. */
    Provider get(String uuid);

    /** The providers of the tree rooted at {@code rootUuid}, root first, parents before children. */
    List<Provider> tree(String rootUuid);

    /** True when some provider names {@code uuid} as its parent. */
    boolean hasChildren(String uuid);

    /** The uuids of providers with trait {@link ProviderIndex#SHARES_VIA_AGGREGATE}. */
    Set<String> sharing();

    /** The live index, read as it is at each call. */
    static ProviderView of(ProviderIndex index) {
        return new ProviderView() {
            @Override
            public List<String> uuids() {
                return index.uuids();
            }

            @Override
            public List<Provider> providers() {
                return index.providers();
            }

            @Override
            public Provider get(String uuid) {
                return index.get(uuid).orElse(null);
            }

            @Override
            public List<Provider> tree(String rootUuid) {
                return index.tree(rootUuid);
            }

            @Override
            public boolean hasChildren(String uuid) {
                return index.hasChildren(uuid);
            }

            @Override
            public Set<String> sharing() {
                return index.sharing();
            }
        };
    }

    /** A fixed snapshot of {@code providers}, in the order given. */
    static ProviderView of(Collection<Provider> providers) {
        Map<String, Provider> byUuid = new LinkedHashMap<>();
        Set<String> sharing = new LinkedHashSet<>();
        Map<String, List<String>> children = new HashMap<>();
        for (Provider p : providers) {
            byUuid.put(p.uuid(), p);
            if (p.traits().contains(ProviderIndex.SHARES_VIA_AGGREGATE)) {
                sharing.add(p.uuid());
            }
            if (p.parentUuid() != null) {
                children.computeIfAbsent(p.parentUuid(), k -> new ArrayList<>()).add(p.uuid());
            }
        }
        Map<String, List<Provider>> trees = new HashMap<>();
        for (Provider p : byUuid.values()) {
            if (p.isRoot()) {
                List<Provider> members = new ArrayList<>();
                members.add(p);
                for (int i = 0; i < members.size(); i++) {
                    for (String c : children.getOrDefault(members.get(i).uuid(), List.of())) {
                        members.add(byUuid.get(c));
                    }
                }
                trees.put(p.uuid(), List.copyOf(members));
            }
        }
        List<String> order = List.copyOf(byUuid.keySet());
        Set<String> shared = Collections.unmodifiableSet(sharing);
        return new ProviderView() {
            @Override
            public List<String> uuids() {
                return order;
            }

            @Override
            public Provider get(String uuid) {
                return byUuid.get(uuid);
            }

            @Override
            public List<Provider> tree(String rootUuid) {
                return trees.getOrDefault(rootUuid, List.of());
            }

            @Override
            public boolean hasChildren(String uuid) {
                return children.containsKey(uuid);
            }

            @Override
            public Set<String> sharing() {
                return shared;
            }
        };
    }
}
