package dev.overcast.orchestration.snapshots;

import java.time.Instant;

/**
 * A snapshot of a stack as stored.
 *
 * @param name       the name the user gave, or null
 * @param data       Heat's snapshot data (what abandon shows)
 * @param definition what a restore gives the stack back
 */
record SnapshotRow(String id, String stackId, String projectId, String name, String status, String statusReason,
                   StackData data, StackDefinition definition, Instant createdAt) {
}
