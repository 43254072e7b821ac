package dev.overcast.orchestration.convergence;

import java.util.Objects;

/**
 * One node of a {@link ConvergenceGraph}: a resource and which of its two steps this is. The
 * UPDATE step creates or updates the resource to match the new template; the CLEANUP step
 * deletes an old version that the new template no longer wants (and does nothing for a
 * resource that is still current).
 *
 * @param resource the resource's key: the id of its row (or its name, for callers that key by
 *                 name); never blank
 * @param update   true for the UPDATE step, false for the CLEANUP step
 */
public record NodeKey(String resource, boolean update) {

    public NodeKey {
        Objects.requireNonNull(resource, "resource");
        if (resource.isBlank()) {
            throw new IllegalArgumentException("a graph node needs a resource key");
        }
    }

    /** The UPDATE step of {@code resource}. */
    public static NodeKey update(String resource) {
        return new NodeKey(resource, true);
    }

    /** The CLEANUP step of {@code resource}. */
    public static NodeKey cleanup(String resource) {
        return new NodeKey(resource, false);
    }

    @Override
    public String toString() {
        return (update ? "update:" : "cleanup:") + resource;
    }
}
