package dev.overcast.placement.model;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A resource provider as the index holds it: its row, inventories, what is allocated from
 * it, its traits and aggregates. Immutable; a change replaces the whole record.
 *
 * @param parentUuid null for a root provider
 * @param usages     resource class → amount allocated, only classes with allocations
 */
public record Provider(String uuid, String name, long generation, String parentUuid, String rootUuid,
                       Map<String, Inventory> inventories, Map<String, Long> usages, Set<String> traits,
                       Set<String> aggregates, Instant createdAt, Instant updatedAt) {

    public Provider {
        inventories = Map.copyOf(inventories);
        usages = Map.copyOf(usages);
        traits = Set.copyOf(traits);
        aggregates = Set.copyOf(aggregates);
    }

    public long used(String resourceClass) {
        return usages.getOrDefault(resourceClass, 0L);
    }

    /** What is still free of {@code resourceClass}: capacity minus used, 0 without inventory. */
    public long free(String resourceClass) {
        Inventory inv = inventories.get(resourceClass);
        return inv == null ? 0 : inv.capacity() - used(resourceClass);
    }

    /** True when one more allocation of {@code amount} fits: units and free capacity. */
    public boolean canAllocate(String resourceClass, long amount) {
        Inventory inv = inventories.get(resourceClass);
        return inv != null && inv.fitsUnits(amount) && inv.capacity() - used(resourceClass) >= amount;
    }

    public boolean isRoot() {
        return parentUuid == null;
    }
}
