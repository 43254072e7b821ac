package dev.overcast.compute.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.overcast.compute.ComputeServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Image metadata through Nova's proxy, as Tempest's test_image_metadata and its negative tests use it. */
class ImageMetadataApiTest {
    @RegisterExtension
    static final ComputeServer server = new ComputeServer();
    static final String MISSING = "5b1d2c3e-0000-4000-8000-000000000000";
    String image;

    @BeforeEach
    void image() {
        image = server.glance().add("meta", "active", Map.of());
        Reply set = member().put("/v2.1/images/" + image + "/metadata",
                Map.of("metadata", Map.of("os_version", "value1", "os_distro", "value2")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    static ApiClient member() {
        return server.member("u1", "p1", "2.38");
    }

    Map<String, String> metadata() {
        Reply reply = member().get("/v2.1/images/" + image + "/metadata");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return texts(reply.json().path("metadata"));
    }

    static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    @Test
    void theMetadataIsTheImagesCustomPropertiesOnly() {
        assertThat(metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("os_version", "value1", "os_distro", "value2"));
    }

    @Test
    void puttingTheMetadataReplacesItAll() {
        Reply reply = member().put("/v2.1/images/" + image + "/metadata",
                Map.of("metadata", Map.of("os_version", "value2", "architecture", "value3")));
        assertThat(texts(reply.json().path("metadata")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("os_version", "value2", "architecture", "value3"));
        assertThat(metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("os_version", "value2",
                "architecture", "value3"));
        assertThat(server.glance().image(image).has("os_distro")).isFalse();
    }

    @Test
    void postingMetadataMergesIt() {
        Reply reply = member().post("/v2.1/images/" + image + "/metadata",
                Map.of("metadata", Map.of("os_version", "alt1", "architecture", "value3")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, String> expected = Map.of("os_version", "alt1", "os_distro", "value2", "architecture", "value3");
        assertThat(texts(reply.json().path("metadata"))).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(metadata()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void oneItemIsShownSetAndDeleted() {
        Reply shown = member().get("/v2.1/images/" + image + "/metadata/os_distro");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(texts(shown.json().path("meta"))).containsExactly(Map.entry("os_distro", "value2"));

        Reply set = member().put("/v2.1/images/" + image + "/metadata/os_version",
                Map.of("meta", Map.of("os_version", "alt")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(texts(set.json().path("meta"))).containsExactly(Map.entry("os_version", "alt"));
        assertThat(metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("os_version", "alt", "os_distro", "value2"));

        assertThat(member().delete("/v2.1/images/" + image + "/metadata/os_version").status()).isEqualTo(204);
        assertThat(metadata()).containsExactly(Map.entry("os_distro", "value2"));
    }

    @Test
    void aMissingKeyIsNotFound() {
        assertThat(member().get("/v2.1/images/" + image + "/metadata/nope").status()).isEqualTo(404);
        Reply deleted = member().delete("/v2.1/images/" + image + "/metadata/nope");
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.json().at("/itemNotFound/message").asString()).isEqualTo("Invalid metadata key");
    }

    @Test
    void everyRouteOfAMissingImageIsNotFound() {
        String base = "/v2.1/images/" + MISSING + "/metadata";
        Map<String, Object> two = Map.of("metadata", Map.of("os_distro", "alt1", "os_version", "alt2"));
        assertThat(member().get(base).status()).isEqualTo(404);
        assertThat(member().post(base, two).status()).isEqualTo(404);
        assertThat(member().put(base, two).status()).isEqualTo(404);
        assertThat(member().get(base + "/os_version").status()).isEqualTo(404);
        assertThat(member().put(base + "/os_distro", Map.of("meta", Map.of("os_distro", "alt"))).status())
                .isEqualTo(404);
        assertThat(member().delete(base + "/os_distro").status()).isEqualTo(404);
    }

    @Test
    void badBodiesAreRefusedBeforeAnythingIsWritten() {
        String base = "/v2.1/images/" + image + "/metadata";
        Reply mismatch = member().put(base + "/os_distro", Map.of("meta", Map.of("other", "x")));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().at("/badRequest/message").asString()).isEqualTo("Request body and URI mismatch");
        assertThat(member().put(base + "/a", Map.of("meta", Map.of("a", "1", "b", "2"))).status()).isEqualTo(400);
        assertThat(member().post(base, Map.of("metadata", Map.of("bad/key", "x"))).status()).isEqualTo(400);
        assertThat(member().post(base, Map.of("metadata", Map.of("k", "x".repeat(256)))).status()).isEqualTo(400);
        assertThat(member().post(base, Map.of("meta", Map.of("k", "v"))).status()).isEqualTo(400);
        assertThat(metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("os_version", "value1", "os_distro", "value2"));
    }

    @Test
    void moreItemsThanTheQuotaAreForbidden() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 127; i++) {
            many.put("key" + i, "v");
        }
        Reply over = member().post("/v2.1/images/" + image + "/metadata", Map.of("metadata", many));
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.json().at("/forbidden/message").asString()).isEqualTo("Image metadata limit exceeded");
        assertThat(metadata()).hasSize(2);
        many.remove("key0");
        assertThat(member().post("/v2.1/images/" + image + "/metadata", Map.of("metadata", many)).status())
                .isEqualTo(200);
        assertThat(metadata()).hasSize(128);
    }

    @Test
    void fromMicroversion239TheMetadataRoutesAreGone() {
        ApiClient client = server.member("u1", "p1", "2.39");
        assertThat(client.get("/v2.1/images/" + image + "/metadata").status()).isEqualTo(404);
        assertThat(client.delete("/v2.1/images/" + image + "/metadata/os_distro").status()).isEqualTo(404);
        assertThat(metadata()).containsKey("os_distro");
    }
}
