package dev.overcast.image;

/**
 * Where an image's bytes live. The metadata API only needs to drop them when an image is
 * deleted; uploads, downloads and imports belong to the data side, which extends the
 * implementation.
 */
public interface ImageData {
    /** Removes the data of image {@code imageId}, if there is any; deleting nothing is not an error. */
    void delete(String imageId);
}
