package dev.overcast.placement.allocations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;

import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderIndex;
import dev.overcast.placement.model.ProviderWrites;

/**
 * Replaces the allocations of some consumers, inside the caller's transaction, so that no
 * inventory is ever over-committed however many writers race.
 *
 * <h2>Why locks, not optimistic generations</h2>
 * Upstream reads usage, checks capacity, writes, and then bumps each provider's generation
 * with a compare-and-set, retrying the whole write when another writer got there first. Two
 * claims for the last unit both read "1 free"; only the generation bump stops the second. We
 * instead lock every provider a write touches ({@code SELECT ... FOR UPDATE}) before reading
 * its usage: the second claim waits for the first to commit and then reads the usage the
 * first wrote, so it is refused for capacity rather than retried. The check and the write see
 * the same numbers, on H2 and PostgreSQL alike, at READ COMMITTED.
 *
 * <h2>Lock order</h2>
 * Consumer lock buckets first, in bucket order, then providers in uuid order. Every writer of
 * allocations goes through here; inventory writers lock only providers, in uuid order too. So
 * no two transactions wait on each other in a cycle. A consumer that does not exist yet has
 * no row to lock, so writers meet on its bucket, a row of {@code consumer_lock} that always
 * exists (migration V13 says why H2 needs this). Under the bucket lock the consumer row is
 * read, created or changed by one writer at a time.
 *
 * <h2>Steps</h2>
 * {@link #lock} locks the consumers, checks their generations, reads their current
 * allocations and locks every provider involved (old allocations, new ones, and any the
 * caller adds — the reshaper's). {@link #apply} frees the old allocations first (moving a
 * consumer within one provider never counts twice), checks the new ones against inventory
 * and the usage that remains, writes them, and updates or deletes the consumers: a consumer
 * with no allocations left is deleted, so its generation starts again at null.
 * {@link #finish} bumps each touched provider's generation, once per {@link #bump}.
 *
 * <p>Upstream bumps the providers named in the new allocations, not those a consumer moved
 * away from, and its DELETE bumps none; here every provider whose usage changes is bumped,
 * because the provider index orders its copies by generation and a provider whose usage
 * changed must not keep its generation.
 */
final class ClaimTransaction {
    private final Handle h;
    private final Instant now;
    private final List<ConsumerWrite> writes;
    private final Map<String, ClaimRows.ConsumerRow> existing = new HashMap<>();
    private final Map<String, Long> locked = new TreeMap<>();
    /** The generations as locked, before {@link #finish} bumped them. */
    private final Map<String, Long> lockedBefore = new TreeMap<>();
    private final Map<String, Integer> bumps = new TreeMap<>();
    private List<ClaimRows.AllocationRow> previous = List.of();
    /** Where copies of locked providers may be read instead of the database; null for none. */
    private ProviderIndex index;

    private ClaimTransaction(Handle h, Instant now, List<ConsumerWrite> writes) {
        this.h = h;
        this.now = now;
        this.writes = List.copyOf(writes);
    }

    /**
     * Locks the consumers of {@code writes} and checks their generations (in the writers'
     * order), checks that every provider named exists, and locks every provider involved plus
     * {@code moreProviders}.
     *
     * @throws ClaimRefused on a generation conflict or an unknown provider
     */
    static ClaimTransaction lock(Handle h, Instant now, List<ConsumerWrite> writes, Collection<String> moreProviders) {
        ClaimTransaction tx = new ClaimTransaction(h, now, writes);
        tx.lockConsumers();
        // Allocations reference their consumer, so consumers without a row (new ones) hold none.
        tx.previous = tx.existing.isEmpty() ? List.of() : ClaimRows.allocationsOf(h, tx.consumers());
        tx.lockProviders(moreProviders);
        return tx;
    }

    /**
     * Lets {@link #apply} take a provider's inventories and usage from {@code index} rather than
     * the database when the index's copy is at the generation this transaction locked: every
     * change to either bumps the generation, so that copy is what the database holds under the
     * lock. Only for writes that change no inventory in the same transaction (not the reshaper).
     */
    ClaimTransaction readingCapacityFrom(ProviderIndex index) {
        this.index = index;
        return this;
    }

    /**
     * What {@link #lockInOrder} locked.
     *
     * @param generations the generation of every provider locked
     * @param anyConsumer whether any of the writes' consumers exists already
     */
    record Locked(Map<String, Long> generations, boolean anyConsumer) {
    }

