package dev.overcast.orchestration.nested;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The scaling decision, pure: a group's next size from an adjustment, and which members a
 * resize keeps.
 */
final class Capacity {
    static final List<String> ADJUSTMENT_TYPES =
            List.of("change_in_capacity", "exact_capacity", "percent_change_in_capacity");

    private Capacity() {
    }

    /**
     * Heat's new capacity: a change adds to the current size, an exact capacity replaces it, a
     * percentage adds that share of it, rounded toward zero, except that a share under one
     * member rounds away from zero (so 10% of 3 still adds one); {@code minStep} raises a
     * percentage step that is smaller. The result stays within {@code [min, max]}.
     */
    static int next(int current, String adjustmentType, double adjustment, int minStep, int min, int max) {
        long wanted = switch (adjustmentType.toLowerCase(Locale.ROOT)) {
            case "change_in_capacity" -> current + (long) adjustment;
            case "exact_capacity" -> (long) adjustment;
            case "percent_change_in_capacity" -> current + percentStep(current, adjustment, minStep);
            default -> throw new IllegalArgumentException("unknown adjustment type " + adjustmentType);
        };
        return (int) Math.max(min, Math.min(max, wanted));
    }

    private static long percentStep(int current, double percent, int minStep) {
        double delta = current * percent / 100.0;
        long step;
        if (Math.abs(delta) < 1.0) {
            step = (long) (delta > 0 ? Math.ceil(delta) : Math.floor(delta));
        } else {
            step = (long) (delta > 0 ? Math.floor(delta) : Math.ceil(delta));
        }
        if (minStep > Math.abs(step)) {
            step = step > 0 ? minStep : step < 0 ? -minStep : 0;
        }
        return step;
    }

    /**
     * @param names   the members, oldest first
     * @param newName makes a fresh member name
     * @return the members after resizing to {@code capacity}: new ones added at the end, the
     *         oldest removed first, as Heat's AutoScalingGroup removes them
     */
    static List<String> resized(List<String> names, int capacity, Supplier<String> newName) {
        List<String> out = new ArrayList<>(names);
        while (out.size() > capacity) {
            out.removeFirst();
        }
        while (out.size() < capacity) {
            String name = newName.get();
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * @return how many members a rolling update changes at once: at most {@code maxBatchSize},
     *         and few enough that {@code minInService} of the {@code size} members stay untouched
     *         (Heat adds temporary members instead; here at least one changes per batch)
     */
    static int batchSize(int maxBatchSize, int minInService, int size) {
        return Math.max(1, Math.min(maxBatchSize, size - minInService));
    }

    /**
     * @return the group's capacity after an update: {@code desired} when given, else the current
     *         size kept within the new bounds
     */
    static int afterUpdate(int current, Integer desired, int min, int max) {
        return desired != null ? desired : Math.max(min, Math.min(max, current));
    }
}
