package dev.overcast.compute.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * What usage reads of one instance: who owns it, what it is, and when it ran.
 *
 * @param uuid         the instance's id
 * @param projectId    its project
 * @param name         its display name
 * @param vmState      its vm state
 * @param flavorName   its flavor's name, or empty when its flavor cannot be read
 * @param vcpus        its flavor's vCPUs
 * @param memoryMb     its flavor's RAM in MiB
 * @param localGb      its flavor's root plus ephemeral disk in GiB
 * @param launchedAt   when it started running, or null
 * @param terminatedAt when it was terminated, or null
 */
public record UsageInstance(String uuid, String projectId, String name, String vmState, String flavorName,
                            int vcpus, int memoryMb, int localGb, Instant launchedAt, Instant terminatedAt) {
    public UsageInstance {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(projectId, "projectId");
    }
}
