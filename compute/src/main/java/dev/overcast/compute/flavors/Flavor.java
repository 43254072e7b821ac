package dev.overcast.compute.flavors;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One flavor as the API database holds it.
 *
 * @param id          the internal row id (never shown by the API)
 * @param flavorId    the id the API shows ({@code "1"}, a uuid, or any name the admin chose)
 * @param name        the unique name, e.g. {@code m1.tiny}
 * @param memoryMb    RAM in MiB
 * @param vcpus       virtual CPUs
 * @param rootGb      root disk in GiB
 * @param ephemeralGb ephemeral disk in GiB
 * @param swap        swap in MiB
 * @param rxtxFactor  the bandwidth factor Nova still shows, 1.0 by default
 * @param isPublic    whether every project may use it; a private flavor only the projects
 *                    given access to it
 * @param disabled    disabled flavors are hidden from non-admin lists
 * @param description the description (microversion 2.55), or null
 * @param extraSpecs  the extra specs, sorted by key
 */
public record Flavor(long id, String flavorId, String name, int memoryMb, int vcpus, int rootGb, int ephemeralGb,
                     int swap, double rxtxFactor, boolean isPublic, boolean disabled, String description,
                     Map<String, String> extraSpecs) {
    public Flavor {
        Objects.requireNonNull(flavorId, "flavorId");
        Objects.requireNonNull(name, "name");
        extraSpecs = extraSpecs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(extraSpecs));
    }

    /** This flavor with other extra specs. */
    Flavor withExtraSpecs(Map<String, String> specs) {
        return new Flavor(id, flavorId, name, memoryMb, vcpus, rootGb, ephemeralGb, swap, rxtxFactor, isPublic,
                disabled, description, specs);
    }
}
