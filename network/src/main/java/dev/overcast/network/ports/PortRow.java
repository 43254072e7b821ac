package dev.overcast.network.ports;

import java.time.Instant;

/**
 * A port as stored (its addresses and security groups live in their own tables).
 *
 * @param allowedAddressPairs JSON {@code [{"ip_address": ..., "mac_address": ...}]}
 * @param bindingHostId       empty while unbound
 * @param bindingProfile      a JSON object
 */
public record PortRow(String id, String name, String networkId, String projectId, String macAddress,
                      boolean adminStateUp, String status, String deviceId, String deviceOwner,
                      String allowedAddressPairs, boolean portSecurityEnabled, String bindingHostId,
                      String bindingProfile, String bindingVnicType, boolean propagateUplinkStatus, String description,
                      Instant createdAt, Instant updatedAt, long revisionNumber) {

    /**
     * The simulated data plane's status: a port is ACTIVE once it is bound to a host for a device
     * and administratively up, DOWN otherwise.
     */
    static String status(boolean adminStateUp, String bindingHostId, String deviceOwner) {
        return adminStateUp && !bindingHostId.isEmpty() && !deviceOwner.isEmpty() ? "ACTIVE" : "DOWN";
    }

    public boolean isBound() {
        return !bindingHostId.isEmpty();
    }

    /** Whether the network itself owns the port (DHCP, router interfaces and gateways, floating IPs). */
    public boolean isNetworkDevice() {
        return deviceOwner.startsWith("network:");
    }
}
