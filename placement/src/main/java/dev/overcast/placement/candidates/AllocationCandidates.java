package dev.overcast.placement.candidates;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import dev.overcast.placement.model.Provider;

/**
 * The allocation-candidates engine, pure: given a view of the providers and a query, the ways
 * the query can be allocated ("allocation requests") and the providers they involve
 * ("provider summaries"), as upstream Placement computes them. In-process callers (Nova's
 * scheduler, benchmarks) use {@link #find} directly; the HTTP handler renders its result per
 * microversion.
 *
 * <h2>How it searches</h2>
 * Every candidate is anchored at one tree: the root of the non-sharing providers it uses (a
 * sharing provider's resources join any tree that shares an aggregate with it). So the engine
 * walks root providers in the view's stable order (from a random place when randomizing), and
 * for each root computes, per request group, the ways that group can be met from that tree and
 * from the sharing providers anchored there; the product of those, filtered by group policy,
 * {@code same_subtree} and the merged capacity, are the root's candidates. The walk stops once
 * {@code limit} distinct candidates are found, so a query costs O(limit), not O(providers), when
 * most hosts fit. The common case — one unsuffixed group and a childless root with no sharing
 * provider around — is a direct check of the root with no intermediate lists.
 *
 * <p>Differences from upstream, on purpose: results come in provider order (or from a random
 * place) rather than database order; a random sample under {@code limit} is a random starting
 * point; a resourceless granular group without traits or aggregates matches any provider
 * (upstream's matches none).
 */
public final class AllocationCandidates {
    private AllocationCandidates() {
    }

    /**
     * How to search.
     *
     * @param nestedAware false below microversion 1.29: a candidate may not use two providers of
     *                    one tree, and summaries list only the providers used
     * @param randomize   upstream's {@code [placement] randomize_allocation_candidates}: start the
     *                    walk at a random root and shuffle the result (default false: stable order)
     * @param random      the source of randomness when {@code randomize}; null for the calling
     *                    thread's generator
     * @param summaries   whether to list the provider summaries (in-process callers that only
     *                    claim, like the scheduler, skip them)
     */
    public record Options(boolean nestedAware, boolean randomize, RandomGenerator random, boolean summaries) {
        /** Nested-aware, stable order, with summaries. */
        public static Options defaults() {
            return new Options(true, false, null, true);
        }
    }

    /**
     * One way to allocate the whole query.
     *
     * @param allocations provider uuid → resource class → amount (unmodifiable, ordered)
     * @param mappings    request group suffix ("" for the unsuffixed group) → the providers that
     *                    satisfy it (1.34)
     */
    public record AllocationRequest(Map<String, Map<String, Long>> allocations, Map<String, List<String>> mappings) {
    }

    /**
     * @param requests  the candidates, at most {@code limit}
     * @param summaries every provider of the trees the candidates draw resources from (only the
     *                  providers used when not nested-aware), each once
     * @param anchors   by position in {@code requests}, the uuid of the root provider each was
     *                  found at: the tree it draws on, with the sharing providers around it
     */
    public record Result(List<AllocationRequest> requests, List<Provider> summaries, List<String> anchors) {
        public static final Result EMPTY = new Result(List.of(), List.of(), List.of());
    }

    /** The candidates for {@code query} among the providers of {@code view}. */
    public static Result find(ProviderView view, CandidateQuery query, Options options) {
        return new CandidateSearch(view, query, options).run();
    }
}
