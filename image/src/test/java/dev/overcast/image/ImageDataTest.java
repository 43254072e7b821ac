package dev.overcast.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.core.bus.Notification;
import dev.overcast.core.json.Json;
import dev.overcast.image.images.ImageLifecycle;
import dev.overcast.image.images.ImageRow;
import dev.overcast.image.images.ImageStore;
import tools.jackson.databind.JsonNode;

class ImageDataTest {
    static ImageServer server;
    static TestImages images;
    static String alice;

    @BeforeAll
    static void start() {
        server = new ImageServer();
        images = new TestImages(server);
        alice = server.memberToken("alice", "p1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUploadedImageDownloadsByteForByteWithItsDigests() throws Exception {
        String id = images.create("p1", "private");
        byte[] data = bytes(3 * 1024 * 1024 + 5);

        assertThat(images.put("/v2/images/" + id + "/file", alice, "application/octet-stream", data).statusCode())
                .isEqualTo(204);

        ImageRow row = images.row(id);
        assertThat(row.status()).isEqualTo("active");
        assertThat(row.size()).isEqualTo(data.length);
        assertThat(row.checksum()).isEqualTo(hex("MD5", data));
        assertThat(row.osHashAlgo()).isEqualTo("sha512");
        assertThat(row.osHashValue()).isEqualTo(hex("SHA-512", data));
        var download = images.get("/v2/images/" + id + "/file", alice);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(data);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(data.length));
        assertThat(download.headers().firstValue("Content-MD5")).hasValue(hex("MD5", data));
    }

    @Test
    void aRangeRequestGetsJustThoseBytes() {
        String id = uploaded("p1", bytes(1000));

        var part = images.get("/v2/images/" + id + "/file", alice, "Range", "bytes=10-19");

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes(1000), 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/1000");
        assertThat(images.get("/v2/images/" + id + "/file", alice, "Range", "bytes=2000-").statusCode()).isEqualTo(416);
    }

