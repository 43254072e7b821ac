package dev.overcast.orchestration.convergence;

/** What {@link ResourceLocks#acquire} did. */
public sealed interface LockOutcome {

    /** The lock is the caller's (it was free, or the caller already held it). */
    record Acquired(String resourceId, String engineId, String traversalId) implements LockOutcome {
    }

    /**
     * The lock was held by an engine whose lease lapsed; it is the caller's now. The dead engine's
     * step on the resource never finished: the caller redoes it.
     */
    record TakenOver(String resourceId, String engineId, String traversalId, String deadEngineId,
                     String deadTraversalId) implements LockOutcome {
    }

    /**
     * A live engine holds the lock: the caller leaves the resource alone (Heat re-checks the
     * resource when the holder releases it, if the holder's traversal was superseded).
     */
    record Busy(String resourceId, String holderEngineId, String holderTraversalId) implements LockOutcome {
    }
}
