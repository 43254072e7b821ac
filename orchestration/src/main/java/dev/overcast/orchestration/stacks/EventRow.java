package dev.overcast.orchestration.stacks;

import java.time.Instant;

/**
 * One event: a resource or the stack itself entering a state. Stack events carry the stack's
 * name as {@code resourceName}, its id as {@code physicalId} and type {@code OS::Heat::Stack}.
 *
 * @param seq the order events were recorded in (assigned by the database)
 */
public record EventRow(long seq, String id, String stackId, String resourceName, String physicalId,
                       String resourceType, String action, String status, String statusReason, Instant createdAt) {

    /** @return Heat's {@code resource_status}, e.g. {@code CREATE_IN_PROGRESS} */
    public String resourceStatus() {
        return action + "_" + status;
    }
}
