package dev.overcast.compute.scheduler;

/**
 * One resource of a compute node: what it has, what is used and how far it may be overcommitted.
 *
 * @param total           physical amount
 * @param used            amount allocated to instances
 * @param allocationRatio overcommit ratio
 */
public record Capacity(long total, long used, double allocationRatio) {
    public Capacity {
        if (total < 0 || used < 0) {
            throw new IllegalArgumentException("capacity must not be negative: total " + total + ", used " + used);
        }
        if (!(allocationRatio > 0)) {
            throw new IllegalArgumentException("allocation ratio must be positive, got " + allocationRatio);
        }
    }

    /** What may be allocated in all: the total times the ratio, as Placement computes capacity. */
    public long usable() {
        return (long) (total * allocationRatio);
    }

    /** What is left to allocate after the allocation ratio; negative when over-committed. */
    public long free() {
        return usable() - used;
    }

    /** This capacity after {@code amount} more was allocated. */
    public Capacity plus(long amount) {
        return new Capacity(total, used + amount, allocationRatio);
    }
}
