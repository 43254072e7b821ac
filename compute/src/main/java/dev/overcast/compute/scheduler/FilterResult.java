package dev.overcast.compute.scheduler;

import java.util.Objects;

/**
 * What a filter says of one host. Filters build their rejections once per request, so judging a host
 * allocates nothing.
 */
public sealed interface FilterResult permits FilterResult.Pass, FilterResult.Reject {
    /** The one passing result. */
    Pass PASS = new Pass();

    /** Whether the host passed. */
    default boolean passed() {
        return this instanceof Pass;
    }

    /** The host may take the instance. */
    record Pass() implements FilterResult {
    }

    /**
     * The host may not take the instance.
     *
     * @param reason a short reason, the same object for every host rejected for the same reason
     */
    record Reject(String reason) implements FilterResult {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
