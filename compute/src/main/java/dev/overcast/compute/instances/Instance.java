package dev.overcast.compute.instances;

import java.time.Instant;
import java.util.Map;

/**
 * One instance as its cell stores it (before it reaches a cell, its build request holds the same
 * record). Changes of {@link #state} go through {@link Lifecycle} only.
 *
 * @param hostname          the guest's hostname (2.90), derived from the display name by default
 * @param host              the compute host, null until scheduled
 * @param node              the hypervisor node on the host
 * @param availabilityZone  the zone asked for, or where it landed
 * @param imageRef          the image id, or empty when booted from a volume
 * @param keyData           the public key of {@code keyName}, copied at create
 * @param systemMetadata    Compute's own bookkeeping (image properties, alternates for reschedule, ...)
 * @param leaseOwner        the conductor or agent working on the instance's task, if any
 * @param leaseUntil        when that worker's claim on the task lapses
 */
public record Instance(String uuid, String projectId, String userId, String displayName, String description,
                       String hostname, String host, String node, String availabilityZone, InstanceFlavor flavor,
                       String imageRef, String keyName, String keyData, String userData, InstanceState state,
                       String lockedBy, String lockReason, String reservationId, int launchIndex,
                       String accessIpV4, String accessIpV6, Map<String, String> systemMetadata,
                       Instant launchedAt, Instant terminatedAt, String leaseOwner, Instant leaseUntil,
                       Instant createdAt, Instant updatedAt, Instant deletedAt, boolean deleted) {

    public Instance {
        systemMetadata = systemMetadata == null ? Map.of() : Map.copyOf(systemMetadata);
    }

    public Instance withState(InstanceState s) {
        return new Instance(uuid, projectId, userId, displayName, description, hostname, host, node,
                availabilityZone, flavor, imageRef, keyName, keyData, userData, s, lockedBy, lockReason, reservationId,
                launchIndex, accessIpV4, accessIpV6, systemMetadata, launchedAt, terminatedAt, leaseOwner, leaseUntil,
                createdAt, updatedAt, deletedAt, deleted);
    }

    public Instance withPlacement(String newHost, String newNode, String zone) {
        return new Instance(uuid, projectId, userId, displayName, description, hostname, newHost, newNode,
                zone, flavor, imageRef, keyName, keyData, userData, state, lockedBy, lockReason, reservationId,
                launchIndex, accessIpV4, accessIpV6, systemMetadata, launchedAt, terminatedAt, leaseOwner, leaseUntil,
                createdAt, updatedAt, deletedAt, deleted);
    }

    /** This instance with another flavor: a resize's, or its old one back on a revert. */
    public Instance withFlavor(InstanceFlavor other) {
        return new Instance(uuid, projectId, userId, displayName, description, hostname, host, node,
                availabilityZone, other, imageRef, keyName, keyData, userData, state, lockedBy, lockReason,
                reservationId, launchIndex, accessIpV4, accessIpV6, systemMetadata, launchedAt, terminatedAt,
                leaseOwner, leaseUntil, createdAt, updatedAt, deletedAt, deleted);
    }

    public Instance withSystemMetadata(Map<String, String> meta) {
        return new Instance(uuid, projectId, userId, displayName, description, hostname, host, node,
                availabilityZone, flavor, imageRef, keyName, keyData, userData, state, lockedBy, lockReason,
                reservationId, launchIndex, accessIpV4, accessIpV6, meta, launchedAt, terminatedAt, leaseOwner,
                leaseUntil, createdAt, updatedAt, deletedAt, deleted);
    }

    public Instance withLease(String owner, Instant until) {
        return new Instance(uuid, projectId, userId, displayName, description, hostname, host, node,
                availabilityZone, flavor, imageRef, keyName, keyData, userData, state, lockedBy, lockReason,
                reservationId, launchIndex, accessIpV4, accessIpV6, systemMetadata, launchedAt, terminatedAt, owner,
                until, createdAt, updatedAt, deletedAt, deleted);
    }

    /** This instance with its lifetime stamps: launched, terminated, deleted. */
    public Instance withTimes(Instant launched, Instant terminated, Instant deletedOn, boolean isDeleted,
                              Instant updated) {
        return new Instance(uuid, projectId, userId, displayName, description, hostname, host, node,
                availabilityZone, flavor, imageRef, keyName, keyData, userData, state, lockedBy, lockReason,
                reservationId, launchIndex, accessIpV4, accessIpV6, systemMetadata, launched, terminated, leaseOwner,
                leaseUntil, createdAt, updated, deletedOn, isDeleted);
    }

    /** This instance with what a user may change, or a rebuild replaces. */
    public Instance withUserFields(String name, String newDescription, String newHostname, String v4, String v6,
                                   String image, String key, String keyPublic, String data) {
        return new Instance(uuid, projectId, userId, name, newDescription, newHostname, host, node, availabilityZone,
                flavor, image, key, keyPublic, data, state, lockedBy, lockReason, reservationId, launchIndex, v4, v6,
                systemMetadata, launchedAt, terminatedAt, leaseOwner, leaseUntil, createdAt, updatedAt, deletedAt,
                deleted);
    }

    public boolean locked() {
        return lockedBy != null;
    }

    /** Nova's {@code OS-EXT-SRV-ATTR:instance_name}, from a template over the uuid's start. */
    public String instanceName() {
        return "instance-" + uuid.substring(0, 8);
    }
}
