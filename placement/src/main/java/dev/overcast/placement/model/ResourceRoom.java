package dev.overcast.placement.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a provider has room for, packed into one array for the candidate walk: per resource
 * class its number, what is free, and its min_unit, max_unit and step_size. Reading a
 * provider's maps of inventories and usages takes a dozen dependent loads per provider (maps,
 * keys, records, boxed numbers), and at 10,000 providers each one misses the cache; the walk
 * over a slot's array takes one or two.
 *
 * <p>The numbers of resource classes are this process's own, given out as classes are first
 * seen, and never reused.
 */
public final class ResourceRoom {
    private static final int STRIDE = 5;
    private static final Map<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private ResourceRoom() {
    }

    /** The number standing for {@code resourceClass} in packed arrays. */
    public static int number(String resourceClass) {
        return NUMBERS.computeIfAbsent(resourceClass, k -> NEXT.getAndIncrement());
    }

    /** The room of {@code p} as it is now. */
    static long[] of(Provider p) {
        long[] out = new long[p.inventories().size() * STRIDE];
        int i = 0;
        for (Map.Entry<String, Inventory> e : p.inventories().entrySet()) {
            Inventory inv = e.getValue();
            out[i] = number(e.getKey());
            out[i + 1] = inv.capacity() - p.used(e.getKey());
            out[i + 2] = inv.minUnit();
            out[i + 3] = inv.maxUnit();
            out[i + 4] = inv.stepSize();
            i += STRIDE;
        }
        return out;
    }

    /**
     * True when one more allocation of each amount fits, by {@link Provider#canAllocate}'s rule.
     *
     * @param classes the resource classes' {@link #number}s
     * @param amounts by position, the amount of each
     */
    public static boolean fits(long[] room, int[] classes, long[] amounts) {
        for (int k = 0; k < classes.length; k++) {
            if (!fits(room, classes[k], amounts[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(long[] room, int resourceClass, long amount) {
        for (int j = 0; j < room.length; j += STRIDE) {
            if (room[j] == resourceClass) {
                return room[j + 1] >= amount && amount >= room[j + 2] && amount <= room[j + 3]
                        && amount % room[j + 4] == 0;
            }
        }
        return false;
    }
}
