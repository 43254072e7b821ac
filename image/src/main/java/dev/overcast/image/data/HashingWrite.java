package dev.overcast.image.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Copies a stream into a new file, computing MD5 and SHA-512 on the way, and forces it to
 * disk: the one slow path of an upload.
 *
 * <p>Each chunk of {@link #CHUNK} bytes is read whole (a socket hands over a few KiB at a
 * time; one write and two digest updates per MiB cost far less than per packet), then
 * handed to three single threads, one per digest and one writing, while this thread reads
 * the next chunks into the other buffers. On a small machine the digests, not the disk, set
 * the pace, so they must not wait for each other or for the disk.
 *
 * <p>Where the file system allows it, the file is written with {@code O_DIRECT}: the page
 * cache's copy and its write-back cost as much CPU as both digests together on a two-core
 * machine, and left to itself Linux starts that write-back only once a tenth of memory is
 * dirty, so the final {@code fsync} would wait for the whole image after all of it had
 * arrived. The last, unaligned bytes are written through the page cache before the fsync.
 * Memory use is the buffers, whatever the image size.
 */
final class HashingWrite {
    static final int CHUNK = 1 << 20;
    private static final int BUFFERS = 3;

    private HashingWrite() {
    }

    /**
     * Creates {@code file} (which must not exist) with the bytes of {@code in}, forced to disk.
     * Stops with {@link LimitExceeded} as soon as more than {@code limit} bytes came; the
     * caller removes the file on any failure.
     */
    static Written copy(InputStream in, Path file, long limit) throws IOException {
        return copy(in, file, limit, true);
    }

    /** As {@link #copy(InputStream, Path, long)}, through the page cache unless {@code direct}. */
    static Written copy(InputStream in, Path file, long limit, boolean direct) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha512 = digest("SHA-512");
        byte[][] buffers = new byte[BUFFERS][CHUNK];
        List<List<Future<?>>> inFlight = new ArrayList<>();
        for (int i = 0; i < BUFFERS; i++) {
            inFlight.add(List.of());
        }
        long total = 0;
        Files.createFile(file);
        try (Sink sink = Sink.open(file, direct); ExecutorService md5Thread = worker("md5-");
                ExecutorService shaThread = worker("sha512-"); ExecutorService writeThread = worker("write-")) {
            for (int i = 0; ; i = (i + 1) % BUFFERS) {
                awaitAll(inFlight.get(i)); // the buffer's last chunk is hashed and written
                byte[] chunk = buffers[i];
                int length = in.readNBytes(chunk, 0, CHUNK);
                if (length == 0) {
                    break;
                }
                total += length;
                if (total > limit) {
                    throw new LimitExceeded(limit, total);
                }
                // Single threads keep each digest's and the file's chunks in order.
                inFlight.set(i, List.of(
                        md5Thread.submit(() -> md5.update(chunk, 0, length)),
                        shaThread.submit(() -> sha512.update(chunk, 0, length)),
                        writeThread.submit(() -> {
                            sink.write(chunk, length);
                            return null;
                        })));
            }
            for (List<Future<?>> work : inFlight) {
                awaitAll(work);
            }
            sink.finish();
        }
        HexFormat hex = HexFormat.of();
        return new Written(total, hex.formatHex(md5.digest()), hex.formatHex(sha512.digest()));
    }

    /** Where the chunks go, in order, from the one writing thread. */
    private interface Sink extends Closeable {
        static Sink open(Path file, boolean direct) throws IOException {
            long block = Files.getFileStore(file).getBlockSize();
            if (direct && CHUNK % block == 0) {
                try {
                    return new DirectSink(file, block);
                } catch (UnsupportedOperationException | IOException noDirectIo) {
                    // tmpfs and some others: through the page cache instead.
                }
            }
            return new CachedSink(file);
        }

        void write(byte[] chunk, int length) throws IOException;

        /** Writes what is left and forces the file to disk. */
        void finish() throws IOException;
    }

    private static final class CachedSink implements Sink {
        private final FileChannel channel;

        CachedSink(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        }

        @Override
        public void write(byte[] chunk, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(chunk, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void finish() throws IOException {
            channel.force(true);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * {@code O_DIRECT} writes from one block-aligned native buffer. Only the last chunk can be
     * shorter than a whole number of blocks; its tail is kept for {@link #finish}.
     */
    private static final class DirectSink implements Sink {
        private final Path file;
        private final long block;
        private final FileChannel channel;
        private final Arena arena = Arena.ofShared();
        private final MemorySegment aligned;
        private long position;
        private byte[] tail = new byte[0];

        DirectSink(Path file, long block) throws IOException {
            this.file = file;
            this.block = block;
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            this.aligned = arena.allocate(CHUNK, block);
        }

        @Override
        public void write(byte[] chunk, int length) throws IOException {
            int whole = (int) (length - length % block);
            MemorySegment.copy(chunk, 0, aligned, ValueLayout.JAVA_BYTE, 0, whole);
            ByteBuffer bytes = aligned.asSlice(0, whole).asByteBuffer();
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            tail = Arrays.copyOfRange(chunk, whole, length);
        }

        @Override
        public void finish() throws IOException {
            try (FileChannel cached = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer rest = ByteBuffer.wrap(tail);
                while (rest.hasRemaining()) {
                    cached.write(rest, position + rest.position());
                }
                cached.force(true);
            }
        }

        @Override
        public void close() throws IOException {
            try (arena) {
                channel.close();
            }
        }
    }

    private static ExecutorService worker(String name) {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name, 0).factory());
    }

    /** Waits for a chunk's digest updates and write; a write's I/O failure fails the copy. */
    private static void awaitAll(List<Future<?>> work) throws IOException {
        for (Future<?> each : work) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while hashing or writing");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("hashing or writing failed", e.getCause());
            }
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
