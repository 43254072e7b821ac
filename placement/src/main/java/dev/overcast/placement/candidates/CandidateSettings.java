package dev.overcast.placement.candidates;

import java.util.random.RandomGenerator;

/**
 * Settings of the candidate search.
 *
 * @param randomize upstream's {@code [placement] randomize_allocation_candidates}: when true,
 *                  candidates come from a random place among the providers, in random order;
 *                  default false, a stable order (providers by creation)
 * @param random    the randomness when {@code randomize}; null for a per-thread generator
 */
public record CandidateSettings(boolean randomize, RandomGenerator random) {

    /** Stable order. */
    public static CandidateSettings defaults() {
        return new CandidateSettings(false, null);
    }

    RandomGenerator randomness() {
        return random != null ? random : java.util.concurrent.ThreadLocalRandom.current();
    }
}