    /**
     * Takes, in the global lock order, every lock that writing {@code writes} one after another
     * will take: their consumers' buckets, then the providers of their new allocations and of
     * what the consumers hold now. A batch of independent writes in one transaction calls this
     * first, so that locking each write's rows again (in that write's own order) waits for nobody
     * and no two transactions wait on each other in a cycle. Providers that do not exist are
     * skipped: the write that names one is refused by its own {@link #lock}. A consumer holds
     * allocations only once its row exists, so what new consumers hold is not read.
     */
    static Locked lockInOrder(Handle h, List<ConsumerWrite> writes) {
        Set<String> consumers = new TreeSet<>();
        writes.forEach(w -> consumers.add(w.consumer()));
        ClaimRows.lockBuckets(h, consumers);
        Set<String> providers = new TreeSet<>();
        writes.forEach(w -> providers.addAll(w.allocations().keySet()));
        boolean anyConsumer = ClaimRows.anyConsumer(h, consumers);
        if (anyConsumer) {
            ClaimRows.allocationsOf(h, consumers).forEach(r -> providers.add(r.provider()));
        }
        return new Locked(ProviderWrites.lockExisting(h, providers), anyConsumer);
    }

    /** Refuses the first provider, in the writers' order, that does not exist. */
    static void requireProviders(Handle h, List<ConsumerWrite> writes) {
        Set<String> named = new LinkedHashSet<>();
        writes.forEach(w -> named.addAll(w.allocations().keySet()));
        Set<String> found = ClaimRows.existingProviders(h, named);
        for (String provider : named) {
            if (!found.contains(provider)) {
                throw new ClaimRefused(new Refusal.UnknownProvider(provider));
            }
        }
    }

    /** The generation of a provider this transaction locked. */
    long generation(String provider) {
        Long generation = locked.get(provider);
        if (generation == null) {
            throw new IllegalStateException("provider not locked: " + provider);
        }
        return generation;
    }

    /** Records one more change to a locked provider; {@link #finish} bumps its generation once per change. */
    void bump(String provider) {
        generation(provider);
        bumps.merge(provider, 1, Integer::sum);
    }

    /** The allocations the consumers held when locked. */
    List<ClaimRows.AllocationRow> previous() {
        return previous;
    }

    /**
     * Frees the consumers' old allocations, checks and writes the new ones, and updates or
     * deletes the consumers.
     *
     * @throws ClaimRefused when a resource class is unknown or an allocation does not fit
     */
    void apply() {
        if (!previous.isEmpty()) {
            ClaimRows.deleteAllocationsOf(h, consumers());
        }
        List<CapacityCheck.Ask> asks = asks();
        requireResourceClasses(asks);
        Set<String> providers = new TreeSet<>();
        asks.forEach(a -> providers.add(a.provider()));
        Capacity capacity = capacity(providers);
        CapacityCheck.check(asks, capacity.inventories(), capacity.used())
                .ifPresent(refusal -> {
                    throw new ClaimRefused(refusal);
                });
        List<ClaimRows.AllocationRow> rows = new ArrayList<>();
        for (ConsumerWrite w : writes) {
            w.allocations().forEach((provider, resources) -> resources.forEach((rc, amount) ->
                    rows.add(new ClaimRows.AllocationRow(w.consumer(), provider, rc, amount))));
        }
        ClaimRows.insertAllocations(h, rows, now);
        for (ConsumerWrite w : writes) {
            ClaimRows.ConsumerRow row = existing.get(w.consumer());
            if (row != null && w.releasesAll()) {
                ClaimRows.deleteConsumer(h, w.consumer());
            } else if (row != null) {
                ClaimRows.updateConsumer(h, row, w, now);
            }
        }
        Set<String> touched = new TreeSet<>(providers);
        previous.forEach(r -> touched.add(r.provider()));
        touched.forEach(this::bump);
    }

    /** Provider → class → inventory, and provider → class → amount used by allocations that stay. */
    private record Capacity(Map<String, Map<String, Inventory>> inventories, Map<String, Map<String, Long>> used) {
    }

