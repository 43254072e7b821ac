package dev.overcast.compute.instances;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The flavor an instance was built with, copied into the instance (Nova keeps it in the instance's
 * extra): later changes to the flavor do not change the instance. Stored as JSON with Nova's names.
 */
public record InstanceFlavor(@JsonProperty("flavorid") String flavorId, @JsonProperty("name") String name,
                             @JsonProperty("vcpus") int vcpus, @JsonProperty("memory_mb") int memoryMb,
                             @JsonProperty("root_gb") int rootGb, @JsonProperty("ephemeral_gb") int ephemeralGb,
                             @JsonProperty("swap") int swap, @JsonProperty("rxtx_factor") double rxtxFactor,
                             @JsonProperty("extra_specs") Map<String, String> extraSpecs) {
    public InstanceFlavor {
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }

    /** Disk the instance takes on its host: root, ephemeral and swap (swap is in MiB). */
    public int diskGb() {
        return rootGb + ephemeralGb + (swap + 1023) / 1024;
    }
}
