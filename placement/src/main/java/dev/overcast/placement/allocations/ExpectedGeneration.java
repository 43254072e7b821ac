package dev.overcast.placement.allocations;

/**
 * What a writer believes a consumer's generation is. From microversion 1.28 every write
 * names it, so that two writers who read the same allocations cannot both replace them.
 */
sealed interface ExpectedGeneration {

    /** No check: writes before microversion 1.28, and in-process claims that always replace. */
    record Unchecked() implements ExpectedGeneration {
    }

    /** {@code null}: the writer believes the consumer has no allocations yet. */
    record Absent() implements ExpectedGeneration {
    }

    /** The generation the writer last read. */
    record Exactly(long generation) implements ExpectedGeneration {
    }

    ExpectedGeneration UNCHECKED = new Unchecked();
    ExpectedGeneration ABSENT = new Absent();

    /** As upstream's message prints it: a number, or Python's {@code None}. */
    static String describe(ExpectedGeneration expected) {
        return switch (expected) {
            case Exactly e -> Long.toString(e.generation());
            case Absent a -> "None";
            case Unchecked u -> "None";
        };
    }
}
