package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;

/** Snapshots and backups of a server become images in the Image service, with the server's image data. */
class ServerSnapshotTest {
    @TempDir
    static Path dir;
    static Overcast overcast;
    static String token;
    static ApiClient nova;
    static ApiClient glance;
    /** The test image every server here boots from. */
    static String image;

    @BeforeAll
    static void start() {
        overcast = Overcast.start(ComputeEndToEndTest.config(dir, Map.of()));
        token = adminToken(overcast);
        nova = nova(overcast, token);
        glance = new ApiClient(overcast.url() + "/image").withToken(token);
        image = glance.get("/v2/images").json().at("/images/0/id").asString();
    }

    @AfterAll
    static void stop() {
        overcast.close();
    }

    @Test
    void aSnapshotIsAnActiveImageOfTheServerAndBackupsRotate() {
        long size = glance.get("/v2/images/" + image).json().path("size").asLong();
        String id = bootActive(nova, image, "snap");

        Reply snapshot = nova.post("/servers/" + id + "/action", Map.of("createImage",
                Map.of("name", "snap-1", "metadata", Map.of("purpose", "test"))));
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        String snap = snapshot.json().path("image_id").asString();
        assertThat(snapshot.header("Location")).endsWith("/images/" + snap);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "active".equals(glance.get("/v2/images/" + snap).json().path("status").asString()));
        var made = glance.get("/v2/images/" + snap).json();
        assertThat(made.path("size").asLong()).isEqualTo(size);
        assertThat(made.path("instance_uuid").asString()).isEqualTo(id);
        assertThat(made.path("image_type").asString()).isEqualTo("snapshot");
        assertThat(made.path("purpose").asString()).isEqualTo("test");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                nova.get("/servers/" + id).json().at("/server/OS-EXT-STS:task_state").isNull());

        for (int n = 1; n <= 3; n++) {
            Reply backup = nova.post("/servers/" + id + "/action", Map.of("createBackup",
                    Map.of("name", "backup-" + n, "backup_type", "daily", "rotation", 2)));
            assertThat(backup.status()).as(backup.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    nova.get("/servers/" + id).json().at("/server/OS-EXT-STS:task_state").isNull());
        }
        var backups = glance.get("/v2/images?image_type=backup&instance_uuid=" + id).json().path("images");
        assertThat(backups.findValuesAsString("name")).containsExactlyInAnyOrder("backup-2", "backup-3");

        // Shelving keeps the disk as an image named after the server, which unshelving drops.
        assertThat(nova.post("/servers/" + id + "/action", Map.of("shelve", Map.of())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SHELVED_OFFLOADED".equals(
                nova.get("/servers/" + id).json().at("/server/status").asString()));
        var shelved = glance.get("/v2/images?name=snap-shelved").json().path("images");
        assertThat(shelved).hasSize(1);
        assertThat(shelved.get(0).path("status").asString()).isEqualTo("active");
        assertThat(nova.post("/servers/" + id + "/action", Map.of("unshelve", Map.of())).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ACTIVE".equals(nova.get("/servers/" + id).json().at("/server/status").asString()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                glance.get("/v2/images?name=snap-shelved").json().path("images").isEmpty());
    }

    /**
     * As in Nova: a snapshot inherits its base image's properties and minimums; it is private when
     * the server's own project takes it, and shared with that project when an admin takes it.
     */
    @Test
    void aSnapshotInheritsItsBaseImagesPropertiesAndIsPrivateToItsServersProject() {
        Reply patched = glance.withHeader("Content-Type", "application/openstack-images-v2.1-json-patch")
                .patch("/v2/images/" + image, List.of(Map.of("op", "add", "path", "/os_distro", "value", "cirros"),
                        Map.of("op", "add", "path", "/img_signature", "value", "c2lnbmVk"),
                        Map.of("op", "replace", "path", "/min_ram", "value", 64)));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        ApiClient identity = new ApiClient(overcast.url() + "/identity/v3").withToken(token);
        String project = identity.post("/projects", Map.of("project", Map.of("name", "alpha",
                "domain_id", "default"))).json().at("/project/id").asString();
        String user = identity.post("/users", Map.of("user", Map.of("name", "alice", "password", "alicepw",
                "domain_id", "default"))).json().at("/user/id").asString();
        String member = identity.get("/roles?name=member").json().at("/roles/0/id").asString();
        identity.put("/projects/" + project + "/users/" + user + "/roles/" + member, null);
        var alice = NovaStackTest.User.login(overcast, "alice", "alicepw", "alpha");
        ApiClient aliceNova = alice.nova().withHeader("OpenStack-API-Version", "compute 2.96");
        String id = bootActive(aliceNova, image, "hers");

        String own = snapshot(aliceNova, id, "by-alice");
        String admins = snapshot(nova, id, "by-admin");

        var mine = glance.get("/v2/images/" + own).json();
        assertThat(mine.path("visibility").asString()).isEqualTo("private");
        assertThat(mine.path("owner").asString()).isEqualTo(project);
        assertThat(mine.path("os_distro").asString()).isEqualTo("cirros");
        assertThat(mine.has("img_signature")).as("never inherited").isFalse();
        assertThat(mine.path("min_ram").asInt()).isEqualTo(64);
        assertThat(mine.path("instance_uuid").asString()).isEqualTo(id);
        assertThat(mine.has("instance_owner")).isFalse();
        var taken = glance.get("/v2/images/" + admins).json();
        assertThat(taken.path("visibility").asString()).isEqualTo("shared");
        assertThat(taken.path("owner").asString()).isNotEqualTo(project);
        assertThat(taken.path("instance_owner").asString()).isEqualTo(project);
        assertThat(glance.get("/v2/images/" + admins + "/members").json().at("/members/0/member_id").asString())
                .isEqualTo(project);
        assertThat(new ApiClient(overcast.url() + "/image").withToken(alice.token()).get("/v2/images/" + admins)
                .status()).as("the server's project can read it").isEqualTo(200);
    }

    private static String snapshot(ApiClient nova, String server, String name) {
        Reply reply = nova.post("/servers/" + server + "/action", Map.of("createImage", Map.of("name", name)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                nova.get("/servers/" + server).json().at("/server/OS-EXT-STS:task_state").isNull());
        return reply.json().path("image_id").asString();
    }

    @Test
    void aServerDeletedWhileShelvedTakesItsShelvedImageWithIt() {
        String id = bootActive(nova, image, "parked");
        assertThat(nova.post("/servers/" + id + "/action", Map.of("shelve", Map.of())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SHELVED_OFFLOADED".equals(
                nova.get("/servers/" + id).json().at("/server/status").asString()));
        assertThat(glance.get("/v2/images?name=parked-shelved").json().path("images")).hasSize(1);

        assertThat(nova.delete("/servers/" + id).status()).isEqualTo(204);

        assertThat(glance.get("/v2/images?name=parked-shelved").json().path("images"))
                .as("deleted with the server's delete, before its answer").isEmpty();
        assertThat(glance.get("/v2/images/" + image).status()).as("the image it booted from stays").isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> nova.get("/servers/" + id).status() == 404);
    }

    /**
     * The upload holds the server's task (a lease of a minute) until it ends; a delete that came in
     * meanwhile must then run at once, not once that lease lapses. Tempest deletes a server right
     * after asking for its backup.
     */
    @Test
    void aServerDeletedDuringItsBackupGoesWithoutWaitingForTheUploadsLease() {
        String id = bootActive(nova, image, "doomed");

        Reply backup = nova.post("/servers/" + id + "/action", Map.of("createBackup",
                Map.of("name", "last", "backup_type", "daily", "rotation", 1)));
        assertThat(backup.status()).as(backup.body()).isEqualTo(202);
        assertThat(nova.delete("/servers/" + id).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).until(() -> nova.get("/servers/" + id).status() == 404);
    }

    private static String bootActive(ApiClient nova, String image, String name) {
        String id = nova.post("/servers", Map.of("server", Map.of("name", name, "imageRef", image,
                "flavorRef", "1", "networks", "none"))).json().at("/server/id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ACTIVE".equals(nova.get("/servers/" + id).json().at("/server/status").asString()));
        return id;
    }

    private static ApiClient nova(Overcast overcast, String token) {
        return new ApiClient(overcast.url() + "/compute/v2.1").withToken(token)
                .withHeader("OpenStack-API-Version", "compute 2.96");
    }

    private static String adminToken(Overcast overcast) {
        return new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                        "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))))
                .header("X-Subject-Token");
    }
}
