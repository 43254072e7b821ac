package dev.overcast.image;

import java.nio.file.Path;

/**
 * Image's options.
 *
 * @param storeDir        where image data lives, one file per image; default {@code DATA_DIR/images}
 * @param stagingDir      where {@code glance-direct} imports stage data; default {@code DATA_DIR/images-staging}
 * @param imageSizeCap    largest image accepted, in bytes; default 1 TiB (Glance's {@code image_size_cap})
 * @param imageSizeTotal  bytes of image data each project may store; -1 for no limit (the default),
 *                        Glance's {@code image_size_total} quota
 */
public record ImageSettings(Path storeDir, Path stagingDir, long imageSizeCap, long imageSizeTotal) {
    /** The id of the one store Overcast has, as {@code /v2/info/stores} and an image's {@code stores} name it. */
    public static final String STORE_ID = "file";
    public static final long DEFAULT_SIZE_CAP = 1024L * 1024 * 1024 * 1024;

    public ImageSettings {
        if (imageSizeCap <= 0) {
            throw new IllegalArgumentException("image size cap must be positive, got " + imageSizeCap);
        }
        if (imageSizeTotal < -1) {
            throw new IllegalArgumentException("image_size_total must be -1 (no limit) or more, got " + imageSizeTotal);
        }
    }
}
