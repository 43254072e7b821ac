package dev.overcast.network.l3;

import org.jdbi.v3.core.Handle;

/**
 * What the ports feature must tell the l3 feature, called in the port write's transaction.
 * Get it from {@link L3Feature#portEvents()}.
 */
public final class L3PortEvents {
    private final L3Context l3;

    L3PortEvents(L3Context l3) {
        this.l3 = l3;
    }

    /**
     * Call before a client deletes a port through the ports API ({@code DELETE /v2.0/ports/{id}}):
     * a port a router or a floating IP owns cannot be deleted there, as Neutron's
     * {@code prevent_l3_port_deletion} says. Not for the ports the l3 feature deletes itself
     * (it calls {@link L3Ports#deletePort}).
     *
     * @throws dev.overcast.core.http.ApiException 409 {@code ServicePortInUse}: "Port X cannot be
     *         deleted directly via the port API: has device owner network:router_interface."
     */
    public void checkDeletable(Handle handle, String portId) {
        RouterStore routers = handle.attach(RouterStore.class);
        if (routers.port(portId).filter(rp -> routers.find(rp.routerId()).isPresent()).isPresent()) {
            throw L3Errors.servicePortInUse(portId, "has device owner " + RouterInterfaces.INTERFACE_OWNER);
        }
        if (routers.withGatewayPort(portId).isPresent()) {
            throw L3Errors.servicePortInUse(portId, "has device owner " + Routers.GATEWAY_OWNER);
        }
        if (handle.attach(FloatingIpStore.class).holdingPort(portId).isPresent()) {
            throw L3Errors.servicePortInUse(portId, "has device owner " + FloatingIps.OWNER);
        }
    }

    /**
     * Call when a port is deleted (by the API, or with its network or server): its floating IPs
     * are disassociated (status DOWN, no port, no router), as Neutron does; they stay allocated
     * to their project.
     */
    public void portDeleted(Handle handle, String portId) {
        new FloatingIps(l3).portDeleted(handle, portId);
        handle.attach(RouterStore.class).deletePort(portId);
    }
}
