package dev.overcast.compute.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts hosts per rejection reason for one step. Reasons are few and usually the same object, so a linear
 * scan by identity first beats a map and allocates nothing once the reasons are seen.
 */
final class ReasonTally {
    private final String step;
    private String[] reasons = new String[4];
    private int[] counts = new int[4];
    private int distinct;
    private int total;

    ReasonTally(String step) {
        this.step = step;
    }

    void add(String reason) {
        total++;
        for (int i = 0; i < distinct; i++) {
            if (reasons[i] == reason || reasons[i].equals(reason)) {
                counts[i]++;
                return;
            }
        }
        if (distinct == reasons.length) {
            reasons = Arrays.copyOf(reasons, distinct * 2);
            counts = Arrays.copyOf(counts, distinct * 2);
        }
        reasons[distinct] = reason;
        counts[distinct] = 1;
        distinct++;
    }

    int total() {
        return total;
    }

    /** The step, its reasons most common first (ties in the order first seen). */
    Explanation.Step toStep() {
        List<Explanation.Reason> list = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            list.add(new Explanation.Reason(reasons[i], counts[i]));
        }
        list.sort((a, b) -> Integer.compare(b.hosts(), a.hosts()));
        return new Explanation.Step(step, total, list);
    }
}
