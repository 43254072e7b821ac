package dev.overcast.network.networks;

import java.util.List;
import java.util.Objects;

/**
 * What a new network should be: the input of {@link NetworkWriter#create}.
 *
 * @param mtu            null: the largest the segment carries
 * @param networkType    null: a VXLAN segment (then physicalNetwork and segmentationId must be null)
 * @param segmentationId null: allocated when the type needs one
 */
public record NetworkSpec(String projectId, String name, String description, boolean adminStateUp, boolean shared,
                          boolean external, boolean isDefault, Integer mtu, boolean portSecurityEnabled,
                          List<String> availabilityZoneHints, String networkType, String physicalNetwork,
                          Integer segmentationId) {
    public NetworkSpec {
        Objects.requireNonNull(projectId, "projectId");
        availabilityZoneHints = List.copyOf(availabilityZoneHints);
    }

    /** A tenant network with every default (as auto-allocated topology makes one). */
    public static NetworkSpec of(String projectId, String name) {
        return new NetworkSpec(projectId, name, "", true, false, false, false, null, true, List.of(), null, null, null);
    }
}
