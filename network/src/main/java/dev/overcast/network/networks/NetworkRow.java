package dev.overcast.network.networks;

import java.time.Instant;

/**
 * A network as stored.
 *
 * @param availabilityZoneHints a JSON list of zone names
 * @param segmentKey            {@code type:physical_network:segmentation_id}, unique; null when the segment needs no key
 */
public record NetworkRow(String id, String name, String projectId, boolean adminStateUp, String status, boolean shared,
                         boolean routerExternal, boolean isDefault, int mtu, boolean portSecurityEnabled,
                         String availabilityZoneHints, String networkType, String physicalNetwork,
                         Integer segmentationId, String segmentKey, String description, Instant createdAt,
                         Instant updatedAt, long revisionNumber) {

    /** This network after an update at {@code at}: one revision later. */
    NetworkRow updated(String name, String description, boolean adminStateUp, boolean shared, boolean routerExternal,
            boolean isDefault, int mtu, boolean portSecurityEnabled, Instant at) {
        return new NetworkRow(id, name, projectId, adminStateUp, status, shared, routerExternal, isDefault, mtu,
                portSecurityEnabled, availabilityZoneHints, networkType, physicalNetwork, segmentationId, segmentKey,
                description, createdAt, at, revisionNumber + 1);
    }
}
