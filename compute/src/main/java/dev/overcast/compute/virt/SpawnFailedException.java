package dev.overcast.compute.virt;

import dev.overcast.core.bus.Retryable;

/**
 * A spawn that failed. {@link #retryable()} says whether the build may be tried on another
 * host (Nova's {@code RescheduledException}) or must fail for good ({@code BuildAbortException}).
 * The driver has cleaned up: nothing of the instance is left on the node.
 */
public class SpawnFailedException extends RuntimeException implements Retryable {
    private final boolean retryable;

    public SpawnFailedException(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
