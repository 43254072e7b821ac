package dev.overcast.orchestration.resources;

import java.util.Optional;

/**
 * What a plugin may read of its own stack as stored now, including what signals wrote since its
 * step began (a WaitCondition polls its handle's signals through it).
 */
public interface ResourceData {

    /** Another resource of the stack, as stored. */
    record Found(String type, ResourceState state) {
    }

    /** @return the stack's resource whose {@code get_resource} value is {@code referenceId} */
    Optional<Found> byReference(String stackId, String referenceId);

    /** @return whether the stack is being deleted (or is gone): a plugin that waits stops waiting */
    boolean deleting(String stackId);
}
