package dev.overcast.image.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots the generated test image under QEMU, where QEMU is installed; skipped elsewhere. */
class TestImageBootTest {
    @TempDir
    Path dir;

    @Test
    void theTestImageBootsUnderQemuAndPrintsItsMessageOnTheSerialConsole() throws Exception {
        assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 is not installed");
        Path disk = dir.resolve("disk.raw");
        Path serial = dir.resolve("serial.log");
        Files.write(disk, TestImage.disk());
        Process qemu = new ProcessBuilder("qemu-system-x86_64", "-drive", "file=" + disk + ",format=raw",
                "-display", "none", "-monitor", "none", "-serial", "file:" + serial, "-m", "32", "-no-reboot")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String console = "";
            while (!console.contains(TestImage.MESSAGE) && System.nanoTime() < deadline && qemu.isAlive()) {
                Thread.sleep(100);
                console = Files.exists(serial) ? Files.readString(serial, StandardCharsets.US_ASCII) : "";
            }
            assertThat(console).contains(TestImage.MESSAGE);
        } finally {
            qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }
}
