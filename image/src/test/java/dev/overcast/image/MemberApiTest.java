package dev.overcast.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class MemberApiTest {
    static ImageServer server;

    @BeforeAll
    static void start() {
        server = new ImageServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Project(String id, ApiClient client) {
    }

    private static Project project() {
        String p = "p-" + UUID.randomUUID();
        return new Project(p, server.member("u-" + p, p));
    }

    private static String image(Project owner, String visibility) {
        var reply = owner.client().post("/v2/images", Map.of("visibility", visibility));
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static List<String> ids(ApiClient client, String query) {
        List<String> ids = new ArrayList<>();
        client.get("/v2/images" + query).json().get("images").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void aSharedImageIsListedForAMemberOnlyAfterItAccepts() {
        Project alice = project();
        Project bob = project();
        String id = image(alice, "shared");
        assertThat(bob.client().get("/v2/images/" + id).status()).isEqualTo(404);

        var added = alice.client().post("/v2/images/" + id + "/members", Map.of("member", bob.id()));
        assertThat(added.status()).isEqualTo(200);
        JsonNode member = added.json();
        assertThat(member.get("status").asString()).isEqualTo("pending");
        assertThat(member.get("image_id").asString()).isEqualTo(id);
        assertThat(member.get("member_id").asString()).isEqualTo(bob.id());
        assertThat(member.get("schema").asString()).isEqualTo("/v2/schemas/member");
        assertThat(member.has("created_at") && member.has("updated_at")).isTrue();

        assertThat(bob.client().get("/v2/images/" + id).status()).isEqualTo(200);
        assertThat(ids(bob.client(), "")).doesNotContain(id);
        assertThat(ids(bob.client(), "?member_status=pending&visibility=shared")).containsExactly(id);

        var accepted = bob.client().put("/v2/images/" + id + "/members/" + bob.id(), Map.of("status", "accepted"));
        assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");
        assertThat(ids(bob.client(), "")).contains(id);
        assertThat(ids(bob.client(), "?member_status=rejected")).doesNotContain(id);
    }

    @Test
    void theOwnerCannotAcceptOnTheMembersBehalf() {
        Project alice = project();
        Project bob = project();
        String id = image(alice, "shared");
        alice.client().post("/v2/images/" + id + "/members", Map.of("member", bob.id()));
        assertThat(alice.client().put("/v2/images/" + id + "/members/" + bob.id(), Map.of("status", "accepted"))
                .status()).isEqualTo(403);
        assertThat(bob.client().put("/v2/images/" + id + "/members/" + bob.id(), Map.of("status", "maybe"))
                .status()).isEqualTo(400);
    }

    @Test
    void onlySharedImagesHaveMembers() {
        Project alice = project();
        String id = image(alice, "private");
        var reply = alice.client().post("/v2/images/" + id + "/members", Map.of("member", "someone"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("message").asString()).isEqualTo("Only shared images have members.");
        assertThat(alice.client().get("/v2/images/" + id + "/members").status()).isEqualTo(403);
    }

    @Test
    void aMemberIsAddedOnceAndOnlyByTheOwner() {
        Project alice = project();
        Project bob = project();
        Project carol = project();
        String id = image(alice, "shared");
        alice.client().post("/v2/images/" + id + "/members", Map.of("member", bob.id()));
        assertThat(alice.client().post("/v2/images/" + id + "/members", Map.of("member", bob.id())).status())
                .isEqualTo(409);
        assertThat(bob.client().post("/v2/images/" + id + "/members", Map.of("member", carol.id())).status())
                .isEqualTo(403);
        assertThat(bob.client().delete("/v2/images/" + id + "/members/" + bob.id()).status()).isEqualTo(403);
    }

    @Test
    void theOwnerSeesEveryMemberAndAMemberOnlyItself() {
        Project alice = project();
        Project bob = project();
        Project carol = project();
        String id = image(alice, "shared");
        alice.client().post("/v2/images/" + id + "/members", Map.of("member", bob.id()));
        alice.client().post("/v2/images/" + id + "/members", Map.of("member", carol.id()));
        JsonNode all = alice.client().get("/v2/images/" + id + "/members").json();
        assertThat(all.get("members")).hasSize(2);
        assertThat(all.get("schema").asString()).isEqualTo("/v2/schemas/members");
        assertThat(bob.client().get("/v2/images/" + id + "/members").json().get("members")).hasSize(1);
        assertThat(bob.client().get("/v2/images/" + id + "/members/" + carol.id()).status()).isEqualTo(404);
        assertThat(bob.client().get("/v2/images/" + id + "/members/" + bob.id()).status()).isEqualTo(200);
    }

    @Test
    void removingAMemberHidesTheImageFromIt() {
        Project alice = project();
        Project bob = project();
        String id = image(alice, "shared");
        alice.client().post("/v2/images/" + id + "/members", Map.of("member", bob.id()));
        assertThat(alice.client().delete("/v2/images/" + id + "/members/" + bob.id()).status()).isEqualTo(204);
        assertThat(alice.client().delete("/v2/images/" + id + "/members/" + bob.id()).status()).isEqualTo(404);
        assertThat(bob.client().get("/v2/images/" + id).status()).isEqualTo(404);
    }
}
