package dev.overcast.compute.hypervisors;

import java.time.Instant;

/**
 * One row of a cell's {@code compute_nodes} table: a hypervisor node, as its agent last
 * reported it.
 *
 * @param id                 the row id, unique only within its cell (the API's id before 2.53)
 * @param uuid               the node's uuid (the API's id from 2.53), also its resource provider's uuid
 * @param serviceId          the id of its host's nova-compute service, in the same cell
 * @param host               its host
 * @param hypervisorHostname its name, unique in the deployment
 * @param vcpusUsed          vCPUs its instances take
 * @param memoryMbUsed       RAM taken, in MiB, host reservation included (as Nova's resource tracker counts)
 * @param localGbUsed        disk its instances take, in GiB
 * @param cpuInfo            the CPU as JSON text, or null
 * @param failedBuilds       builds that failed on it since the last one that worked
 */
public record ComputeNode(long id, String uuid, long serviceId, String host, String hypervisorHostname,
                          String hypervisorType, long hypervisorVersion, int vcpus, int memoryMb, int localGb,
                          int vcpusUsed, int memoryMbUsed, int localGbUsed, String cpuInfo, String hostIp,
                          int runningVms, int failedBuilds, Instant createdAt, Instant updatedAt) {

    /** RAM not taken, in MiB; negative when overcommitted. */
    public int freeRamMb() {
        return memoryMb - memoryMbUsed;
    }

    /** Disk not taken, in GiB; negative when overcommitted. */
    public int freeDiskGb() {
        return localGb - localGbUsed;
    }
}
