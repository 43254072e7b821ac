package dev.overcast.compute.virt;

import java.util.Map;
import java.util.Objects;

/**
 * What a driver needs to spawn an instance.
 *
 * @param uuid     the instance's uuid
 * @param name     its name on the hypervisor (Nova's {@code instance-%08x}) or display name
 * @param flavor   what it takes of the node
 * @param imageRef the image it boots from, or null (boot from volume)
 * @param userData base64 user data for cloud-init, or null
 * @param keyData  the public key of its key pair, or null
 * @param metadata its metadata (key/value)
 */
public record InstanceSpec(String uuid, String name, InstanceFlavor flavor, String imageRef, String userData,
                           String keyData, Map<String, String> metadata) {
    public InstanceSpec {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(flavor, "flavor");
        name = name == null ? uuid : name;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
