package dev.overcast.image.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.overcast.image.ImageData;

/**
 * Image data as files, one per image, named by the image id, in one directory.
 *
 * <p>A write goes to a temporary file in the same directory ({@code .ID.RANDOM.partial}),
 * computing MD5 and SHA-512 as the bytes pass ({@link HashingWrite}), is forced to disk,
 * and only then is moved over the final name atomically. A reader therefore sees either no
 * file or the whole file, never a prefix; a process killed mid-write leaves only a
 * {@code .partial} file, which {@link #removePartials} clears at start.
 *
 * <p>The same class serves the staging area of {@code glance-direct} imports, on its own
 * directory.
 */
public final class FileStore implements ImageData {
    private static final String PARTIAL = ".partial";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path dir;

    public FileStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create image store " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The file holding the image's data once complete. */
    Path path(String imageId) {
        if (!ID.matcher(imageId).matches()) {
            // Ids come from the database, but a path is no place to find out one was odd.
            throw new IllegalArgumentException("not an image id: " + imageId);
        }
        return dir.resolve(imageId);
    }

    public boolean exists(String imageId) {
        return Files.isRegularFile(path(imageId));
    }

    /** The complete data's size, if there is data. */
    public Optional<Long> size(String imageId) {
        try {
            return Optional.of(Files.size(path(imageId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies {@code in} to the image's file, replacing any earlier data only once all of it
     * has arrived. Stops with {@link LimitExceeded} as soon as more than {@code limit} bytes
     * came; on that or any failure no partial file is left behind.
     */
    public Written write(String imageId, InputStream in, long limit) throws IOException {
        Path target = path(imageId);
        Path temp = dir.resolve("." + imageId + "." + UUID.randomUUID() + PARTIAL);
        boolean done = false;
        try {
            Written written = HashingWrite.copy(in, temp, limit);
            moveAtomically(temp, target);
            done = true;
            return written;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Moves a complete file from elsewhere (the staging area) into place as the image's data:
     * a rename when both are on one file system, otherwise a copy to a temporary file here
     * and a rename.
     */
    public void adopt(String imageId, Path source) throws IOException {
        Path target = path(imageId);
        try {
            moveAtomically(source, target);
        } catch (AtomicMoveNotSupportedException acrossFileSystems) {
            Path temp = dir.resolve("." + imageId + "." + UUID.randomUUID() + PARTIAL);
            try {
                Files.copy(source, temp);
                try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                moveAtomically(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            Files.deleteIfExists(source);
        }
    }

    /**
     * A stream over the image's data from {@code offset}; empty if there is no data. Read with
     * {@code O_DIRECT} where the file system allows it ({@link DirectReadStream}).
     */
    public Optional<InputStream> open(String imageId, long offset) throws IOException {
        Path file = path(imageId);
        try {
            Optional<InputStream> direct = DirectReadStream.open(file, offset);
            if (direct.isPresent()) {
                return direct;
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return Optional.of(java.nio.channels.Channels.newInputStream(channel));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String imageId) {
        try {
            Files.deleteIfExists(path(imageId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the data of image " + imageId, e);
        }
    }

    /**
     * Deletes every temporary file of an unfinished write. Only safe when no write is running
     * in any process sharing this directory: at start.
     */
    public int removePartials() {
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(PARTIAL) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    /** The ids of every complete file, for recovery to compare with the database. */
    public java.util.List<String> ids() {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> ID.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
