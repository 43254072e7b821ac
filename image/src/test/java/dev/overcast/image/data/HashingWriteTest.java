package dev.overcast.image.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both ways to disk, direct and through the page cache, at sizes around the block and chunk edges. */
class HashingWriteTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes, direct {1}")
    @CsvSource({"0, true", "0, false", "17, true", "4096, true", "1048576, true", "1048593, true",
            "3145745, true", "3145745, false", "4194304, false"})
    void theFileHoldsExactlyTheBytesAndTheDigestsAreTheirs(int size, boolean direct) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path file = dir.resolve("data");

        Written written = HashingWrite.copy(new ByteArrayInputStream(data), file, Long.MAX_VALUE, direct);

        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(written.size()).isEqualTo(size);
        assertThat(written.checksum()).isEqualTo(hex("MD5", data));
        assertThat(written.sha512()).isEqualTo(hex("SHA-512", data));
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
