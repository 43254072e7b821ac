package dev.overcast.network.ports;

import org.jdbi.v3.core.Handle;

/**
 * What other features must hear of a port a client deletes through the ports API, in the
 * delete's transaction: routers and floating IPs refuse to lose the ports they own, and a
 * floating IP lets go of a deleted port.
 */
public interface PortHooks {
    PortHooks NONE = new PortHooks() {
    };

    /** Before the delete: may refuse it (409 ServicePortInUse for a router's or floating IP's port). */
    default void beforeDelete(Handle handle, String portId) {
    }

    /** After the delete. */
    default void deleted(Handle handle, String portId) {
    }
}
