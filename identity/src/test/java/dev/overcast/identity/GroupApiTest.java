package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class GroupApiTest {
    static IdentityServer server;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        server = new IdentityServer();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode createGroup(Map<String, Object> group) {
        var reply = admin.post("/v3/groups", Map.of("group", group));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("group");
    }

    private static JsonNode createUser(String name, String password) {
        var reply = admin.post("/v3/users", Map.of("user", Map.of("name", name, "password", password)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("user");
    }

    @Test
    void aGroupIsCreatedShownUpdatedAndDeleted() {
        JsonNode group = createGroup(Map.of("name", "ops", "description", "operators"));
        String id = group.get("id").asString();
        assertThat(group.get("domain_id").asString()).isEqualTo("default");
        assertThat(group.get("description").asString()).isEqualTo("operators");
        assertThat(group.get("links").get("self").asString()).endsWith("/v3/groups/" + id);
        assertThat(admin.get("/v3/groups/" + id).json().get("group")).isEqualTo(group);

        var renamed = admin.patch("/v3/groups/" + id, Map.of("group", Map.of("name", "ops2")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("group").get("name").asString()).isEqualTo("ops2");
        assertThat(renamed.json().get("group").get("description").asString()).isEqualTo("operators");

        assertThat(admin.delete("/v3/groups/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void groupsAreListedAndFilteredByNameAndDomain() {
        createGroup(Map.of("name", "listed-a"));
        createGroup(Map.of("name", "listed-b", "domain_id", "default"));
        assertThat(admin.get("/v3/groups").json().get("groups").findValuesAsString("name"))
                .contains("listed-a", "listed-b");
        assertThat(admin.get("/v3/groups?name=listed-a").json().get("groups").findValuesAsString("name"))
                .containsExactly("listed-a");
        assertThat(admin.get("/v3/groups?domain_id=other").json().get("groups").size()).isZero();
    }

    @Test
    void badGroupRequestsAreRejected() {
        createGroup(Map.of("name", "dup"));
        assertThat(admin.post("/v3/groups", Map.of("group", Map.of("name", "dup"))).status()).isEqualTo(409);
        assertThat(admin.post("/v3/groups", Map.of("group", Map.of("name", "x", "domain_id", "nowhere"))).status())
                .isEqualTo(404);
        assertThat(admin.post("/v3/groups", Map.of("group", Map.of())).status()).isEqualTo(400);
        assertThat(admin.post("/v3/groups", Map.of("group", Map.of("name", 5))).status()).isEqualTo(400);
        assertThat(admin.post("/v3/groups", "[]").status()).isEqualTo(400);
        assertThat(admin.patch("/v3/groups/nope", Map.of("group", Map.of("name", "y"))).status()).isEqualTo(404);
        assertThat(admin.delete("/v3/groups/nope").status()).isEqualTo(404);
    }

    @Test
    void membersAreAddedCheckedListedAndRemoved() {
        String group = createGroup(Map.of("name", "members")).get("id").asString();
        JsonNode ann = createUser("ann", "pw-ann");
        JsonNode bob = createUser("bob", "pw-bob");
        for (JsonNode u : List.of(ann, bob)) {
            assertThat(admin.put("/v3/groups/" + group + "/users/" + u.get("id").asString(), null).status())
                    .isEqualTo(204);
        }
        var listed = admin.get("/v3/groups/" + group + "/users").json().get("users");
        assertThat(listed).containsExactlyInAnyOrder(ann, bob);
        String annId = ann.get("id").asString();
        assertThat(admin.head("/v3/groups/" + group + "/users/" + annId).status()).isEqualTo(204);
        assertThat(admin.get("/v3/users/" + annId + "/groups").json().get("groups").findValuesAsString("id"))
                .containsExactly(group);

        assertThat(admin.delete("/v3/groups/" + group + "/users/" + annId).status()).isEqualTo(204);
        assertThat(admin.head("/v3/groups/" + group + "/users/" + annId).status()).isEqualTo(404);
        assertThat(admin.delete("/v3/groups/" + group + "/users/" + annId).status()).isEqualTo(404);
        assertThat(admin.get("/v3/groups/" + group + "/users").json().get("users").findValuesAsString("name"))
                .containsExactly("bob");
    }

    @Test
    void membershipOfAMissingUserOrGroupIs404() {
        String group = createGroup(Map.of("name", "lonely")).get("id").asString();
        String user = createUser("carl", "pw-carl").get("id").asString();
        assertThat(admin.put("/v3/groups/" + group + "/users/nobody", null).status()).isEqualTo(404);
        assertThat(admin.put("/v3/groups/nogroup/users/" + user, null).status()).isEqualTo(404);
        assertThat(admin.head("/v3/groups/nogroup/users/" + user).status()).isEqualTo(404);
        assertThat(admin.get("/v3/groups/nogroup/users").status()).isEqualTo(404);
    }

    @Test
    void removingAUserFromAGroupRevokesTheirTokens() {
        String group = createGroup(Map.of("name", "revokers")).get("id").asString();
        String user = createUser("dora", "pw-dora").get("id").asString();
        assertThat(admin.put("/v3/groups/" + group + "/users/" + user, null).status()).isEqualTo(204);
        String token = server.token("dora", "pw-dora", null);
        ApiClient dora = server.client().withToken(token);
        assertThat(dora.get("/v3/users/" + user + "/groups").status()).isEqualTo(200);
        assertThat(dora.get("/v3/groups").status()).isEqualTo(403);
        assertThat(admin.delete("/v3/groups/" + group + "/users/" + user).status()).isEqualTo(204);
        assertThat(dora.get("/v3/users/" + user).status()).isEqualTo(401);
    }
}
