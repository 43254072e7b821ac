package dev.overcast.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Image data as one file per image, named by the image id, under {@link ImageSettings#storeDir()}. */
public class FileImageData implements ImageData {
    private final Path storeDir;

    public FileImageData(Path storeDir) {
        this.storeDir = Objects.requireNonNull(storeDir, "storeDir");
    }

    /** The file that holds (or would hold) {@code imageId}'s data. */
    protected Path fileOf(String imageId) {
        Path file = storeDir.resolve(imageId).normalize();
        if (!file.getParent().equals(storeDir.normalize())) {
            throw new IllegalArgumentException("not an image id: " + imageId);
        }
        return file;
    }

    @Override
    public void delete(String imageId) {
        try {
            Files.deleteIfExists(fileOf(imageId));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the data of image " + imageId, e);
        }
    }
}
