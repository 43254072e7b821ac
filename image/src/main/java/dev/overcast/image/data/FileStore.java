package dev.overcast.image.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import dev.overcast.image.ImageData;

/**
 * Image data as files, one per image, named by the image id, in one directory.
 *
 * <p>A write goes to a temporary file in the same directory ({@code .ID.RANDOM.partial}),
 * computing MD5 and SHA-512 as the bytes pass through one fixed buffer, is forced to disk,
 * and only then is moved over the final name atomically. A reader therefore sees either no
 * file or the whole file, never a prefix; a process killed mid-write leaves only a
 * {@code .partial} file, which {@link #removePartials} clears at start. Memory use is the
 * buffer, whatever the image size.
 *
 * <p>The same class serves the staging area of {@code glance-direct} imports, on its own
 * directory.
 */
public final class FileStore implements ImageData {
    static final int BUFFER = 1 << 20;
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
            Written written;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                written = copy(in, out, limit);
                out.force(true);
            }
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

    /** A stream over the image's data from {@code offset}; empty if there is no data. */
    public Optional<InputStream> open(String imageId, long offset) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path(imageId), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        channel.position(offset);
        return Optional.of(java.nio.channels.Channels.newInputStream(channel));
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

    /**
     * Copies with two buffers so that the two digests run on two other threads while this
     * one reads the next chunk and writes the current one: on a small machine MD5 and
     * SHA-512, not the disk, are what limit an upload. Each buffer is filled whole before it
     * is hashed and written (a socket hands over a few KiB at a time; one write and two
     * digest updates per MiB cost far less than per packet).
     */
    private static Written copy(InputStream in, FileChannel out, long limit) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha512 = digest("SHA-512");
        byte[][] buffers = {new byte[BUFFER], new byte[BUFFER]};
        long total = 0;
        try (ExecutorService md5Thread = hasher("md5-"); ExecutorService shaThread = hasher("sha512-")) {
            Future<?> md5Done = null;
            Future<?> shaDone = null;
            int current = 0;
            int n;
            while ((n = in.readNBytes(buffers[current], 0, BUFFER)) > 0) {
                total += n;
                if (total > limit) {
                    throw new LimitExceeded(limit, total);
                }
                byte[] chunk = buffers[current];
                int length = n;
                // The other buffer's digests must finish before this chunk's start (order) and
                // before the next read reuses that buffer.
                await(md5Done);
                await(shaDone);
                md5Done = md5Thread.submit(() -> md5.update(chunk, 0, length));
                shaDone = shaThread.submit(() -> sha512.update(chunk, 0, length));
                ByteBuffer bytes = ByteBuffer.wrap(chunk, 0, length);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                current = 1 - current;
            }
            await(md5Done);
            await(shaDone);
        }
        HexFormat hex = HexFormat.of();
        return new Written(total, hex.formatHex(md5.digest()), hex.formatHex(sha512.digest()));
    }

    private static ExecutorService hasher(String name) {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name, 0).factory());
    }

    private static void await(Future<?> hashing) throws IOException {
        if (hashing == null) {
            return;
        }
        try {
            hashing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while hashing");
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
