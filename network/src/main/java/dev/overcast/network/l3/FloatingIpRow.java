package dev.overcast.network.l3;

import java.time.Instant;

/**
 * A floating IP as stored.
 *
 * <p>Public only because JDBI binds and maps it by reflection; nothing outside the package uses it.
 *
 * @param floatingPortId the port on the external network that holds the address
 * @param fixedPortId    the associated port, null when unassociated
 * @param routerId       the router that reaches the associated port, null when unassociated
 */
public record FloatingIpRow(String id, String projectId, String floatingIpAddress, String floatingNetworkId,
                     String floatingPortId, String fixedPortId, String fixedIpAddress, String routerId, String status,
                     String description, Instant createdAt, Instant updatedAt, long revisionNumber) {

    /** Associated with {@code port} at {@code fixedIp} through {@code router}, or unassociated (all null). */
    FloatingIpRow associated(String port, String fixedIp, String router) {
        return new FloatingIpRow(id, projectId, floatingIpAddress, floatingNetworkId, floatingPortId, port, fixedIp,
                router, port == null ? "DOWN" : "ACTIVE", description, createdAt, updatedAt, revisionNumber);
    }

    FloatingIpRow withDescription(String text) {
        return new FloatingIpRow(id, projectId, floatingIpAddress, floatingNetworkId, floatingPortId, fixedPortId,
                fixedIpAddress, routerId, status, text, createdAt, updatedAt, revisionNumber);
    }

    FloatingIpRow revised(Instant at) {
        return new FloatingIpRow(id, projectId, floatingIpAddress, floatingNetworkId, floatingPortId, fixedPortId,
                fixedIpAddress, routerId, status, description, createdAt, at, revisionNumber + 1);
    }
}
