package dev.overcast.compute.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.compute.FakeGlance;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Nova's image proxy over HTTP against a fake Glance, as Tempest's compute image tests use it. */
class ImageProxyApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static final String SERVER = "8e1c0a4f-5a2c-4f43-9a3e-5c1f0e6c2b11";
    static String plain;
    static String other;
    static String snapshot;
    static String queued;

    @BeforeAll
    static void images() {
        FakeGlance glance = server.glance();
        plain = glance.add("cirros", "active", Map.of("os_distro", "cirros", "hw_disk_bus", "virtio"));
        other = glance.add("fedora", "active", Map.of());
        snapshot = glance.add("snap-1", "active", Map.of("instance_uuid", SERVER, "image_type", "snapshot",
                "auto_disk_config", "True"));
        queued = glance.add("uploading", "queued", Map.of());
        glance.set(other, "min_ram", 512);
    }

    static ApiClient member() {
        return server.member("u1", "p1", "2.35");
    }

    static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        reply.json().path("images").forEach(i -> out.add(i.path("id").asString()));
        return out;
    }

    @Test
    void theListShowsIdNameAndLinksNewestFirst() {
        Reply reply = member().get("/v2.1/images");
        List<String> ids = ids(reply);
        assertThat(ids).containsSubsequence(queued, snapshot, other, plain);
        JsonNode first = reply.json().path("images").get(ids.indexOf(plain));
        assertThat(first.path("name").asString()).isEqualTo("cirros");
        assertThat(first.size()).isEqualTo(3);
        JsonNode links = first.path("links");
        assertThat(links.get(0).path("rel").asString()).isEqualTo("self");
        assertThat(links.get(0).path("href").asString()).endsWith("/compute/v2.1/images/" + plain);
        assertThat(links.get(1).path("href").asString()).endsWith("/compute/images/" + plain);
        assertThat(links.get(2).path("type").asString()).isEqualTo("application/vnd.openstack.image");
        assertThat(links.get(2).path("href").asString()).isEqualTo(server.glance().url() + "/images/" + plain);
        assertThat(reply.json().has("images_links")).isFalse();
    }

    @Test
    void anImageIsShownInNovasView() {
        Reply reply = member().get("/v2.1/images/" + plain);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode image = reply.json().path("image");
        assertThat(image.path("id").asString()).isEqualTo(plain);
        assertThat(image.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(image.path("progress").asInt()).isEqualTo(100);
        assertThat(image.path("minRam").asInt()).isZero();
        assertThat(image.path("minDisk").asInt()).isZero();
        assertThat(image.path("OS-EXT-IMG-SIZE:size").asLong()).isEqualTo(1024);
        assertThat(image.path("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(image.path("updated").asString()).isEqualTo(image.path("created").asString());
        assertThat(Json.fields(image.path("metadata"))).containsOnly(Map.entry("os_distro", "cirros"),
                Map.entry("hw_disk_bus", "virtio"));
        assertThat(image.has("server")).isFalse();
        assertThat(image.has("OS-DCF:diskConfig")).isFalse();
    }

    @Test
    void aSnapshotNamesItsServerAndAQueuedImageIsSaving() {
        JsonNode shot = member().get("/v2.1/images/" + snapshot).json().path("image");
        assertThat(shot.at("/server/id").asString()).isEqualTo(SERVER);
        assertThat(shot.at("/server/links/0/href").asString()).endsWith("/compute/v2.1/servers/" + SERVER);
        assertThat(shot.at("/server/links/1/rel").asString()).isEqualTo("bookmark");
        assertThat(shot.path("OS-DCF:diskConfig").asString()).isEqualTo("AUTO");
        JsonNode waiting = member().get("/v2.1/images/" + queued).json().path("image");
        assertThat(waiting.path("status").asString()).isEqualTo("SAVING");
        assertThat(waiting.path("progress").asInt()).isEqualTo(25);
        assertThat(waiting.path("OS-EXT-IMG-SIZE:size").asLong()).isZero();
    }

    @Test
    void theDetailedListShowsFullImages() {
        Reply reply = member().get("/v2.1/images/detail");
        assertThat(ids(reply)).contains(plain, other, snapshot, queued);
        assertThat(reply.json().path("images").get(0).has("metadata")).isTrue();
    }

    @Test
    void listsFilterByNameStatusServerTypeTimeAndMinimums() {
        assertThat(ids(member().get("/v2.1/images?name=cirros"))).containsExactly(plain);
        assertThat(ids(member().get("/v2.1/images/detail?status=ACTIVE"))).contains(plain, other, snapshot)
                .doesNotContain(queued);
        assertThat(ids(member().get("/v2.1/images?server=" + SERVER))).containsExactly(snapshot);
        String link = "http://somewhere/compute/v2.1/servers/" + SERVER;
        assertThat(ids(member().get("/v2.1/images/detail?server=" + link))).containsExactly(snapshot);
        assertThat(ids(member().get("/v2.1/images?type=snapshot"))).containsExactly(snapshot);
        assertThat(ids(member().get("/v2.1/images?minRam=512"))).containsExactly(other);
        assertThat(ids(member().get("/v2.1/images?property-os_distro=cirros"))).containsExactly(plain);
        String created = member().get("/v2.1/images/" + snapshot).json().at("/image/created").asString();
        assertThat(ids(member().get("/v2.1/images?changes-since=" + created))).contains(snapshot, queued)
                .doesNotContain(plain, other);
        assertThat(ids(member().get("/v2.1/images?unknown=1"))).contains(plain, other, snapshot, queued);
    }

    @Test
    void aLimitedListLinksTheNextPage() {
        Reply first = member().get("/v2.1/images?limit=1");
        assertThat(ids(first)).hasSize(1);
        String next = first.json().at("/images_links/0/href").asString();
        assertThat(first.json().at("/images_links/0/rel").asString()).isEqualTo("next");
        assertThat(next).contains("/compute/v2.1/images?limit=1&marker=" + ids(first).getFirst());
        Reply second = member().get("/v2.1/images/detail?limit=2&marker=" + queued);
        assertThat(ids(second)).containsExactly(snapshot, other);
        assertThat(second.json().at("/images_links/0/href").asString())
                .contains("/v2.1/images/detail?limit=2&marker=" + other);
        assertThat(member().get("/v2.1/images?limit=abc").status()).isEqualTo(400);
        assertThat(member().get("/v2.1/images?limit=-1").status()).isEqualTo(400);
        assertThat(member().get("/v2.1/images?marker=nowhere").status()).isEqualTo(400);
    }

    @Test
    void theProxyFollowsGlancesPagesUpToTheLimit() {
        for (int i = 0; i < 4; i++) {
            server.glance().add("paged-" + i, "active", Map.of("batch", "paged"));
        }
        assertThat(ids(member().get("/v2.1/images?property-batch=paged"))).hasSize(4);
        Reply five = member().get("/v2.1/images?limit=5");
        assertThat(ids(five)).hasSize(5);
        assertThat(five.json().has("images_links")).isTrue();
    }

    @Test
    void theProxyCallsGlanceWithTheCallersOwnToken() {
        String token = server.tokens().project("u7", "p7", "member", "reader");
        ApiClient client = server.client().withToken(token).withHeader("OpenStack-API-Version", "compute 2.1");
        assertThat(client.get("/v2.1/images/" + plain).status()).isEqualTo(200);
        assertThat(server.glance().tokens()).contains(token);
    }

    @Test
    void anImageGlanceDoesNotHaveIsNotFound() {
        for (String id : List.of("3d4c8a12-0000-4000-8000-000000000000", "-1", "invalid-name-123")) {
            Reply reply = member().get("/v2.1/images/" + id);
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.json().at("/itemNotFound/message").asString()).isEqualTo("Image not found.");
            assertThat(member().delete("/v2.1/images/" + id).status()).as(id).isEqualTo(404);
        }
        assertThat(member().delete("/v2.1/images/").status()).isEqualTo(404);
    }

    @Test
    void deletingAnImageRemovesItFromGlance() {
        String doomed = server.glance().add("doomed", "active", Map.of());
        assertThat(member().delete("/v2.1/images/" + doomed).status()).isEqualTo(204);
        assertThat(server.glance().has(doomed)).isFalse();
        assertThat(member().get("/v2.1/images/" + doomed).status()).isEqualTo(404);
    }

    @Test
    void aProtectedImageMayNotBeDeleted() {
        String kept = server.glance().add("kept", "active", Map.of());
        server.glance().set(kept, "protected", true);
        Reply reply = member().delete("/v2.1/images/" + kept);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().at("/forbidden/message").asString())
                .isEqualTo("You are not allowed to delete the image.");
    }

    @Test
    void fromMicroversion236TheProxyIsGone() {
        ApiClient client = server.member("u1", "p1", "2.36");
        assertThat(client.get("/v2.1/images").status()).isEqualTo(404);
        assertThat(client.get("/v2.1/images/detail").status()).isEqualTo(404);
        assertThat(client.get("/v2.1/images/" + plain).status()).isEqualTo(404);
        assertThat(client.delete("/v2.1/images/" + plain).status()).isEqualTo(404);
        assertThat(server.glance().has(plain)).isTrue();
    }

    @Test
    void aCallWithoutATokenIsUnauthorized() {
        assertThat(server.client().get("/v2.1/images").status()).isEqualTo(401);
    }

    /** JSON objects as maps of text, for assertions. */
    static final class Json {
        static Map<String, String> fields(JsonNode object) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
            return out;
        }
    }
}
