package dev.overcast.placement.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

/**
 * Every resource provider in memory, so that allocation candidates and provider lists never
 * scan the database: at 10,000 providers a candidate query is a walk over records, not a
 * join over inventories and summed allocations.
 *
 * <p>The database stays the authority. Writers change rows in a transaction (claims check
 * capacity there, under row locks) and, once committed, call {@link #refresh} for the
 * providers they touched; the index re-reads them. Two refreshes of one provider may finish
 * out of order, so a record only replaces one with a lower or equal generation — every
 * change bumps the generation, so the newest read wins. A provider deleted is removed.
 *
 * <p>This process sees its own writes at once. Writes by other processes sharing the
 * database are seen when something here refreshes those providers, or at {@link #loadAll}.
 */
public final class ProviderIndex {
    private final Jdbi jdbi;
    private final Map<String, Provider> byUuid = new ConcurrentHashMap<>();
    /** Root uuid → the uuids in its tree, root first. Guarded by {@code this} for writes. */
    private final Map<String, List<String>> trees = new ConcurrentHashMap<>();
    /** Every uuid, for walks that start at a random place; copy-on-write, guarded by {@code this}. */
    private volatile List<String> order = List.of();
    /**
     * Every provider in {@link #order}, slot {@code i} holding the newest copy of provider
     * {@code i}: walks read it in sequence without hashing a uuid per provider. Replaced when
     * providers come or go, updated in place when one changes; guarded by {@code this} for writes.
     */
    private volatile ProviderSlots slots = new ProviderSlots(List.of());
    /** Every uuid some provider names as its parent; rebuilt with the trees. */
    private volatile Set<String> parents = Set.of();
    /**
     * Providers that share their inventory through aggregates (trait {@value #SHARES_VIA_AGGREGATE}):
     * few, and every candidate query needs them, so they are kept rather than found by a scan.
     * Copy-on-write, guarded by {@code this}.
     */
    private volatile Set<String> sharing = Set.of();

    /** The standard trait that marks a provider sharing its inventory with its aggregates' trees. */
    public static final String SHARES_VIA_AGGREGATE = "MISC_SHARES_VIA_AGGREGATE";

