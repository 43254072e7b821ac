package dev.overcast.placement.model;

/**
 * One resource class's inventory on a provider.
 *
 * @param total           how much exists
 * @param reserved        how much is held back from consumers
 * @param minUnit         the smallest amount one allocation may take
 * @param maxUnit         the largest amount one allocation may take
 * @param stepSize        allocations are multiples of this
 * @param allocationRatio overcommit factor
 */
public record Inventory(long total, long reserved, long minUnit, long maxUnit, long stepSize,
                        double allocationRatio) {

    /** What consumers may use in all: {@code (total - reserved) * allocation_ratio}, as upstream rounds it. */
    public long capacity() {
        return (long) ((total - reserved) * allocationRatio);
    }

    /** True when one allocation of {@code amount} respects min, max and step. */
    public boolean fitsUnits(long amount) {
        return amount >= minUnit && amount <= maxUnit && amount % stepSize == 0;
    }
}
