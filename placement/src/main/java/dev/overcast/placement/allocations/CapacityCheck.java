package dev.overcast.placement.allocations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.overcast.placement.model.Inventory;

/**
 * Decides whether a set of allocations fits, as upstream checks it: first that every provider
 * has inventory of at least one class asked of it, then each allocation in order — the
 * inventory exists, the amount respects min_unit, max_unit and step_size, and the amount
 * plus what is already used plus what earlier allocations in the same request took stays
 * within capacity. Pure: the caller reads inventories and usage under its locks.
 */
final class CapacityCheck {
    private CapacityCheck() {
    }

    /** One amount of one class asked of one provider. */
    record Ask(String provider, String resourceClass, long amount) {
    }

    /**
     * @param asks        every allocation being written, in the writers' order
     * @param inventories provider → class → inventory
     * @param used        provider → class → amount held by allocations that stay (the
     *                    allocations being replaced are already freed)
     * @return the first refusal, or empty when everything fits
     */
    static Optional<Refusal> check(List<Ask> asks, Map<String, Map<String, Inventory>> inventories,
                                   Map<String, Map<String, Long>> used) {
        Optional<Refusal> missing = providersWithoutInventory(asks, inventories);
        if (missing.isPresent()) {
            return missing;
        }
        Map<String, Map<String, Long>> taken = new HashMap<>();
        for (Ask ask : asks) {
            Inventory inventory = inventories.getOrDefault(ask.provider(), Map.of()).get(ask.resourceClass());
            if (inventory == null) {
                return Optional.of(new Refusal.NoInventory(ask.resourceClass(), ask.provider()));
            }
            if (!inventory.fitsUnits(ask.amount())) {
                return Optional.of(new Refusal.UnitsViolated(ask.resourceClass(), ask.provider()));
            }
            long soFar = taken.computeIfAbsent(ask.provider(), k -> new HashMap<>())
                    .merge(ask.resourceClass(), ask.amount(), CapacityCheck::saturatingAdd);
            long usedNow = used.getOrDefault(ask.provider(), Map.of()).getOrDefault(ask.resourceClass(), 0L);
            if (saturatingAdd(usedNow, soFar) > inventory.capacity()) {
                return Optional.of(new Refusal.CapacityExceeded(ask.resourceClass(), ask.provider()));
            }
        }
        return Optional.empty();
    }

    /** Upstream refuses, before anything else, a provider with no inventory of any class asked. */
    private static Optional<Refusal> providersWithoutInventory(List<Ask> asks,
                                                               Map<String, Map<String, Inventory>> inventories) {
        Set<String> classes = new LinkedHashSet<>();
        Set<String> providers = new LinkedHashSet<>();
        for (Ask ask : asks) {
            classes.add(ask.resourceClass());
            providers.add(ask.provider());
        }
        List<String> missing = new ArrayList<>();
        for (String provider : providers) {
            Map<String, Inventory> held = inventories.getOrDefault(provider, Map.of());
            if (classes.stream().noneMatch(held::containsKey)) {
                missing.add(provider);
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(new Refusal.NoInventory(String.join(", ", classes), String.join(", ", missing)));
    }

    /** Amounts are unbounded in the API; a sum that overflows is simply more than any capacity. */
    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
