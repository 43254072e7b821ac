package dev.overcast.image.images;

import java.time.Instant;

/**
 * An image as stored. {@code properties} is a JSON object of the custom properties; data
 * lives in the file store, named by the id.
 */
public record ImageRow(String id, String name, String status, String visibility, boolean isProtected,
                       boolean osHidden, String owner, Long size, Long virtualSize, String checksum,
                       String osHashAlgo, String osHashValue, int minRam, int minDisk, String containerFormat,
                       String diskFormat, String properties, Instant createdAt, Instant updatedAt) {

    public ImageRow withStatus(String newStatus, Instant at) {
        return new ImageRow(id, name, newStatus, visibility, isProtected, osHidden, owner, size, virtualSize,
                checksum, osHashAlgo, osHashValue, minRam, minDisk, containerFormat, diskFormat, properties,
                createdAt, at);
    }
}
