package dev.overcast.network.ports;

import java.util.List;
import java.util.Objects;

/**
 * What a new port should be, checked for form but not yet against the network: the input of
 * {@link PortWriter#create}. Null means "the default" wherever Neutron has one.
 *
 * @param fixedIps            null: one address from the network's subnets as Neutron picks them
 * @param securityGroups      null: the project's default group (none for {@code network:*} owners)
 * @param portSecurityEnabled null: the network's setting
 * @param macAddress          null: a generated one
 * @param bindingProfile      a JSON object as text
 */
public record PortSpec(String networkId, String projectId, String name, String description, boolean adminStateUp,
                       String macAddress, String deviceId, String deviceOwner, List<FixedIpRequest> fixedIps,
                       List<String> securityGroups, Boolean portSecurityEnabled, List<AddressPair> allowedAddressPairs,
                       String bindingHostId, String bindingProfile, String bindingVnicType,
                       boolean propagateUplinkStatus) {
    public PortSpec {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(projectId, "projectId");
        allowedAddressPairs = allowedAddressPairs == null ? List.of() : List.copyOf(allowedAddressPairs);
    }

    /** A plain port for another feature (a router interface, a floating IP): no groups asked, no binding. */
    public static PortSpec of(String networkId, String projectId, String deviceId, String deviceOwner,
            List<FixedIpRequest> fixedIps) {
        return new PortSpec(networkId, projectId, "", "", true, null, deviceId, deviceOwner, fixedIps, null, null,
                List.of(), "", "{}", "normal", false);
    }
}
