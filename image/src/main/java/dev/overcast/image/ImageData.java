package dev.overcast.image;

/**
 * Where image data lives, as the rest of Image sees it. The metadata API calls
 * {@link #delete} when an image is deleted; everything else about data (upload, download,
 * import) belongs to {@code dev.overcast.image.data}.
 */
public interface ImageData {

    /** Removes the image's data, if it has any; a no-op otherwise. */
    void delete(String imageId);
}
