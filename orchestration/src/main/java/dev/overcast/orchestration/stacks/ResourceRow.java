package dev.overcast.orchestration.stacks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resource of a stack as stored.
 *
 * @param properties the properties it was last created or updated with (resolved, defaults applied)
 * @param data       the plugin's data
 * @param requires   the names of the resources it requires
 */
public record ResourceRow(String id, String stackId, String name, String type, String physicalId, String action,
                          String status, String statusReason, Map<String, Object> properties,
                          Map<String, Object> data, Map<String, Object> metadata, List<String> requires,
                          Instant createdAt, Instant updatedAt) {

    /** @return Heat's {@code resource_status}, e.g. {@code CREATE_COMPLETE} */
    public String resourceStatus() {
        return action + "_" + status;
    }

    public ResourceRow withState(String newAction, String newStatus, String reason, Instant at) {
        return new ResourceRow(id, stackId, name, type, physicalId, newAction, newStatus, reason, properties, data,
                metadata, requires, createdAt, at);
    }

    public ResourceRow withApplied(String newType, String newPhysicalId, Map<String, Object> newProperties,
            Map<String, Object> newData, Map<String, Object> newMetadata, List<String> newRequires) {
        return new ResourceRow(id, stackId, name, newType, newPhysicalId, action, status, statusReason, newProperties,
                newData, newMetadata, newRequires, createdAt, updatedAt);
    }
}
