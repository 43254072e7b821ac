package dev.overcast.network;

/**
 * Tells Compute that a server's port changed, as Neutron's Nova notifier does with
 * {@code os-server-external-events}: its addresses, its floating IP, or its removal. Compute then
 * reads the server's ports again, so {@code addresses} follows. Delivery is best effort and must
 * not fail or slow the change that caused it.
 */
@FunctionalInterface
public interface PortEvents {
    /** No Compute to tell. */
    PortEvents NONE = (serverId, portId, deleted) -> {
    };

    /**
     * @param serverId the port's {@code device_id} (only ports whose owner is {@code compute:*})
     * @param deleted  whether the port was deleted ({@code network-vif-deleted}) rather than changed
     *                 ({@code network-changed})
     */
    void changed(String serverId, String portId, boolean deleted);
}
