package dev.overcast.compute.scheduler;

/**
 * The root providers already taken into a pool: an open-addressing set of strings in one array, because a
 * {@link java.util.HashSet} would allocate a node per candidate on every decision.
 */
final class SeenProviders {
    private final String[] table;
    private final int mask;

    SeenProviders(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        table = new String[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code uuid}; false when it was already there. */
    boolean add(String uuid) {
        int h = uuid.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            String there = table[i];
            if (there == null) {
                table[i] = uuid;
                return true;
            }
            if (there.equals(uuid)) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }
}
