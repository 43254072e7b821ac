package dev.overcast.compute.virt;

/**
 * What an instance's flavor asks of its node.
 *
 * @param vcpus       virtual CPUs
 * @param memoryMb    RAM in MiB
 * @param rootGb      root disk in GiB
 * @param ephemeralGb ephemeral disk in GiB
 * @param swapMb      swap in MiB
 */
public record InstanceFlavor(int vcpus, int memoryMb, int rootGb, int ephemeralGb, int swapMb) {
    public InstanceFlavor {
        if (vcpus < 0 || memoryMb < 0 || rootGb < 0 || ephemeralGb < 0 || swapMb < 0) {
            throw new IllegalArgumentException("a flavor's amounts are not negative: " + vcpus + " vCPUs, "
                    + memoryMb + " MiB, " + rootGb + "+" + ephemeralGb + " GiB, " + swapMb + " MiB swap");
        }
    }

    /** Local disk in GiB as Placement counts it: root, ephemeral and swap rounded up to GiB. */
    public int diskGb() {
        return rootGb + ephemeralGb + (swapMb + 1023) / 1024;
    }
}
