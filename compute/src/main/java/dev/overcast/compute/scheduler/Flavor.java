package dev.overcast.compute.scheduler;

import java.util.Map;
import java.util.Objects;

/**
 * The flavor a request asks for, as the scheduler sees it.
 *
 * @param name        the flavor's name, for messages
 * @param vcpus       virtual CPUs
 * @param memoryMb    RAM in MiB
 * @param rootGb      root disk in GiB
 * @param ephemeralGb ephemeral disk in GiB
 * @param swapMb      swap in MiB
 * @param extraSpecs  the flavor's extra specs ({@code hw:*}, {@code resources:*}, {@code trait:*},
 *                    {@code capabilities:*}, {@code aggregate_instance_extra_specs:*}, ...)
 */
public record Flavor(String name, int vcpus, int memoryMb, int rootGb, int ephemeralGb, int swapMb,
                     Map<String, String> extraSpecs) {
    public Flavor {
        Objects.requireNonNull(name, "name");
        if (vcpus < 0 || memoryMb < 0 || rootGb < 0 || ephemeralGb < 0 || swapMb < 0) {
            throw new IllegalArgumentException("flavor " + name + " has a negative amount");
        }
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }

    /** A flavor without extra specs. */
    public static Flavor of(String name, int vcpus, int memoryMb, int rootGb) {
        return new Flavor(name, vcpus, memoryMb, rootGb, 0, 0, Map.of());
    }

    /** This flavor with other extra specs. */
    public Flavor withExtraSpecs(Map<String, String> specs) {
        return new Flavor(name, vcpus, memoryMb, rootGb, ephemeralGb, swapMb, specs);
    }

    /**
     * The disk Placement is asked for, in GiB: root and ephemeral disk plus swap rounded up to whole GiB,
     * as Nova's {@code resources_from_flavor} computes {@code DISK_GB}.
     */
    public long diskGb() {
        return (long) rootGb + ephemeralGb + (swapMb + 1023L) / 1024;
    }
}