    public ProviderIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
        loadAll();
    }

    /** Reads every provider from the database, replacing whatever the index held. */
    public synchronized void loadAll() {
        List<Provider> all = jdbi.withHandle(h -> ProviderRows.load(h, null));
        byUuid.clear();
        for (Provider p : all) {
            byUuid.put(p.uuid(), p);
        }
        rebuildStructure();
        rebuildSharing();
    }

    /** Re-reads {@code uuids} after a committed change; removes the ones that no longer exist. */
    public void refresh(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return;
        }
        List<Provider> fresh = jdbi.withHandle(h -> ProviderRows.load(h, uuids));
        boolean structure = false;
        boolean sharingChanged = false;
        synchronized (this) {
            Set<String> missing = new LinkedHashSet<>(uuids);
            for (Provider p : fresh) {
                missing.remove(p.uuid());
                Provider old = byUuid.get(p.uuid());
                if (old == null || old.generation() <= p.generation()) {
                    byUuid.put(p.uuid(), p);
                    slots.replace(p);
                    sharingChanged |= isSharing(p) != (old != null && isSharing(old));
                    structure |= old == null || !java.util.Objects.equals(old.parentUuid(), p.parentUuid())
                            || !old.rootUuid().equals(p.rootUuid());
                }
            }
            for (String gone : missing) {
                Provider removed = byUuid.remove(gone);
                structure |= removed != null;
                sharingChanged |= removed != null && isSharing(removed);
            }
            if (structure) {
                rebuildStructure();
            }
            if (sharingChanged) {
                rebuildSharing();
            }
        }
    }

    /**
     * What one committed write did to a provider's allocations.
     *
     * @param from  the provider's generation before the write
     * @param to    its generation after
     * @param delta the change in usage per resource class
     * @param at    when the write happened (the provider's new {@code updated_at})
     */
    public record UsageChange(String uuid, long from, long to, Map<String, Long> delta, java.time.Instant at) {
    }

    /**
     * Applies committed allocation changes without reading the database: a provider whose copy
     * here is at the change's {@code from} generation is the database's state before the
     * write, so adding the delta gives the state after. Providers whose copy is at another
     * generation (a concurrent write got here first, or a change by another process) are
     * re-read instead.
     */
    public void applyUsage(Collection<UsageChange> changes) {
        List<String> reread = new ArrayList<>();
        synchronized (this) {
            for (UsageChange c : changes) {
                if (c.to() == c.from()) {
                    continue; // locked, not changed
                }
                Provider old = byUuid.get(c.uuid());
                if (old == null || old.generation() != c.from()) {
                    reread.add(c.uuid());
                    continue;
                }
                Map<String, Long> usages = new java.util.HashMap<>(old.usages());
                c.delta().forEach((rc, d) -> {
                    long used = usages.getOrDefault(rc, 0L) + d;
                    if (used == 0) {
                        usages.remove(rc);
                    } else {
                        usages.put(rc, used);
                    }
                });
                Provider p = new Provider(old.uuid(), old.name(), c.to(), old.parentUuid(), old.rootUuid(),
                        old.inventories(), usages, old.traits(), old.aggregates(), old.createdAt(), c.at());
                byUuid.put(p.uuid(), p);
                slots.replace(p);
            }
        }
        refresh(reread);
    }

    public Optional<Provider> get(String uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /**
     * Every provider in the order of {@link #uuids()}, each its newest copy (a provider
     * deleted since may still be there until the list is next asked for), with its room.
     */
    public ProviderSlots providers() {
        return slots;
    }

    /** Every provider uuid, in a stable order (by creation as loaded, then as added). */
    public List<String> uuids() {
        return order;
    }

    /** The providers of the tree rooted at {@code rootUuid}, root first then parents before children. */
    public List<Provider> tree(String rootUuid) {
        List<String> members = trees.getOrDefault(rootUuid, List.of());
        List<Provider> out = new ArrayList<>(members.size());
        for (String uuid : members) {
            Provider p = byUuid.get(uuid);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** True when some provider names {@code uuid} as its parent; no list is built. */
    public boolean hasChildren(String uuid) {
        return parents.contains(uuid);
    }


    /** The uuids of the providers that share inventory via aggregates ({@value #SHARES_VIA_AGGREGATE}). */
    public Set<String> sharing() {
        return sharing;
    }


    private static boolean isSharing(Provider p) {
        return p.traits().contains(SHARES_VIA_AGGREGATE);
    }

    private void rebuildSharing() {
        Set<String> out = new LinkedHashSet<>();
        for (Provider p : byUuid.values()) {
            if (isSharing(p)) {
                out.add(p.uuid());
            }
        }
        sharing = Collections.unmodifiableSet(out);
    }

    private void rebuildStructure() {
        List<Provider> all = new ArrayList<>(byUuid.values());
        all.sort(java.util.Comparator.comparing(Provider::createdAt).thenComparing(Provider::uuid));
        Map<String, List<String>> children = new java.util.HashMap<>();
        for (Provider p : all) {
            if (p.parentUuid() != null) {
                children.computeIfAbsent(p.parentUuid(), k -> new ArrayList<>()).add(p.uuid());
            }
        }
        Map<String, List<String>> newTrees = new java.util.HashMap<>();
        for (Provider p : all) {
            if (p.isRoot()) {
                List<String> members = new ArrayList<>();
                ArrayList<String> queue = new ArrayList<>(List.of(p.uuid()));
                for (int i = 0; i < queue.size(); i++) {
                    members.add(queue.get(i));
                    queue.addAll(children.getOrDefault(queue.get(i), List.of()));
                }
                newTrees.put(p.uuid(), List.copyOf(members));
            }
        }
        trees.keySet().retainAll(newTrees.keySet());
        trees.putAll(newTrees);
        order = all.stream().map(Provider::uuid).toList();
        slots = new ProviderSlots(all);
        parents = Set.copyOf(children.keySet());
    }

}
