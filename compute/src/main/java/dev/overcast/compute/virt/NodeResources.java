package dev.overcast.compute.virt;

import java.util.Objects;
import java.util.Set;

/**
 * One hypervisor node and what its instances use of it, as the driver sees it: what the
 * compute_nodes row and the node's resource provider are made from.
 *
 * @param host              the host (nova-compute service) it belongs to
 * @param node              its hypervisor hostname, unique in the deployment
 * @param vcpus             physical CPUs
 * @param memoryMb          RAM in MiB
 * @param localGb           local disk in GiB
 * @param vcpusUsed         vCPUs its instances take
 * @param memoryMbUsed      RAM its instances take, in MiB (host reservations not included)
 * @param localGbUsed       disk its instances take, in GiB
 * @param runningVms        how many instances it has
 * @param hypervisorType    e.g. {@code fake}, {@code QEMU}
 * @param hypervisorVersion Nova's integer form, major * 1,000,000 + minor * 1,000 + micro
 * @param cpuInfo           the CPU as a JSON object in text ({@code arch}, {@code model}, {@code vendor},
 *                          {@code topology}, {@code features})
 * @param hostIp            the host's IP address
 * @param traits            capability traits the node has ({@code COMPUTE_*}), for Placement
 */
public record NodeResources(String host, String node, int vcpus, int memoryMb, int localGb, int vcpusUsed,
                            int memoryMbUsed, int localGbUsed, int runningVms, String hypervisorType,
                            long hypervisorVersion, String cpuInfo, String hostIp, Set<String> traits) {
    public NodeResources {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(node, "node");
        traits = traits == null ? Set.of() : Set.copyOf(traits);
    }
}
