package dev.overcast.compute.migrations;

import java.time.Instant;

import dev.overcast.compute.instances.InstanceFlavor;

/**
 * One resize or cold migration of a server, as Nova's {@code Migration}: where it goes from and to, the
 * flavors before and after, and how far it got ({@code status}). While it is open its uuid is the Placement
 * consumer that holds the source host.
 *
 * @param migrationType  {@code resize} or {@code migration} (a cold migration keeps the flavor)
 * @param status         {@code pre-migrating}, {@code migrating}, {@code finished}, then {@code confirmed}, or
 *                       {@code reverting} and {@code reverted}; {@code error} when it failed
 * @param destCompute    the host chosen, null until the scheduler chose one
 * @param requestedHost  the host an admin asked a cold migration to go to, or null
 * @param oldVmState     {@code active} or {@code stopped}: what the server is again when it ends
 */
public record Migration(long id, String uuid, String instanceUuid, String projectId, String userId,
                        String migrationType, String status, String sourceCompute, String sourceNode,
                        String destCompute, String destNode, String requestedHost, InstanceFlavor oldFlavor,
                        InstanceFlavor newFlavor, Long oldInstanceTypeId, Long newInstanceTypeId, String oldVmState,
                        Instant createdAt, Instant updatedAt) {
    public static final String PRE_MIGRATING = "pre-migrating";
    public static final String MIGRATING = "migrating";
    public static final String FINISHED = "finished";
    public static final String CONFIRMED = "confirmed";
    public static final String REVERTING = "reverting";
    public static final String REVERTED = "reverted";
    public static final String ERROR = "error";
}