    @Test
    void aQueuedImageHasNoDataToDownload() {
        String id = images.create("p1", "private");
        var reply = images.get("/v2/images/" + id + "/file", alice);
        assertThat(reply.statusCode()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void uploadingAnythingButOctetStreamIsRefusedWith415() {
        String id = images.create("p1", "private");
        var reply = images.put("/v2/images/" + id + "/file", alice, "application/json", "{}".getBytes());
        assertThat(reply.statusCode()).isEqualTo(415);
        assertThat(images.row(id).status()).isEqualTo("queued");
    }

    @Test
    void uploadingToAnActiveImageIsAConflict() {
        String id = uploaded("p1", bytes(10));
        var reply = images.put("/v2/images/" + id + "/file", alice, "application/octet-stream", bytes(20));
        assertThat(reply.statusCode()).isEqualTo(409);
        assertThat(images.row(id).size()).isEqualTo(10);
    }

    @Test
    void anotherProjectCannotSeeAPrivateImageNorUploadToAPublicOne() {
        String bob = server.memberToken("bob", "p2");
        String hidden = images.create("p1", "private");
        String shown = images.create("p1", "public");

        assertThat(images.put("/v2/images/" + hidden + "/file", bob, "application/octet-stream", bytes(1)).statusCode())
                .isEqualTo(404);
        assertThat(images.put("/v2/images/" + shown + "/file", bob, "application/octet-stream", bytes(1)).statusCode())
                .isEqualTo(403);
        assertThat(images.get("/v2/images/" + hidden + "/file", bob).statusCode()).isEqualTo(404);
        assertThat(images.put("/v2/images/" + hidden + "/file", server.adminToken(), "application/octet-stream",
                bytes(1)).statusCode()).isEqualTo(204);
    }

    @Test
    void aMemberOfASharedImageDownloadsItButCannotUploadToIt() {
        String id = images.create("p1", "shared");
        String carol = server.memberToken("carol", "p3");
        server.jdbi().useHandle(h -> h.execute("insert into image_member (image_id, member_id, status, created_at, "
                + "updated_at) values (?, 'p3', 'accepted', current_timestamp, current_timestamp)", id));

        assertThat(images.put("/v2/images/" + id + "/file", carol, "application/octet-stream", bytes(5)).statusCode())
                .isEqualTo(403);
        assertThat(images.put("/v2/images/" + id + "/file", alice, "application/octet-stream", bytes(5)).statusCode())
                .isEqualTo(204);
        assertThat(images.get("/v2/images/" + id + "/file", carol).body()).isEqualTo(bytes(5));
        assertThat(images.get("/v2/images/" + id + "/file", server.memberToken("dave", "p4")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDeactivatedImageDownloadsOnlyForAnAdmin() {
        String id = uploaded("p1", bytes(100));
        server.jdbi().useExtension(ImageStore.class,
                s -> ImageLifecycle.apply(s, images.row(id), ImageLifecycle.Event.DEACTIVATE, Instant.now()));

        assertThat(images.get("/v2/images/" + id + "/file", alice).statusCode()).isEqualTo(403);
        assertThat(images.get("/v2/images/" + id + "/file", server.adminToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUploadCutOffMidwayLeavesTheImageQueuedWithNoFile() throws Exception {
        String id = images.create("p1", "private");
        URI url = URI.create(server.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /image/v2/images/" + id + "/file HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
                    + "X-Auth-Token: " + alice + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 10000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes(3 * 1024 * 1024));
            out.flush();
            eventually(() -> images.row(id).status().equals("saving"));
        }

        eventually(() -> images.row(id).status().equals("queued"));
        assertThat(server.storeDir()).isDirectoryNotContaining(p -> p.getFileName().toString().contains(id));
        // And the image takes a whole upload afterwards.
        assertThat(images.put("/v2/images/" + id + "/file", alice, "application/octet-stream", bytes(10)).statusCode())
                .isEqualTo(204);
    }

    @Test
    void anUploadOverTheProjectQuotaIsRefusedWith413AndLeavesTheImageQueued() {
        try (ImageServer limited = new ImageServer(Clock.systemUTC(), 1000)) {
            TestImages local = new TestImages(limited);
            String token = limited.memberToken("alice", "p1");
            String first = local.create("p1", "private");
            assertThat(local.put("/v2/images/" + first + "/file", token, "application/octet-stream", bytes(600))
                    .statusCode()).isEqualTo(204);
            String second = local.create("p1", "private");

            var declared = local.put("/v2/images/" + second + "/file", token, "application/octet-stream", bytes(600));
            var chunked = local.putChunked("/v2/images/" + second + "/file", token,
                    () -> new ByteArrayInputStream(bytes(600)));

            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(new String(declared.body())).contains("Image exceeds the storage quota");
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(local.row(second).status()).isEqualTo("queued");
            assertThat(local.row(second).size()).isNull();
            assertThat(limited.storeDir()).isDirectoryNotContaining(p -> p.getFileName().toString().equals(second));
            // Another project has its own quota.
            String other = local.create("p2", "private");
            assertThat(local.put("/v2/images/" + other + "/file", limited.memberToken("bob", "p2"),
                    "application/octet-stream", bytes(600)).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void anUploadOverTheSizeCapIsCutOffWith413() {
        try (ImageServer capped = new ImageServer(Clock.systemUTC(), -1, 4 * 1024 * 1024)) {
            TestImages local = new TestImages(capped);
            String token = capped.memberToken("alice", "p1");
            String id = local.create("p1", "private");
            var endless = new InputStream() {
                long sent;

                @Override
                public int read() {
                    return sent++ < 64L * 1024 * 1024 ? 7 : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (sent >= 64L * 1024 * 1024) {
                        return -1;
                    }
                    sent += len;
                    return len;
                }
            };

            var reply = local.putChunked("/v2/images/" + id + "/file", token, () -> endless);

            assertThat(reply.statusCode()).isEqualTo(413);
            assertThat(new String(reply.body())).contains("The incoming image is too large");
            assertThat(local.row(id).status()).isEqualTo("queued");
            assertThat(capped.storeDir()).isEmptyDirectory();
        }
    }

    @Test
    void glanceDirectStagesThenImportsTheDataIntoTheStore() throws Exception {
        String id = images.create("p1", "private");
        byte[] data = bytes(2 * 1024 * 1024 + 1);

        assertThat(images.put("/v2/images/" + id + "/stage", alice, "application/octet-stream", data).statusCode())
                .isEqualTo(204);
        assertThat(images.row(id).status()).isEqualTo("uploading");
        assertThat(server.settings().stagingDir().resolve(id)).exists();

        var reply = images.post("/v2/images/" + id + "/import", alice, "{\"method\": {\"name\": \"glance-direct\"}}");

        assertThat(reply.statusCode()).isEqualTo(202);
        eventually(() -> images.row(id).status().equals("active"));
        ImageRow row = images.row(id);
        assertThat(row.checksum()).isEqualTo(hex("MD5", data));
        assertThat(row.osHashValue()).isEqualTo(hex("SHA-512", data));
        assertThat(server.settings().stagingDir().resolve(id)).doesNotExist();
        assertThat(images.get("/v2/images/" + id + "/file", alice).body()).isEqualTo(data);

        String requestId = reply.headers().firstValue("x-openstack-request-id").orElseThrow();
        eventually(() -> Json.parse(new String(images.get("/v2/images/" + id + "/tasks", alice).body()))
                .get("tasks").get(0).get("status").asString().equals("success"));
        JsonNode task = Json.parse(new String(images.get("/v2/images/" + id + "/tasks", alice).body())).get("tasks").get(0);
        assertThat(task.get("request_id").asString()).isEqualTo(requestId);
        assertThat(task.get("input").get("import_req").get("method").get("name").asString()).isEqualTo("glance-direct");
    }

    @Test
    void importingWithoutStagingIsAConflict() {
        String id = images.create("p1", "private");
        var reply = images.post("/v2/images/" + id + "/import", alice, "{\"method\": {\"name\": \"glance-direct\"}}");
        assertThat(reply.statusCode()).isEqualTo(409);
        assertThat(new String(reply.body())).contains("needs to be staged");
    }

    @Test
    void webDownloadAndTheOtherNetworkedMethodsAreRefused() {
        String id = images.create("p1", "private");
        for (String method : new String[]{"web-download", "copy-image", "glance-download"}) {
            var reply = images.post("/v2/images/" + id + "/import", alice,
                    "{\"method\": {\"name\": \"" + method + "\", \"uri\": \"http://example.com/x.img\"}}");
            assertThat(reply.statusCode()).isEqualTo(400);
            assertThat(new String(reply.body())).contains("Import method " + method + " is not available");
        }
        assertThat(images.row(id).status()).isEqualTo("queued");
    }

    @Test
    void theImportInfoOffersOnlyGlanceDirectAndSaysWhy() {
        JsonNode info = server.member("alice", "p1").get("/v2/info/import").json().get("import-methods");
        assertThat(info.get("value").size()).isEqualTo(1);
        assertThat(info.get("value").get(0).asString()).isEqualTo("glance-direct");
        assertThat(info.get("description").asString()).contains("offline");
        JsonNode stores = server.member("alice", "p1").get("/v2/info/stores").json().get("stores");
        assertThat(stores.get(0).get("id").asString()).isEqualTo("file");
        assertThat(stores.get(0).get("default").asBoolean()).isTrue();
    }

    @Test
    void aRestartResumesImportsWhoseStagedDataSurvivedAndPutsTheRestBackToQueued() throws Exception {
        String saving = images.create("p1", "private");
        String importing = images.create("p1", "private");
        String lostImport = images.create("p1", "private");
        String staged = images.create("p1", "private");
        String active = uploaded("p1", bytes(10));
        move(saving, ImageLifecycle.Event.UPLOAD_STARTED);
        Files.write(server.storeDir().resolve("." + saving + ".dead.partial"), bytes(100));
        byte[] importData = bytes(50);
        assertThat(images.put("/v2/images/" + importing + "/stage", alice, "application/octet-stream", importData)
                .statusCode()).isEqualTo(204);
        move(importing, ImageLifecycle.Event.IMPORT_STARTED);
        assertThat(images.put("/v2/images/" + lostImport + "/stage", alice, "application/octet-stream", bytes(60))
                .statusCode()).isEqualTo(204);
        move(lostImport, ImageLifecycle.Event.IMPORT_STARTED);
        Files.delete(server.settings().stagingDir().resolve(lostImport));
        assertThat(images.put("/v2/images/" + staged + "/stage", alice, "application/octet-stream", bytes(50))
                .statusCode()).isEqualTo(204);

        server.newService(Clock.systemUTC());

        assertThat(images.row(saving).status()).isEqualTo("queued");
        assertThat(server.storeDir().resolve("." + saving + ".dead.partial")).doesNotExist();
        eventually(() -> images.row(importing).status().equals("active"));
        assertThat(images.row(importing).checksum()).isEqualTo(hex("MD5", importData));
        assertThat(images.get("/v2/images/" + importing + "/file", alice).body()).isEqualTo(importData);
        assertThat(server.settings().stagingDir().resolve(importing)).doesNotExist();
        assertThat(images.row(lostImport).status()).isEqualTo("queued");
        assertThat(images.row(staged).status()).isEqualTo("uploading");
        assertThat(server.settings().stagingDir().resolve(staged)).exists();
        assertThat(images.row(active).status()).isEqualTo("active");
        assertThat(server.storeDir().resolve(active)).exists();
    }

    @Test
    void anUploadAnnouncesTheUploadAndTheActivation() throws InterruptedException {
        String id = uploaded("p1", bytes(42));
        // The bus delivers on its own thread.
        eventually(() -> server.notifications().stream()
                .filter(n -> n.payload().data().get("id").asString().equals(id)).count() >= 2);
        var sent = server.notifications().stream()
                .filter(n -> n.payload().data().get("id").asString().equals(id)).toList();
        assertThat(sent).extracting(Notification::eventType).containsExactly("image.upload", "image.activate");
        assertThat(sent.getLast().publisherId()).isEqualTo("image.test-host");
        JsonNode payload = sent.getLast().payload().data();
        assertThat(payload.get("status").asString()).isEqualTo("active");
        assertThat(payload.get("size").asLong()).isEqualTo(42);
        assertThat(Json.write(sent.getLast().payload())).contains("\"nova_object.name\":\"ImagePayload\"")
                .contains("\"nova_object.namespace\":\"glance\"");
    }

    @Test
    void theTestImageIsRegisteredOnceAsAPublicLabelledBootableDisk() {
        ImageService service = server.newService(Clock.systemUTC());
        assertThat(service.bootstrapTestImage(null)).isTrue();
        assertThat(service.bootstrapTestImage(null)).isFalse();

        ImageRow image = server.jdbi().withHandle(h -> h.createQuery("select id from image where name = :n")
                .bind("n", "overcast-test-image").mapTo(String.class).list()).stream()
                .map(images::row).collect(java.util.stream.Collectors.toList()).getFirst();
        assertThat(image.status()).isEqualTo("active");
        assertThat(image.visibility()).isEqualTo("public");
        assertThat(image.diskFormat()).isEqualTo("raw");
        JsonNode properties = Json.parse(image.properties());
        assertThat(properties.get("overcast_test_image").asString()).isEqualTo("true");
        assertThat(properties.get("description").asString()).contains("built by Overcast").contains("not CirrOS");
        byte[] disk = images.get("/v2/images/" + image.id() + "/file", server.memberToken("anyone", "p9")).body();
        assertThat(disk.length).isEqualTo(image.size().intValue());
        assertThat(disk[510] & 0xFF).isEqualTo(0x55);
        assertThat(disk[511] & 0xFF).isEqualTo(0xAA);
    }

    private static String uploaded(String owner, byte[] data) {
        String id = images.create(owner, "private");
        assertThat(images.put("/v2/images/" + id + "/file", server.memberToken("u", owner), "application/octet-stream",
                data).statusCode()).isEqualTo(204);
        return id;
    }

    private static void move(String id, ImageLifecycle.Event event) {
        server.jdbi().useExtension(ImageStore.class, s -> ImageLifecycle.apply(s, images.row(id), event, Instant.now()));
    }

    private static byte[] bytes(int n) {
        byte[] data = new byte[n];
        new Random(n).nextBytes(data);
        return data;
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    /** Waits for something another thread does (the server's side of a socket, an import). */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
