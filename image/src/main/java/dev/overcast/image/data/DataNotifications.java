package dev.overcast.image.data;

import java.time.Instant;
import java.util.List;

import dev.overcast.core.bus.Notifier;
import dev.overcast.core.bus.VersionedPayload;
import dev.overcast.image.images.ImageRow;

/**
 * Glance's {@code image.upload} and {@code image.activate} notifications, with the image as
 * the payload. A failed send never fails the upload: the data is already safe.
 */
final class DataNotifications {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataNotifications.class);

    /** The image as notifications carry it: Glance's ImagePayload fields. */
    record ImagePayload(String id, String name, String status, String visibility, boolean isProtected, String owner,
                        Long size, String checksum, String osHashAlgo, String osHashValue, String diskFormat,
                        String containerFormat, int minRam, int minDisk, List<String> tags, Instant createdAt,
                        Instant updatedAt) {
        static ImagePayload of(ImageRow i, List<String> tags) {
            return new ImagePayload(i.id(), i.name(), i.status(), i.visibility(), i.isProtected(), i.owner(), i.size(),
                    i.checksum(), i.osHashAlgo(), i.osHashValue(), i.diskFormat(), i.containerFormat(), i.minRam(),
                    i.minDisk(), tags, i.createdAt(), i.updatedAt());
        }
    }

    private final Notifier notifier;

    DataNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Sends image.upload then image.activate for an image that just became active. */
    void uploadedAndActive(ImageRow image, List<String> tags) {
        VersionedPayload payload = VersionedPayload.of("glance", "ImagePayload", "1.0", ImagePayload.of(image, tags));
        try {
            notifier.info("image.upload", payload);
            notifier.info("image.activate", payload);
        } catch (RuntimeException e) {
            LOG.warn("image {} is active but its notifications were not sent: {}", image.id(), e.toString());
        }
    }
}
