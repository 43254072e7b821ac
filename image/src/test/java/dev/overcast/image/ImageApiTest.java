package dev.overcast.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.core.bus.Notification;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class ImageApiTest {
    static ImageServer server;

    @BeforeAll
    static void start() {
        server = new ImageServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A project of its own per test, so tests do not see each other's images. */
    private static ApiClient project() {
        String p = "p-" + UUID.randomUUID();
        return server.member("u-" + p, p);
    }

    private static JsonNode create(ApiClient client, Map<String, Object> body) {
        var reply = client.post("/v2/images", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static ApiClient.Reply patch(ApiClient client, String id, Object ops) {
        return client.withHeader("Content-Type", "application/openstack-images-v2.1-json-patch")
                .patch("/v2/images/" + id, ops);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("images").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void aNewImageIsQueuedSharedAndShownAsGlanceShowsIt() {
        ApiClient alice = project();
        JsonNode image = create(alice, Map.of("name", "cirros", "container_format", "bare", "disk_format", "qcow2",
                "tags", List.of("a", "b"), "os_distro", "cirros", "min_ram", 64));
        String id = image.get("id").asString();
        assertThat(image.get("status").asString()).isEqualTo("queued");
        assertThat(image.get("visibility").asString()).isEqualTo("shared");
        assertThat(image.get("protected").asBoolean()).isFalse();
        assertThat(image.get("os_distro").asString()).isEqualTo("cirros");
        assertThat(image.get("size").isNull()).isTrue();
        assertThat(image.get("checksum").isNull()).isTrue();
        assertThat(image.get("self").asString()).isEqualTo("/v2/images/" + id);
        assertThat(image.get("file").asString()).isEqualTo("/v2/images/" + id + "/file");
        assertThat(image.get("schema").asString()).isEqualTo("/v2/schemas/image");
        assertThat(image.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(image.get("tags")).hasSize(2);

        JsonNode shown = alice.get("/v2/images/" + id).json();
        assertThat(shown).isEqualTo(image);
    }

    @Test
    void aGivenIdIsKeptAndATakenOneIsAConflict() {
        ApiClient alice = project();
        String id = UUID.randomUUID().toString();
        assertThat(create(alice, Map.of("id", id)).get("id").asString()).isEqualTo(id);
        assertThat(alice.post("/v2/images", Map.of("id", id)).status()).isEqualTo(409);
        assertThat(alice.post("/v2/images", Map.of("id", "not-a-uuid")).status()).isEqualTo(400);
    }

    @Test
    void readOnlyAndReservedAttributesAreForbiddenOnCreate() {
        ApiClient alice = project();
        for (String attribute : List.of("status", "size", "checksum", "os_hash_value", "created_at", "self",
                "file", "schema", "direct_url", "locations")) {
            var reply = alice.post("/v2/images", Map.of(attribute, "x"));
            assertThat(reply.status()).as(attribute).isEqualTo(403);
            assertThat(reply.json().get("message").asString()).isEqualTo("Attribute '" + attribute + "' is read-only.");
        }
        assertThat(alice.post("/v2/images", Map.of("os_glance_foo", "bar")).status()).isEqualTo(403);
        assertThat(alice.post("/v2/images", Map.of("location", "x")).status()).isEqualTo(403);
        assertThat(alice.post("/v2/images", Map.of("owner", "someone-else")).status()).isEqualTo(403);
    }

    @Test
    void invalidValuesAreBadRequests() {
        ApiClient alice = project();
        assertThat(alice.post("/v2/images", Map.of("container_format", "wrong")).status()).isEqualTo(400);
        assertThat(alice.post("/v2/images", Map.of("disk_format", "wrong")).status()).isEqualTo(400);
        assertThat(alice.post("/v2/images", Map.of("name", "n".repeat(256))).status()).isEqualTo(400);
        assertThat(alice.post("/v2/images", Map.of("min_ram", -1)).status()).isEqualTo(400);
        assertThat(alice.post("/v2/images", Map.of("protected", "yes")).status()).isEqualTo(400);
        assertThat(alice.post("/v2/images", Map.of("visibility", "everyone")).status()).isEqualTo(400);
        assertThat(alice.post("/v2/images", Map.of("custom", 5)).status()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminMayMakeAnImagePublicButMembersMayMakeItCommunity() {
        ApiClient alice = project();
        assertThat(alice.post("/v2/images", Map.of("visibility", "public")).status()).isEqualTo(403);
        assertThat(create(alice, Map.of("visibility", "community")).get("visibility").asString()).isEqualTo("community");
        String id = create(alice, Map.of()).get("id").asString();
        assertThat(patch(alice, id, List.of(Map.of("op", "replace", "path", "/visibility", "value", "public")))
                .status()).isEqualTo(403);
        assertThat(create(server.admin(), Map.of("visibility", "public")).get("visibility").asString())
                .isEqualTo("public");
    }

    @Test
    void aPrivateImageOfOneProjectIsNotFoundForAnother() {
        ApiClient alice = project();
        ApiClient bob = project();
        String id = create(alice, Map.of("visibility", "private")).get("id").asString();
        assertThat(bob.get("/v2/images/" + id).status()).isEqualTo(404);
        assertThat(bob.delete("/v2/images/" + id).status()).isEqualTo(404);
        assertThat(ids(bob.get("/v2/images").json())).doesNotContain(id);
        assertThat(server.admin().get("/v2/images/" + id).status()).isEqualTo(200);
    }

    @Test
    void aReaderMayLookButNotCreate() {
        String p = "p-" + UUID.randomUUID();
        ApiClient member = server.member("writer", p);
        String id = create(member, Map.of()).get("id").asString();
        ApiClient reader = server.reader("reader", p);
        assertThat(reader.get("/v2/images/" + id).status()).isEqualTo(200);
        assertThat(reader.post("/v2/images", Map.of()).status()).isEqualTo(403);
        assertThat(reader.delete("/v2/images/" + id).status()).isEqualTo(403);
    }

    @Test
    void deletingRemovesTheImageItsDataAndTellsTheWorld() throws Exception {
        ApiClient alice = project();
        String id = create(alice, Map.of("name", "doomed")).get("id").asString();
        Files.createDirectories(server.storeDir());
        Files.writeString(server.storeDir().resolve(id), "data");
        assertThat(alice.delete("/v2/images/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/v2/images/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("/v2/images/" + id).status()).isEqualTo(404);
        assertThat(server.storeDir().resolve(id)).doesNotExist();
        assertThat(events(id)).containsExactly("image.create", "image.delete");
    }

    @Test
    void aProtectedImageCannotBeDeletedUntilUnprotected() {
        ApiClient alice = project();
        String id = create(alice, Map.of("protected", true)).get("id").asString();
        assertThat(alice.delete("/v2/images/" + id).status()).isEqualTo(403);
        assertThat(patch(alice, id, List.of(Map.of("op", "replace", "path", "/protected", "value", false)))
                .status()).isEqualTo(200);
        assertThat(alice.delete("/v2/images/" + id).status()).isEqualTo(204);
    }

    @Test
    void patchAddsReplacesAndRemovesAttributesAndProperties() {
        ApiClient alice = project();
        String id = create(alice, Map.of("name", "old")).get("id").asString();
        var reply = patch(alice, id, List.of(
                Map.of("op", "replace", "path", "/name", "value", "new"),
                Map.of("op", "add", "path", "/os_distro", "value", "ubuntu"),
                Map.of("op", "add", "path", "/hw_disk_bus", "value", "scsi"),
                Map.of("op", "replace", "path", "/tags", "value", List.of("x", "y")),
                Map.of("op", "remove", "path", "/hw_disk_bus")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode image = reply.json();
        assertThat(image.get("name").asString()).isEqualTo("new");
        assertThat(image.get("os_distro").asString()).isEqualTo("ubuntu");
        assertThat(image.has("hw_disk_bus")).isFalse();
        assertThat(image.get("tags")).extracting(JsonNode::asString).containsExactly("x", "y");
        assertThat(alice.get("/v2/images/" + id).json()).isEqualTo(image);
        assertThat(events(id)).containsExactly("image.create", "image.update");
    }

    @Test
    void patchRefusesWhatGlanceRefuses() {
        ApiClient alice = project();
        String id = create(alice, Map.of()).get("id").asString();
        assertThat(alice.patch("/v2/images/" + id, List.of()).status()).isEqualTo(415);
        assertThat(message(patch(alice, id, List.of(Map.of("op", "replace", "path", "/status", "value", "active")))))
                .isEqualTo("403 Attribute 'status' is read-only.");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "remove", "path", "/nothing")))))
                .isEqualTo("409 Property nothing does not exist.");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "replace", "path", "/nothing", "value", "x")))))
                .isEqualTo("409 Property nothing does not exist.");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "remove", "path", "/name")))))
                .isEqualTo("403 Property name may not be removed.");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "move", "path", "/name")))))
                .startsWith("400 Invalid operation: `move`.");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "add", "path", "name", "value", "x")))))
                .isEqualTo("400 Pointer `name` does not start with \"/\".");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "add", "path", "/a/b", "value", "x")))))
                .isEqualTo("400 Invalid JSON pointer for this resource: '/a/b'");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "add", "path", "/name")))))
                .isEqualTo("400 Operation \"add\" requires a member named \"value\".");
        assertThat(message(patch(alice, id, Map.of("op", "add"))))
                .isEqualTo("400 Request body must be a JSON array of operation objects.");
        assertThat(message(patch(alice, id, List.of(Map.of("op", "add", "path", "/os_glance_x", "value", "x")))))
                .isEqualTo("403 Attribute 'os_glance_x' is reserved.");
        assertThat(events(id)).containsExactly("image.create");
    }

    @Test
    void theOlderPatchDialectRefusesToAddWhatIsAlreadyThere() {
        ApiClient alice = project();
        String id = create(alice, Map.of("os_distro", "debian")).get("id").asString();
        ApiClient v20 = alice.withHeader("Content-Type", "application/openstack-images-v2.0-json-patch");
        assertThat(v20.patch("/v2/images/" + id, List.of(Map.of("add", "/os_distro", "value", "x"))).status())
                .isEqualTo(409);
        var reply = v20.patch("/v2/images/" + id, List.of(Map.of("replace", "/os_distro", "value", "fedora")));
        assertThat(reply.json().get("os_distro").asString()).isEqualTo("fedora");
    }

    @Test
    void tagsAreAddedIdempotentlyAndRemovedOnce() {
        ApiClient alice = project();
        String id = create(alice, Map.of()).get("id").asString();
        assertThat(alice.put("/v2/images/" + id + "/tags/blue", null).status()).isEqualTo(204);
        assertThat(alice.put("/v2/images/" + id + "/tags/blue", null).status()).isEqualTo(204);
        assertThat(alice.get("/v2/images/" + id).json().get("tags")).extracting(JsonNode::asString)
                .containsExactly("blue");
        assertThat(alice.delete("/v2/images/" + id + "/tags/blue").status()).isEqualTo(204);
        assertThat(alice.delete("/v2/images/" + id + "/tags/blue").status()).isEqualTo(404);
        assertThat(alice.put("/v2/images/" + UUID.randomUUID() + "/tags/blue", null).status()).isEqualTo(404);
    }

    @Test
    void onlyActiveImagesCanBeDeactivatedAndQueuedOnesAreForbidden() {
        ApiClient alice = project();
        String id = create(alice, Map.of()).get("id").asString();
        var reply = alice.post("/v2/images/" + id + "/actions/deactivate", null);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("message").asString()).isEqualTo("Not allowed to deactivate image in status 'queued'");
        assertThat(alice.post("/v2/images/" + id + "/actions/reactivate", null).status()).isEqualTo(403);
        assertThat(alice.post("/v2/images/" + UUID.randomUUID() + "/actions/reactivate", null).status())
                .isEqualTo(404);
    }

    @Test
    void listingFiltersByNameStatusTagsPropertiesAndTime() {
        ApiClient alice = project();
        String a = create(alice, Map.of("name", "alpha", "tags", List.of("t1", "t2"), "os_distro", "arch",
                "disk_format", "raw")).get("id").asString();
        String b = create(alice, Map.of("name", "beta", "tags", List.of("t1"), "disk_format", "qcow2"))
                .get("id").asString();
        String hidden = create(alice, Map.of("name", "gamma", "os_hidden", true)).get("id").asString();

        assertThat(ids(alice.get("/v2/images").json())).containsExactlyInAnyOrder(a, b);
        assertThat(ids(alice.get("/v2/images?name=alpha").json())).containsExactly(a);
        assertThat(ids(alice.get("/v2/images?name=in:alpha,beta").json())).containsExactlyInAnyOrder(a, b);
        assertThat(ids(alice.get("/v2/images?tag=t1").json())).containsExactlyInAnyOrder(a, b);
        assertThat(ids(alice.get("/v2/images?tag=t1&tag=t2").json())).containsExactly(a);
        assertThat(ids(alice.get("/v2/images?os_distro=arch").json())).containsExactly(a);
        assertThat(ids(alice.get("/v2/images?disk_format=qcow2").json())).containsExactly(b);
        assertThat(ids(alice.get("/v2/images?status=active").json())).isEmpty();
        assertThat(ids(alice.get("/v2/images?os_hidden=true").json())).containsExactly(hidden);
        assertThat(ids(alice.get("/v2/images?id=in:" + a + "," + hidden + "&os_hidden=false").json()))
                .containsExactly(a);
        assertThat(ids(alice.get("/v2/images?created_at=gte:2000-01-01T00:00:00Z").json())).hasSize(2);
        assertThat(ids(alice.get("/v2/images?created_at=lt:2000-01-01T00:00:00Z").json())).isEmpty();
        assertThat(alice.get("/v2/images?created_at=zz:2000-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(alice.get("/v2/images?visibility=everyone").status()).isEqualTo(400);
        assertThat(alice.get("/v2/images?member_status=maybe").status()).isEqualTo(400);
    }

    @Test
    void listingSortsAndPagesWithANextLink() {
        ApiClient alice = project();
        List<String> created = new ArrayList<>();
        for (String name : List.of("c", "a", "d", "b", "e")) {
            created.add(create(alice, Map.of("name", name)).get("id").asString());
        }
        JsonNode first = alice.get("/v2/images?sort=name:asc&limit=2").json();
        assertThat(first.get("images")).extracting(i -> i.get("name").asString()).containsExactly("a", "b");
        assertThat(first.get("schema").asString()).isEqualTo("/v2/schemas/images");
        assertThat(first.get("first").asString()).isEqualTo("/v2/images?limit=2&sort=name%3Aasc");
        String next = first.get("next").asString();
        assertThat(next).startsWith("/v2/images?").contains("marker=");
        JsonNode second = alice.get(next).json();
        assertThat(second.get("images")).extracting(i -> i.get("name").asString()).containsExactly("c", "d");
        JsonNode third = alice.get(second.get("next").asString()).json();
        assertThat(third.get("images")).extracting(i -> i.get("name").asString()).containsExactly("e");
        assertThat(third.has("next")).isFalse();

        JsonNode desc = alice.get("/v2/images?sort_key=name&sort_dir=desc").json();
        assertThat(desc.get("images")).extracting(i -> i.get("name").asString()).containsExactly("e", "d", "c", "b", "a");
        assertThat(alice.get("/v2/images?sort_key=owner").status()).isEqualTo(400);
        assertThat(alice.get("/v2/images?marker=" + UUID.randomUUID()).status()).isEqualTo(400);
        assertThat(created).hasSize(5);
    }

    @Test
    void communityImagesOfOthersAppearOnlyWhenAskedFor() {
        ApiClient alice = project();
        ApiClient bob = project();
        String id = create(alice, Map.of("visibility", "community")).get("id").asString();
        assertThat(ids(bob.get("/v2/images").json())).doesNotContain(id);
        assertThat(ids(bob.get("/v2/images?visibility=community").json())).contains(id);
        assertThat(bob.get("/v2/images/" + id).status()).isEqualTo(200);
        assertThat(ids(alice.get("/v2/images").json())).contains(id);
    }

    @Test
    void theSchemasAreGlances() {
        ApiClient alice = project();
        JsonNode image = alice.get("/v2/schemas/image").json();
        assertThat(image.get("name").asString()).isEqualTo("image");
        assertThat(image.get("additionalProperties").get("type").asString()).isEqualTo("string");
        assertThat(image.get("properties").get("status").get("readOnly").asBoolean()).isTrue();
        assertThat(image.get("properties").get("disk_format").get("enum")).extracting(JsonNode::asString)
                .contains("qcow2", "ploop");
        JsonNode images = alice.get("/v2/schemas/images").json();
        assertThat(images.get("name").asString()).isEqualTo("images");
        assertThat(images.get("properties").get("images").get("items").get("name").asString()).isEqualTo("image");
        assertThat(alice.get("/v2/schemas/member").json().get("properties").get("status").get("enum"))
                .extracting(JsonNode::asString).containsExactly("pending", "accepted", "rejected");
        assertThat(alice.get("/v2/schemas/members").json().get("name").asString()).isEqualTo("members");
    }

    @Test
    void theCreateNotificationCarriesTheImage() {
        ApiClient alice = project();
        String id = create(alice, Map.of("name", "noted")).get("id").asString();
        assertThat(events(id)).containsExactly("image.create");
        Notification sent = server.notifications().stream()
                .filter(n -> n.eventType().equals("image.create") && id.equals(payloadId(n))).findFirst().orElseThrow();
        assertThat(sent.payload().name()).isEqualTo("ImagePayload");
        assertThat(sent.payload().namespace()).isEqualTo("glance");
        assertThat(sent.payload().data().get("name").asString()).isEqualTo("noted");
    }

    private static String message(ApiClient.Reply reply) {
        return reply.status() + " " + (reply.json() == null ? reply.body() : reply.json().get("message").asString());
    }

    private static String payloadId(Notification n) {
        JsonNode id = n.payload().data().get("id");
        return id == null ? null : id.asString();
    }

    /**
     * The notifications about {@code imageId}, in order. The bus delivers on its own thread, so
     * this waits (up to five seconds) until no more arrive for a moment.
     */
    private static List<String> events(String imageId) {
        List<String> seen = List.of();
        long deadline = System.nanoTime() + 5_000_000_000L;
        int stableRounds = 0;
        while (System.nanoTime() < deadline && stableRounds < 5) {
            List<String> now = server.notifications().stream().filter(n -> imageId.equals(payloadId(n)))
                    .map(Notification::eventType).toList();
            stableRounds = !now.isEmpty() && now.equals(seen) ? stableRounds + 1 : 0;
            seen = now;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return seen;
    }
}
