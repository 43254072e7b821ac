package dev.overcast.network.l3;

import java.time.Instant;

/**
 * A router as stored.
 *
 * <p>Public only because JDBI binds and maps it by reflection; nothing outside the package uses it.
 *
 * @param gwNetworkId           the external network of its gateway, null without one
 * @param gwPortId              its gateway port, null without one
 * @param availabilityZoneHints JSON text of a list of strings
 * @param routes                JSON text of a list of {@code {destination, nexthop}}
 */
public record RouterRow(String id, String projectId, String name, String description, boolean adminStateUp, String status,
                 String gwNetworkId, String gwPortId, boolean enableSnat, String availabilityZoneHints, String routes,
                 Instant createdAt, Instant updatedAt, long revisionNumber) {

    RouterRow withGateway(String networkId, String portId, boolean snat) {
        return new RouterRow(id, projectId, name, description, adminStateUp, status, networkId, portId, snat,
                availabilityZoneHints, routes, createdAt, updatedAt, revisionNumber);
    }

    RouterRow withAttributes(String newName, String newDescription, boolean adminUp, String newRoutes) {
        return new RouterRow(id, projectId, newName, newDescription, adminUp, status, gwNetworkId, gwPortId,
                enableSnat, availabilityZoneHints, newRoutes, createdAt, updatedAt, revisionNumber);
    }

    /** This row as updated at {@code at}: a new revision. */
    RouterRow revised(Instant at) {
        return new RouterRow(id, projectId, name, description, adminStateUp, status, gwNetworkId, gwPortId,
                enableSnat, availabilityZoneHints, routes, createdAt, at, revisionNumber + 1);
    }
}
