package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.identity.role.AssignmentRow;
import dev.overcast.identity.role.RoleRow;
import dev.overcast.identity.role.RoleStore;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class UserApiTest {
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

    private static JsonNode createUser(String name, String password, Map<String, Object> more) {
        Map<String, Object> user = new java.util.HashMap<>(more);
        user.put("name", name);
        if (password != null) {
            user.put("password", password);
        }
        var reply = admin.post("/v3/users", Map.of("user", user));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("user");
    }

    private static String projectId(String name) {
        var reply = admin.post("/v3/projects", Map.of("project", Map.of("name", name)));
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("project").get("id").asString();
    }

    private static void grantMember(String userId, String projectId) {
        server.jdbi().useExtension(RoleStore.class, s -> s.grant(new AssignmentRow(AssignmentRow.USER_PROJECT,
                userId, projectId, s.findByName("member", RoleRow.GLOBAL).orElseThrow().id(), false)));
    }

    private static int count(String sql, String id) {
        return server.jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Integer.class).one());
    }

    private static int authStatus(String userId, String password) {
        return server.client().post("/v3/auth/tokens", Map.of("auth", Map.of("identity", Map.of(
                "methods", List.of("password"), "password", Map.of("user", Map.of("id", userId,
                        "password", password)))))).status();
    }

    @Test
    void aUserIsCreatedShownUpdatedAndDeletedWithoutEverShowingThePassword() {
        JsonNode user = createUser("alice", "alice-pw-1", Map.of("email", "alice@example.org",
                "description", "first"));
        assertThat(user.get("domain_id").asString()).isEqualTo("default");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("email").asString()).isEqualTo("alice@example.org");
        assertThat(user.has("password")).isFalse();
        assertThat(user.get("password_expires_at").isNull()).isTrue();
        assertThat(user.get("options").isObject()).isTrue();
        String id = user.get("id").asString();
        assertThat(user.get("links").get("self").asString()).endsWith("/v3/users/" + id);

        var shown = admin.get("/v3/users/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("user")).isEqualTo(user);

        var updated = admin.patch("/v3/users/" + id, Map.of("user", Map.of("name", "alice2",
                "email", "alice2@example.org", "project_id", "p1")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("user").get("name").asString()).isEqualTo("alice2");
        assertThat(updated.json().get("user").get("email").asString()).isEqualTo("alice2@example.org");
        assertThat(updated.json().get("user").get("description").asString()).isEqualTo("first");
        assertThat(admin.get("/v3/users/" + id).json().get("user").get("project_id").asString()).isEqualTo("p1");

        assertThat(admin.delete("/v3/users/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/users/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/v3/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void listingFiltersByNameDomainAndEnabled() {
        createUser("lister-on", "pw", Map.of());
        createUser("lister-off", "pw", Map.of("enabled", false));
        var byName = admin.get("/v3/users?name=lister-on").json().get("users");
        assertThat(byName.findValuesAsString("name")).containsExactly("lister-on");
        var disabled = admin.get("/v3/users?enabled=false").json().get("users").findValuesAsString("name");
        assertThat(disabled).contains("lister-off").doesNotContain("lister-on", "admin");
        assertThat(admin.get("/v3/users?domain_id=default").json().get("users").findValuesAsString("name"))
                .contains("admin", "lister-on", "lister-off");
        assertThat(admin.get("/v3/users?domain_id=nowhere").json().get("users").size()).isZero();
        assertThat(admin.get("/v3/users?password_expires_at=lt:2999-01-01T00:00:00Z").status()).isEqualTo(200);
        assertThat(admin.get("/v3/users?password_expires_at=soon").status()).isEqualTo(400);
    }

    @Test
    void aUserInAnUnknownDomainIs404() {
        var reply = admin.post("/v3/users", Map.of("user", Map.of("name", "lost", "domain_id", "no-such-domain")));
        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void aDuplicateNameInTheSameDomainIs409() {
        createUser("twin", "pw", Map.of());
        assertThat(admin.post("/v3/users", Map.of("user", Map.of("name", "twin"))).status()).isEqualTo(409);
        String other = createUser("twin-2", "pw", Map.of()).get("id").asString();
        assertThat(admin.patch("/v3/users/" + other, Map.of("user", Map.of("name", "twin"))).status())
                .isEqualTo(409);
    }

    @Test
    void malformedUserBodiesAre400() {
        assertThat(admin.post("/v3/users", "{not json").status()).isEqualTo(400);
        assertThat(admin.post("/v3/users", Map.of("user", "x")).status()).isEqualTo(400);
        assertThat(admin.post("/v3/users", Map.of("user", Map.of())).status()).isEqualTo(400);
        assertThat(admin.post("/v3/users", Map.of("user", Map.of("name", ""))).status()).isEqualTo(400);
        assertThat(admin.post("/v3/users", Map.of("user", Map.of("name", "n".repeat(256)))).status()).isEqualTo(400);
        assertThat(admin.post("/v3/users", Map.of("user", Map.of("name", "x", "enabled", "yes"))).status())
                .isEqualTo(400);
        String id = createUser("patchy", "pw", Map.of()).get("id").asString();
        assertThat(admin.patch("/v3/users/" + id, Map.of("user", Map.of())).status()).isEqualTo(400);
        assertThat(admin.patch("/v3/users/" + id, Map.of("user", Map.of("domain_id", "elsewhere"))).status())
                .isEqualTo(400);
    }

    @Test
    void aProjectMemberCannotListUsersButCanGetThemselvesAndTheirProjects() {
        String project = projectId("member-project");
        String id = createUser("member-user", "member-pw", Map.of("default_project_id", project)).get("id").asString();
        String other = createUser("someone-else", "pw", Map.of()).get("id").asString();
        grantMember(id, project);
        ApiClient member = server.client().withToken(server.token("member-user", "member-pw", "member-project"));

        assertThat(member.get("/v3/users").status()).isEqualTo(403);
        assertThat(member.get("/v3/users/" + other).status()).isEqualTo(403);
        assertThat(member.post("/v3/users", Map.of("user", Map.of("name", "sneaky"))).status()).isEqualTo(403);
        var self = member.get("/v3/users/" + id);
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().get("user").get("default_project_id").asString()).isEqualTo(project);
        var projects = member.get("/v3/users/" + id + "/projects");
        assertThat(projects.status()).isEqualTo(200);
        assertThat(projects.json().get("projects").findValuesAsString("name")).containsExactly("member-project");
        assertThat(member.get("/v3/users/" + id + "/groups").status()).isEqualTo(200);
        assertThat(member.get("/v3/users/" + other + "/projects").status()).isEqualTo(403);
    }

    @Test
    void changingOnesOwnPasswordRevokesTokensAndTheOldPasswordNoLongerWorks() {
        String id = createUser("changer", "old-password", Map.of()).get("id").asString();
        String oldToken = server.token("changer", "old-password", null);
        ApiClient anonymous = server.client();

        var wrong = anonymous.post("/v3/users/" + id + "/password", Map.of("user", Map.of(
                "original_password", "not-it", "password", "new-password")));
        assertThat(wrong.status()).isEqualTo(401);
        var changed = anonymous.post("/v3/users/" + id + "/password", Map.of("user", Map.of(
                "original_password", "old-password", "password", "new-password")));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(authStatus(id, "old-password")).isEqualTo(401);
        assertThat(authStatus(id, "new-password")).isEqualTo(201);
        assertThat(admin.withHeader("X-Subject-Token", oldToken).get("/v3/auth/tokens").status()).isEqualTo(404);
        assertThat(anonymous.post("/v3/users/" + id + "/password", Map.of("user", Map.of("password", "x")))
                .status()).isEqualTo(400);
        assertThat(count("select count(*) from password_history where user_id = :id", id)).isEqualTo(2);
    }

    @Test
    void anAdminResetPasswordWorksAndRevokesTokens() {
        String id = createUser("reset-me", "first", Map.of()).get("id").asString();
        String token = server.token("reset-me", "first", null);
        assertThat(admin.patch("/v3/users/" + id, Map.of("user", Map.of("password", "second"))).status())
                .isEqualTo(200);
        assertThat(authStatus(id, "first")).isEqualTo(401);
        assertThat(authStatus(id, "second")).isEqualTo(201);
        assertThat(server.client().withToken(token).get("/v3/users/" + id).status()).isEqualTo(401);
    }

    @Test
    void aDisabledUserCannotGetATokenAndTheirTokensAreRevoked() {
        String id = createUser("to-disable", "pw-disable", Map.of()).get("id").asString();
        String token = server.token("to-disable", "pw-disable", null);
        assertThat(server.client().withToken(token).get("/v3/users/" + id).status()).isEqualTo(200);
        assertThat(admin.patch("/v3/users/" + id, Map.of("user", Map.of("enabled", false))).status()).isEqualTo(200);
        assertThat(authStatus(id, "pw-disable")).isEqualTo(401);
        assertThat(server.client().withToken(token).get("/v3/users/" + id).status()).isEqualTo(401);
    }

    @Test
    void deletingAUserRemovesTheirAssignmentsAndRevokesTheirTokens() {
        String project = projectId("doomed-project");
        String id = createUser("doomed", "pw-doomed", Map.of()).get("id").asString();
        grantMember(id, project);
        String token = server.token("doomed", "pw-doomed", "doomed-project");
        assertThat(admin.delete("/v3/users/" + id).status()).isEqualTo(204);
        assertThat(server.client().withToken(token).get("/v3/auth/projects").status()).isEqualTo(401);
        assertThat(count("select count(*) from assignment where actor_id = :id", id)).isZero();
    }

    @Test
    void aDomainCannotBeAUsersDefaultProject() {
        assertThat(admin.post("/v3/users", Map.of("user", Map.of("name", "domainy",
                "default_project_id", "default"))).status()).isEqualTo(400);
    }
}
