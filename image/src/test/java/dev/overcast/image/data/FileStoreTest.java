package dev.overcast.image.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
    @TempDir
    Path dir;

    @Test
    void aWriteLeavesExactlyTheBytesAndReportsTheirSizeAndDigests() throws Exception {
        FileStore store = new FileStore(dir.resolve("images"));
        byte[] data = bytes(3 * HashingWrite.CHUNK + 17);

        Written written = store.write("img-1", new ByteArrayInputStream(data), Long.MAX_VALUE);

        assertThat(Files.readAllBytes(store.path("img-1"))).isEqualTo(data);
        assertThat(written.size()).isEqualTo(data.length);
        assertThat(written.checksum()).isEqualTo(hex("MD5", data));
        assertThat(written.sha512()).isEqualTo(hex("SHA-512", data));
        assertThat(Files.list(store.dir())).hasSize(1);
    }

    @Test
    void aWriteThatCrossesItsLimitStopsThereAndLeavesNoFile() {
        FileStore store = new FileStore(dir);
        CountingStream in = new CountingStream(10 * HashingWrite.CHUNK);

        assertThatThrownBy(() -> store.write("img-1", in, HashingWrite.CHUNK + 1)).isInstanceOf(LimitExceeded.class);

        assertThat(in.read).isLessThanOrEqualTo(3L * HashingWrite.CHUNK);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aReaderSeesTheOldDataUntilANewWriteIsComplete() throws Exception {
        FileStore store = new FileStore(dir);
        store.write("img-1", new ByteArrayInputStream(new byte[]{1, 2, 3}), 100);
        InputStream failing = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 5) {
                    throw new IOException("client went away");
                }
                return 9;
            }
        };

        assertThatThrownBy(() -> store.write("img-1", failing, 100)).isInstanceOf(IOException.class);

        assertThat(Files.readAllBytes(store.path("img-1"))).containsExactly(1, 2, 3);
        assertThat(Files.list(dir)).hasSize(1);
    }

    @Test
    void partialFilesOfAKilledWriteAreRemovedButCompleteOnesStay() throws Exception {
        FileStore store = new FileStore(dir);
        store.write("img-1", new ByteArrayInputStream(new byte[]{1}), 100);
        Files.write(dir.resolve(".img-2.0b7e.partial"), new byte[]{2});

        assertThat(store.removePartials()).isEqualTo(1);

        assertThat(store.ids()).containsExactly("img-1");
    }

    @Test
    void adoptingAStagedFileMovesItIntoPlace() throws Exception {
        FileStore staging = new FileStore(dir.resolve("staging"));
        FileStore store = new FileStore(dir.resolve("images"));
        staging.write("img-1", new ByteArrayInputStream(new byte[]{4, 5}), 100);

        store.adopt("img-1", staging.path("img-1"));

        assertThat(staging.exists("img-1")).isFalse();
        assertThat(Files.readAllBytes(store.path("img-1"))).containsExactly(4, 5);
    }

    @Test
    void deletingDataThatIsNotThereIsANoOp() {
        FileStore store = new FileStore(dir);
        store.delete("img-1");
        assertThat(store.exists("img-1")).isFalse();
    }

    @Test
    void anIdThatCouldEscapeTheDirectoryIsRefused() {
        FileStore store = new FileStore(dir);
        assertThatThrownBy(() -> store.path("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTestImageIsOneBootableSectorWithItsMessage() {
        byte[] disk = TestImage.disk();
        assertThat(disk).hasSize(TestImage.SIZE);
        assertThat(disk[510] & 0xFF).isEqualTo(0x55);
        assertThat(disk[511] & 0xFF).isEqualTo(0xAA);
        // mov si points at the message, 0x7C00 + its offset.
        int messageAt = (disk[0x0F] & 0xFF | (disk[0x10] & 0xFF) << 8) - 0x7C00;
        assertThat(new String(disk, messageAt, TestImage.MESSAGE.length(), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(TestImage.MESSAGE);
        assertThat(messageAt + TestImage.MESSAGE.length() + 3).isLessThan(510);
    }

    static byte[] bytes(int n) {
        byte[] data = new byte[n];
        new Random(42).nextBytes(data);
        return data;
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    /** An endless-ish stream that counts what was read from it. */
    static final class CountingStream extends InputStream {
        final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (int) (read++ & 0x7F) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            read += n;
            return n;
        }
    }
}
