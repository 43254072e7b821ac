package dev.overcast.image.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Direct reads give exactly the bytes from any offset, at sizes around the block and chunk edges. */
class DirectReadStreamTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes from {1}")
    @CsvSource({"0, 0", "17, 0", "17, 5", "17, 17", "4096, 0", "4096, 4095", "4113, 4096", "1048576, 0",
            "1048593, 1048576", "1048593, 1048592", "3145733, 1", "3145733, 2097151", "3145733, 3145733"})
    void readsExactlyTheBytesFromTheOffset(int size, int offset) throws Exception {
        byte[] data = new byte[size];
        new Random(size + offset).nextBytes(data);
        Path file = dir.resolve("image");
        Files.write(file, data);

        byte[] read;
        try (InputStream in = DirectReadStream.open(file, offset).orElseThrow()) {
            read = in.readAllBytes();
        }

        assertThat(read).isEqualTo(Arrays.copyOfRange(data, offset, size));
    }

    @Test
    void aStoreReadsWhatItWroteAndNothingForAnImageWithoutData() throws Exception {
        FileStore store = new FileStore(dir);
        byte[] data = new byte[HashingWrite.CHUNK * 2 + 100];
        new Random(1).nextBytes(data);
        store.write("img-1", new java.io.ByteArrayInputStream(data), Long.MAX_VALUE);

        try (InputStream in = store.open("img-1", 10).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 10, data.length));
        }
        assertThat(store.open("img-2", 0)).isEmpty();
    }
}
