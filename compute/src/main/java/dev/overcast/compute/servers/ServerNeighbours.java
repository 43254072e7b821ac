package dev.overcast.compute.servers;

import java.util.Map;
import java.util.Optional;

import dev.overcast.compute.instances.InstanceFlavor;
import dev.overcast.core.http.Request;

/**
 * What the servers API needs from the rest of Compute and from other services, each as one
 * function, so the API reads as its rules and tests can run it with plain lambdas.
 *
 * @param flavors the flavor a project may boot, copied for the instance
 * @param keys    the public key of a user's key pair
 * @param quotas  checks that a project may add these amounts; a 403 with upstream's message if not
 * @param images  the image a request names, as the caller may see it (Glance, with the caller's token)
 * @param groups  server groups: existence, membership
 * @param zones   whether an availability zone exists
 * @param hosts   whether a compute host is up, for {@code host_status} and local deletes
 * @param allocations releases an instance's Placement allocations when a build is deleted before
 *                    it reached a cell
 */
public record ServerNeighbours(Flavors flavors, Keys keys, Quotas quotas, Images images, Groups groups,
                               Zones zones, Hosts hosts, Allocations allocations) {

    public interface Flavors {
        Optional<InstanceFlavor> find(String flavorRef, String projectId);
    }

    public interface Keys {
        Optional<String> publicKey(String userId, String keyName);
    }

    public interface Quotas {
        void check(String projectId, String userId, Map<String, Long> deltas);
    }

    public interface Images {
        /** The image, or empty when the caller cannot see it. */
        Optional<ImageInfo> find(String imageId, Request request);
    }

    /**
     * What a create reads of an image.
     *
     * @param properties the image's properties plus {@code disk_format} and {@code container_format}
     */
    public record ImageInfo(String id, String status, long minDiskGb, long minRamMb, Long sizeBytes,
                            Map<String, String> properties) {
    }

    public interface Groups {
        /** The group's policy, or empty when there is no such group visible to the project. */
        Optional<String> policy(String groupUuid, String projectId);

        void addMember(String groupUuid, String instanceUuid);

        /** The uuids of the groups the instance is a member of (2.71). */
        java.util.List<String> groupsOf(String instanceUuid);
    }

    public interface Zones {
        boolean exists(String zone);

        /** The zone a compute host is in. */
        String of(String host);
    }

    public interface Allocations {
        void release(String consumerUuid);
    }

    public interface Hosts {
        /** UP, DOWN, MAINTENANCE (disabled) or UNKNOWN, as Nova's host_status. */
        String status(String host);
    }
}
