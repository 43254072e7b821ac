package dev.overcast.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.overcast.core.config.ConfigLoader;
import dev.overcast.core.json.Json;

/**
 * {@code overcast bench image}: uploads and downloads one image of {@code --size-mib} through
 * a throw-away all-in-one server, and prints the rates next to what {@code dd} writes to the
 * same disk, and the process's peak resident memory before and after, to show that data
 * streams through a fixed buffer rather than the heap.
 */
final class ImageBench {
    private static final Pattern DD = Pattern.compile("(\\d+) bytes .* copied, ([0-9.,]+) s");

    static {
        // The client's reads of 16 KiB by default, not the server, set the download's pace.
        System.setProperty("jdk.httpclient.bufsize", String.valueOf(1 << 20));
    }

    private final long bytes;
    private final HttpClient http = HttpClient.newHttpClient();

    ImageBench(int sizeMib) {
        this.bytes = sizeMib * 1024L * 1024;
    }

    int run() throws Exception {
        Path dir = Files.createTempDirectory("overcast-bench-image");
        String password = "bench-password";
        OvercastConfig config = ConfigLoader.load(OvercastConfig.class, null, Map.of(),
                Map.of("port", 0, "data_dir", dir.toString(), "admin_password", password, "password_hash_rounds", 4));
        try (Overcast overcast = Overcast.start(config)) {
            String token = token(overcast, password);
            String images = overcast.url() + "/image/v2/images";
            System.out.printf("Overcast image benchmark: %d MiB, data dir %s, max heap %d MiB%n", bytes >> 20, dir,
                    Runtime.getRuntime().maxMemory() >> 20);
            long rssBefore = peakRssKib();
            Path ddFile = dir.resolve("dd.bin");
            System.out.printf("  %-52s %10.1f MB/s%n", "dd write, bs=1M conv=fdatasync (same disk)",
                    dd("if=/dev/zero", "of=" + ddFile, "count=" + (bytes >> 20), "conv=fdatasync"));
            Files.delete(ddFile);
            System.out.printf("  %-52s %10.1f MB/s%n", "dd write, bs=1M oflag=direct (as the upload writes)",
                    dd("if=/dev/zero", "of=" + ddFile, "count=" + (bytes >> 20), "oflag=direct"));
            Files.delete(ddFile);

            String id = create(images, token);
            long start = System.nanoTime();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(images + "/" + id + "/file"))
                    .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new Pattern1M(bytes)), bytes))
                    .build(), HttpResponse.BodyHandlers.ofString());
            double upload = rate(bytes, System.nanoTime() - start);
            if (put.statusCode() != 204) {
                throw new IllegalStateException("upload answered " + put.statusCode() + ": " + put.body());
            }
            System.out.printf("  %-52s %10.1f MB/s%n", "upload, PUT /v2/images/{id}/file (MD5 + SHA-512, fsync)", upload);
            for (String algorithm : List.of("MD5", "SHA-512")) {
                System.out.printf("  %-52s %10.1f MB/s%n", algorithm + " alone, one core, in memory (Glance needs both)",
                        digestRate(algorithm));
            }

            start = System.nanoTime();
            HttpResponse<Long> get = http.send(HttpRequest.newBuilder(URI.create(images + "/" + id + "/file"))
                    .header("X-Auth-Token", token).GET().build(),
                    HttpResponse.BodyHandlers.fromSubscriber(new CountingSubscriber(), CountingSubscriber::count));
            long received = get.body();
            double download = rate(received, System.nanoTime() - start);
            if (get.statusCode() != 200 || received != bytes) {
                throw new IllegalStateException("download answered " + get.statusCode() + " with " + received + " bytes");
            }
            System.out.printf("  %-52s %10.1f MB/s%n", "download, GET /v2/images/{id}/file", download);
            System.out.printf("  %-52s %10.1f MB/s%n", "dd read of the stored image, bs=1M iflag=direct",
                    dd("if=" + dir.resolve("images").resolve(id), "of=/dev/null", "iflag=direct"));
            System.out.printf("  %-52s %7d MiB before, %d MiB after (image %d MiB)%n",
                    "peak RSS of this JVM, server and client (VmHWM)", rssBefore >> 10, peakRssKib() >> 10, bytes >> 20);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private String token(Overcast overcast, String password) throws Exception {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                  "domain": {"id": "default"}, "password": "%s"}}},
                  "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}""".formatted(password);
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(overcast.identityUrl() + "/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return reply.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new IllegalStateException("no token: " + reply.statusCode() + " " + reply.body()));
    }

    private String create(String images, String token) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(images))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"bench\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("image create answered " + reply.statusCode() + ": " + reply.body());
        }
        return Json.parse(reply.body()).get("id").asString();
    }

    /** dd's own figure for copying with bs=1M and the given operands. */
    private static double dd(String... operands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dd", "bs=1M"));
        command.addAll(List.of(operands));
        Process dd = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String report = new String(dd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = dd.waitFor();
        Matcher m = DD.matcher(report);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("dd failed (" + exit + "): " + report);
        }
        return Long.parseLong(m.group(1)) / Double.parseDouble(m.group(2).replace(',', '.')) / 1e6;
    }

    /** How fast this JVM computes {@code algorithm} over bytes already in memory: the upload's ceiling. */
    private static double digestRate(String algorithm) throws java.security.NoSuchAlgorithmException {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance(algorithm);
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        for (int i = 0; i < 256; i++) {
            digest.update(block); // warm-up: the digest's intrinsics are compiled by now
        }
        int mib = 512;
        long start = System.nanoTime();
        for (int i = 0; i < mib; i++) {
            digest.update(block);
        }
        return rate((long) mib << 20, System.nanoTime() - start);
    }

    private static double rate(long bytes, long nanos) {
        return bytes / (nanos / 1e9) / 1e6;
    }

    /** This process's peak resident set (VmHWM), in KiB; -1 where /proc is not there. */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: no figure.
        }
        return -1;
    }

    /**
     * Counts a body's bytes as the client receives them, without copying them: reading through
     * {@code BodyHandlers.ofInputStream()} copied each buffer and halved the figure.
     */
    private static final class CountingSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
        private long count;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                count += b.remaining();
            }
        }

        @Override
        public void onError(Throwable error) {
            // send() throws it.
        }

        @Override
        public void onComplete() {
        }

        long count() {
            return count;
        }
    }

    /** {@code size} bytes of a repeated random MiB: incompressible, and cheap to produce. */
    private static final class Pattern1M extends InputStream {
        private static final byte[] BLOCK = new byte[1 << 20];

        static {
            new Random(7).nextBytes(BLOCK);
        }

        private final long size;
        private long position;

        Pattern1M(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? BLOCK[(int) (position++ % BLOCK.length)] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int at = (int) (position % BLOCK.length);
            int n = (int) Math.min(Math.min(len, size - position), BLOCK.length - at);
            System.arraycopy(BLOCK, at, b, off, n);
            position += n;
            return n;
        }
    }
}
