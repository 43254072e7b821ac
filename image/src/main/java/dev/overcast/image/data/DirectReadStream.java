package dev.overcast.image.data;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * A file read from {@code offset} to its end with {@code O_DIRECT}, a chunk at a time into one
 * block-aligned native buffer: what a download streams. Read through the page cache, a cold
 * image cost the kernel as much CPU per byte as sending it, and every large image pushed other
 * data out of the cache; read directly, the disk does the work. The read starts at the block
 * boundary below {@code offset} and skips up to it.
 */
final class DirectReadStream extends InputStream {
    private static final int CHUNK = HashingWrite.CHUNK;

    private final FileChannel channel;
    private final Arena arena = Arena.ofShared();
    private final ByteBuffer buffer;
    private long position;
    private int skip;
    private boolean atEnd;

    private DirectReadStream(FileChannel channel, long block, long offset) {
        this.channel = channel;
        MemorySegment aligned = arena.allocate(CHUNK, block);
        this.buffer = aligned.asByteBuffer().limit(0);
        this.position = offset - offset % block;
        this.skip = (int) (offset - position);
    }

    /** The stream, or empty where the file system does not take {@code O_DIRECT} (tmpfs). */
    static Optional<InputStream> open(Path file, long offset) throws IOException {
        long block = Files.getFileStore(file).getBlockSize();
        if (CHUNK % block != 0) {
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.exists(file)) {
                return Optional.empty(); // EINVAL: no direct I/O here
            }
            throw e;
        }
        return Optional.of(new DirectReadStream(channel, block, offset));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    /** Reads the next chunk; false at the end of the file. */
    private boolean fill() throws IOException {
        while (!atEnd) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                atEnd = true;
                break;
            }
            position += n;
            atEnd = n < CHUNK; // a short read of an aligned request is the file's end
            buffer.flip();
            int skipped = Math.min(skip, buffer.remaining());
            buffer.position(skipped);
            skip -= skipped;
            if (buffer.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try (arena) {
            channel.close();
        }
    }
}
