package dev.overcast.placement.allocations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;

import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderIndex;
import dev.overcast.placement.model.ProviderWrites;
import dev.overcast.placement.model.StandardResourceClasses;

/**
 * A batch of claims by consumers that hold nothing yet — every scheduler claim of a new
 * server — decided in memory and written with a few statements for the whole batch, rather
 * than a savepoint and a dozen statements per claim.
 *
 * <p>It runs in the batch's transaction after {@link ClaimTransaction#lockInOrder} took every
 * lock, so what it reads cannot change before it commits. Each claim is checked in turn, as
 * {@link ClaimTransaction} would: its providers exist, and its amounts fit the inventories
 * and the usage left by the claims accepted before it. Capacity comes from the provider
 * index where its copy is at the generation locked, otherwise from the database. Then the
 * accepted claims' consumers and allocations are inserted in two batches and each provider's
 * generation goes up by the number of claims it took, as one claim at a time would have left it.
 *
 * <p>Only for claims every one of which is a new consumer, written once, of standard
 * resource classes (a custom class must be locked against its deletion); {@link #of} says
 * no to anything else, which then goes one claim at a time.
 */
final class NewConsumerBatch {
    private final List<ConsumerWrite> writes;

    private NewConsumerBatch(List<ConsumerWrite> writes) {
        this.writes = writes;
    }

    /** The batch, if every write in it is a claim this class can decide; the caller has locked them. */
    static Optional<NewConsumerBatch> of(ClaimTransaction.Locked locked, List<ConsumerWrite> writes) {
        if (locked.anyConsumer()) {
            return Optional.empty();
        }
        Set<String> consumers = new HashSet<>();
        for (ConsumerWrite w : writes) {
            boolean simple = !w.releasesAll() && consumers.add(w.consumer())
                    && !(w.expected() instanceof ExpectedGeneration.Exactly)
                    && w.allocations().values().stream().allMatch(resources ->
                    resources.keySet().stream().allMatch(StandardResourceClasses::isStandard));
            if (!simple) {
                return Optional.empty();
            }
        }
        return Optional.of(new NewConsumerBatch(writes));
    }

    /**
     * Decides and writes the batch.
     *
     * @param locked the generation of every provider locked that exists
     */
    GroupCommit.Written write(Handle h, Map<String, Long> locked, ProviderIndex index, Instant now) {
        Map<String, Map<String, Inventory>> inventories = new HashMap<>();
        Map<String, Map<String, Long>> used = new HashMap<>();
        boolean[] claimed = new boolean[writes.size()];
        List<ConsumerWrite> accepted = new ArrayList<>();
        Map<String, Integer> claimsOn = new TreeMap<>();
        Map<String, Map<String, Long>> delta = new HashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            ConsumerWrite w = writes.get(i);
            if (!locked.keySet().containsAll(w.allocations().keySet())) {
                continue; // an unknown provider refuses the claim
            }
            readCapacity(h, w.allocations().keySet(), locked, index, inventories, used);
            List<CapacityCheck.Ask> asks = new ArrayList<>();
            w.allocations().forEach((provider, resources) -> resources.forEach((rc, amount) ->
                    asks.add(new CapacityCheck.Ask(provider, rc, amount))));
            if (CapacityCheck.check(asks, inventories, used).isPresent()) {
                continue;
            }
            for (CapacityCheck.Ask ask : asks) {
                used.get(ask.provider()).merge(ask.resourceClass(), ask.amount(), Long::sum);
                delta.computeIfAbsent(ask.provider(), k -> new TreeMap<>())
                        .merge(ask.resourceClass(), ask.amount(), Long::sum);
            }
            w.allocations().keySet().forEach(provider -> claimsOn.merge(provider, 1, Integer::sum));
            accepted.add(w);
            claimed[i] = true;
        }
        insert(h, accepted, now);
        List<ProviderIndex.UsageChange> changes = new ArrayList<>();
        Map<String, Long> generations = new TreeMap<>();
        for (Map.Entry<String, Integer> e : claimsOn.entrySet()) {
            long from = locked.get(e.getKey());
            long to = from + e.getValue();
            generations.put(e.getKey(), to);
            changes.add(new ProviderIndex.UsageChange(e.getKey(), from, to, delta.get(e.getKey()), now));
        }
        ProviderWrites.setGenerations(h, generations, now);
        return new GroupCommit.Written(claimed, changes);
    }

    /** Fills in the inventories and usage of providers not read yet: the index's copy when current. */
    private static void readCapacity(Handle h, Set<String> providers, Map<String, Long> locked, ProviderIndex index,
                                     Map<String, Map<String, Inventory>> inventories,
                                     Map<String, Map<String, Long>> used) {
        List<String> fromDatabase = new ArrayList<>();
        for (String provider : providers) {
            if (used.containsKey(provider)) {
                continue;
            }
            Provider copy = index.get(provider).orElse(null);
            if (copy != null && copy.generation() == locked.get(provider)) {
                inventories.put(provider, copy.inventories());
                used.put(provider, new HashMap<>(copy.usages()));
            } else {
                fromDatabase.add(provider);
            }
        }
        if (!fromDatabase.isEmpty()) {
            inventories.putAll(ClaimRows.inventories(h, fromDatabase));
            Map<String, Map<String, Long>> usage = ClaimRows.usage(h, fromDatabase);
            for (String provider : fromDatabase) {
                used.put(provider, new HashMap<>(usage.getOrDefault(provider, Map.of())));
            }
        }
    }

    private static void insert(Handle h, List<ConsumerWrite> accepted, Instant now) {
        if (accepted.isEmpty()) {
            return;
        }
        ClaimRows.insertConsumers(h, accepted, now);
        List<ClaimRows.AllocationRow> rows = new ArrayList<>();
        for (ConsumerWrite w : accepted) {
            w.allocations().forEach((provider, resources) -> resources.forEach((rc, amount) ->
                    rows.add(new ClaimRows.AllocationRow(w.consumer(), provider, rc, amount))));
        }
        ClaimRows.insertAllocations(h, rows, now);
    }
}