    /**
     * What the providers hold, from the index for those whose copy there is at the generation
     * locked (less this transaction's consumers' previous allocations, already freed in the
     * database), from the database for the others.
     */
    private Capacity capacity(Set<String> providers) {
        Map<String, Map<String, Inventory>> inventories = new HashMap<>();
        Map<String, Map<String, Long>> used = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String provider : providers) {
            Provider copy = index == null ? null : index.get(provider).orElse(null);
            if (copy == null || copy.generation() != generation(provider)) {
                unknown.add(provider);
                continue;
            }
            inventories.put(provider, copy.inventories());
            Map<String, Long> remaining = new HashMap<>(copy.usages());
            for (ClaimRows.AllocationRow r : previous) {
                if (r.provider().equals(provider)) {
                    remaining.merge(r.resourceClass(), -r.used(), Long::sum);
                }
            }
            used.put(provider, remaining);
        }
        if (!unknown.isEmpty()) {
            inventories.putAll(ClaimRows.inventories(h, unknown));
            used.putAll(ClaimRows.usage(h, unknown));
        }
        return new Capacity(inventories, used);
    }

    /**
     * Bumps the generation of every provider changed, once per recorded change.
     *
     * @return every provider locked, for the index to refresh once committed
     */
    Set<String> finish() {
        lockedBefore.putAll(locked);
        for (Map.Entry<String, Integer> e : bumps.entrySet()) {
            long generation = locked.get(e.getKey());
            for (int i = 0; i < e.getValue(); i++) {
                generation = ProviderWrites.bumpGeneration(h, e.getKey(), generation, now);
            }
            locked.put(e.getKey(), generation);
        }
        return new TreeSet<>(locked.keySet());
    }

    /**
     * What this transaction did to each locked provider, once {@link #finish}ed: its generation
     * before and after, and the change in usage per resource class (0 when none).
     */
    List<ProviderIndex.UsageChange> usageChanges() {
        Map<String, Map<String, Long>> delta = new TreeMap<>();
        for (ClaimRows.AllocationRow r : previous) {
            delta.computeIfAbsent(r.provider(), k -> new TreeMap<>()).merge(r.resourceClass(), -r.used(), Long::sum);
        }
        for (ConsumerWrite w : writes) {
            w.allocations().forEach((provider, resources) -> resources.forEach((rc, amount) ->
                    delta.computeIfAbsent(provider, k -> new TreeMap<>()).merge(rc, amount, Long::sum)));
        }
        List<ProviderIndex.UsageChange> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : lockedBefore.entrySet()) {
            out.add(new ProviderIndex.UsageChange(e.getKey(), e.getValue(), locked.get(e.getKey()),
                    delta.getOrDefault(e.getKey(), Map.of()), now));
        }
        return out;
    }

    private Set<String> consumers() {
        Set<String> out = new LinkedHashSet<>();
        writes.forEach(w -> out.add(w.consumer()));
        return out;
    }

    private void lockConsumers() {
        Map<String, ConsumerWrite> byConsumer = new TreeMap<>();
        for (ConsumerWrite w : writes) {
            if (byConsumer.put(w.consumer(), w) != null) {
                throw new IllegalArgumentException("consumer written twice: " + w.consumer());
            }
        }
        ClaimRows.lockBuckets(h, byConsumer.keySet());
        for (String consumer : byConsumer.keySet()) {
            ClaimRows.lockConsumer(h, consumer).ifPresent(row -> existing.put(consumer, row));
        }
        for (ConsumerWrite w : writes) {
            checkGeneration(w, existing.get(w.consumer()));
        }
        for (ConsumerWrite w : byConsumer.values()) {
            if (!existing.containsKey(w.consumer()) && !w.releasesAll()) {
                // Created as upstream leaves it: generation 0, bumped once by this write.
                ClaimRows.insertConsumer(h, w, 1, now);
            }
        }
    }

    private static void checkGeneration(ConsumerWrite w, ClaimRows.ConsumerRow row) {
        switch (w.expected()) {
            case ExpectedGeneration.Unchecked u -> {
            }
            case ExpectedGeneration.Absent a -> {
                if (row != null) {
                    throw conflict(Long.toString(row.generation()), w.expected());
                }
            }
            case ExpectedGeneration.Exactly e -> {
                if (row == null) {
                    throw conflict("null", w.expected());
                }
                if (row.generation() != e.generation()) {
                    throw conflict(Long.toString(row.generation()), w.expected());
                }
            }
        }
    }

    private static ClaimRefused conflict(String actual, ExpectedGeneration expected) {
        return new ClaimRefused(new Refusal.ConsumerGenerationConflict(actual, ExpectedGeneration.describe(expected)));
    }

    private void lockProviders(Collection<String> moreProviders) {
        Set<String> all = new TreeSet<>(moreProviders);
        previous.forEach(r -> all.add(r.provider()));
        writes.forEach(w -> all.addAll(w.allocations().keySet()));
        Map<String, Long> generations = ProviderWrites.lockExisting(h, all);
        if (generations.size() < all.size()) {
            // Name the first unknown provider in the writers' order, as upstream does.
            requireProviders(h, writes);
            all.removeAll(generations.keySet());
            throw new ClaimRefused(new Refusal.UnknownProvider(all.iterator().next()));
        }
        locked.putAll(generations);
    }

    private List<CapacityCheck.Ask> asks() {
        List<CapacityCheck.Ask> asks = new ArrayList<>();
        for (ConsumerWrite w : writes) {
            w.allocations().forEach((provider, resources) -> resources.forEach((rc, amount) ->
                    asks.add(new CapacityCheck.Ask(provider, rc, amount))));
        }
        return asks;
    }

    private void requireResourceClasses(List<CapacityCheck.Ask> asks) {
        Set<String> checked = new HashSet<>();
        for (CapacityCheck.Ask ask : asks) {
            if (checked.add(ask.resourceClass()) && !ProviderWrites.resourceClassExists(h, ask.resourceClass())) {
                throw new ClaimRefused(new Refusal.UnknownResourceClass(ask.resourceClass()));
            }
        }
    }
}
