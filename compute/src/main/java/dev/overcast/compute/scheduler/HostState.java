package dev.overcast.compute.scheduler;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the scheduler knows of one compute node: Nova's {@code HostState}, lean. The number of instances is
 * derived from the instances, and free amounts from the {@link Capacity capacities}.
 *
 * @param host               the host's name (the compute service's host)
 * @param node               the node's name (the hypervisor hostname)
 * @param uuid               the compute node's uuid, which is its Placement resource provider's uuid
 * @param vcpus              VCPU capacity
 * @param ramMb              RAM capacity in MiB
 * @param diskGb             local disk capacity in GiB
 * @param numIoOps           instances in an I/O-heavy task state (building, resizing, snapshotting, ...)
 * @param instanceUuids      the instances on the node
 * @param service            the compute service's state
 * @param hypervisorType     e.g. {@code QEMU}
 * @param hypervisorVersion  Nova's integer encoding, major * 1,000,000 + minor * 1,000 + micro
 * @param cpuArch            the CPU architecture, e.g. {@code x86_64}
 * @param supportedInstances what the hypervisor can run, for ImagePropertiesFilter
 * @param capabilities       further capabilities for ComputeCapabilitiesFilter; nested keys joined by {@code :}
 *                           ({@code cpu_info:vendor})
 * @param aggregates         the aggregates the host belongs to
 * @param failedBuilds       builds that failed on the node recently, for BuildFailureWeigher
 */
public record HostState(String host, String node, String uuid, Capacity vcpus, Capacity ramMb, Capacity diskGb,
                        int numIoOps, Set<String> instanceUuids, Service service, String hypervisorType,
                        long hypervisorVersion, String cpuArch, List<SupportedInstance> supportedInstances,
                        Map<String, String> capabilities, List<Aggregate> aggregates, int failedBuilds) {

    public HostState {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(vcpus, "vcpus");
        Objects.requireNonNull(ramMb, "ramMb");
        Objects.requireNonNull(diskGb, "diskGb");
        instanceUuids = instanceUuids == null ? Set.of() : Set.copyOf(instanceUuids);
        service = service == null ? Service.UP : service;
        supportedInstances = supportedInstances == null ? List.of() : List.copyOf(supportedInstances);
        capabilities = capabilities == null ? Map.of() : Map.copyOf(capabilities);
        aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
    }

    /** How many instances the node runs. */
    public int numInstances() {
        return instanceUuids.size();
    }

    /** Free vCPUs after the allocation ratio. */
    public long freeVcpus() {
        return vcpus.free();
    }

    /** Free RAM in MiB after the allocation ratio. */
    public long freeRamMb() {
        return ramMb.free();
    }

    /** Free local disk in GiB after the allocation ratio. */
    public long freeDiskGb() {
        return diskGb.free();
    }

    /**
     * This node after one more instance landed on it, as Nova's {@code consume_from_request}: the amounts are
     * used, the instance counts, and a build is one more I/O operation.
     */
    public HostState consume(long vcpuAmount, long ramMbAmount, long diskGbAmount, String instanceUuid) {
        Set<String> instances = new HashSet<>(instanceUuids);
        instances.add(instanceUuid);
        return new HostState(host, node, uuid, vcpus.plus(vcpuAmount), ramMb.plus(ramMbAmount),
                diskGb.plus(diskGbAmount), numIoOps + 1, instances, service, hypervisorType, hypervisorVersion,
                cpuArch, supportedInstances, capabilities, aggregates, failedBuilds);
    }

    /** This node with other aggregates. */
    public HostState withAggregates(List<Aggregate> others) {
        return new HostState(host, node, uuid, vcpus, ramMb, diskGb, numIoOps, instanceUuids, service,
                hypervisorType, hypervisorVersion, cpuArch, supportedInstances, capabilities, others, failedBuilds);
    }
}
