package dev.overcast.orchestration.convergence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pure rule of a sync point, shared by every store: given the inputs recorded so far and one
 * more, what is recorded now and whether that input completed the set.
 */
public final class SyncPoints {
    private SyncPoints() {
    }

    /**
     * The result of recording {@code input}.
     *
     * @param recorded     the inputs already recorded
     * @param input        the new input
     * @param predecessors every node whose input the sync point waits for
     * @return the inputs to store, and the outcome to tell the caller
     * @throws IllegalArgumentException when {@code input} comes from a node that is not a predecessor
     */
    public static Step record(List<NodeInput> recorded, NodeInput input, Set<NodeKey> predecessors) {
        if (!predecessors.contains(input.from())) {
            throw new IllegalArgumentException(input.from() + " is not a predecessor of this sync point "
                    + predecessors);
        }
        if (recorded.stream().anyMatch(known -> known.from().equals(input.from()))) {
            return new Step(recorded, new Satisfaction.Duplicate(), false);
        }
        List<NodeInput> next = new ArrayList<>(recorded);
        next.add(input);
        Set<NodeKey> missing = new LinkedHashSet<>(predecessors);
        next.forEach(known -> missing.remove(known.from()));
        Satisfaction outcome = missing.isEmpty() ? new Satisfaction.Completed(next) : new Satisfaction.Waiting(missing);
        return new Step(List.copyOf(next), outcome, true);
    }

    /**
     * @param inputs  what the sync point holds after the step
     * @param outcome what to tell the caller
     * @param changed whether {@code inputs} differ from what was recorded (the store writes only then)
     */
    public record Step(List<NodeInput> inputs, Satisfaction outcome, boolean changed) {
    }
}
