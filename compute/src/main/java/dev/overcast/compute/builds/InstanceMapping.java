package dev.overcast.compute.builds;

import java.time.Instant;

/**
 * Which cell an instance lives in, from the API database.
 *
 * @param cellId          the cell mapping's id, or null while the instance is a build request
 * @param queuedForDelete whether the instance was deleted (its row stays in its cell)
 */
public record InstanceMapping(String instanceUuid, Long cellId, String projectId, String userId,
                              boolean queuedForDelete, Instant createdAt) {
}
