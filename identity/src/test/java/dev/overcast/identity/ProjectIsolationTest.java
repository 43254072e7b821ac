package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;

/** A member of project A sees project A and themselves, and nothing of project B or its people. */
class ProjectIsolationTest {
    static IdentityServer server;
    static ApiClient admin;
    static ApiClient alice;
    static String projectA;
    static String projectB;
    static String bob;

    @BeforeAll
    static void start() {
        server = new IdentityServer();
        admin = server.admin();
        projectA = create("/v3/projects", "project", Map.of("name", "project-a"));
        projectB = create("/v3/projects", "project", Map.of("name", "project-b"));
        String aliceId = create("/v3/users", "user", Map.of("name", "alice", "password", "alice-password"));
        bob = create("/v3/users", "user", Map.of("name", "bob", "password", "bob-password"));
        String member = admin.get("/v3/roles?name=member").json().get("roles").get(0).get("id").asString();
        assertThat(admin.put("/v3/projects/" + projectA + "/users/" + aliceId + "/roles/" + member, null).status()).isEqualTo(204);
        assertThat(admin.put("/v3/projects/" + projectB + "/users/" + bob + "/roles/" + member, null).status()).isEqualTo(204);
        alice = server.client().withToken(server.token("alice", "alice-password", "project-a"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String create(String path, String wrapper, Map<String, Object> body) {
        var reply = admin.post(path, Map.of(wrapper, body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get(wrapper).get("id").asString();
    }

    @Test
    void aMemberReadsTheirOwnProjectButNotAnother() {
        assertThat(alice.get("/v3/projects/" + projectA).status()).isEqualTo(200);
        assertThat(alice.get("/v3/projects/" + projectB).status()).isEqualTo(403);
        assertThat(alice.get("/v3/projects/" + projectB + "/tags").status()).isEqualTo(403);
    }

    @Test
    void aMemberCannotListEveryProjectUserOrAssignment() {
        assertThat(alice.get("/v3/projects").status()).isEqualTo(403);
        assertThat(alice.get("/v3/users").status()).isEqualTo(403);
        assertThat(alice.get("/v3/role_assignments").status()).isEqualTo(403);
        assertThat(alice.get("/v3/role_assignments?scope.project.id=" + projectB).status()).isEqualTo(403);
        assertThat(alice.get("/v3/credentials").json().get("credentials")).isEmpty();
    }

    @Test
    void aMemberSeesOnlyTheirOwnProjectsAndCannotReadAnotherUser() {
        var mine = alice.get("/v3/auth/projects");
        assertThat(mine.json().get("projects").findValuesAsString("id")).containsExactly(projectA);
        assertThat(alice.get("/v3/users/" + bob).status()).isEqualTo(403);
        assertThat(alice.get("/v3/users/" + bob + "/projects").status()).isEqualTo(403);
    }

    @Test
    void aMemberCannotWriteAnything() {
        assertThat(alice.post("/v3/projects", Map.of("project", Map.of("name", "mine"))).status()).isEqualTo(403);
        assertThat(alice.patch("/v3/projects/" + projectB, Map.of("project", Map.of("description", "x"))).status()).isEqualTo(403);
        assertThat(alice.delete("/v3/projects/" + projectB).status()).isEqualTo(403);
        assertThat(alice.post("/v3/users", Map.of("user", Map.of("name", "eve"))).status()).isEqualTo(403);
        assertThat(alice.post("/v3/roles", Map.of("role", Map.of("name", "mine"))).status()).isEqualTo(403);
        assertThat(alice.put("/v3/projects/" + projectB + "/users/" + bob + "/roles/x", null).status()).isIn(403, 404);
        assertThat(alice.get("/v3/projects/" + projectB).status()).isEqualTo(403);
    }

    @Test
    void aMemberCannotScopeATokenToAnotherProject() {
        var reply = server.client().post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", java.util.List.of("password"), "password", Map.of("user",
                        Map.of("name", "alice", "domain", Map.of("id", "default"), "password", "alice-password"))),
                "scope", Map.of("project", Map.of("id", projectB)))));
        assertThat(reply.status()).isEqualTo(401);
    }
}
