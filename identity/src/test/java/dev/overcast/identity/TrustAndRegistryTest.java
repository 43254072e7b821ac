package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;

/** Trusts, rescoping, policy blobs and OAuth consumers — over HTTP, as a client uses them. */
class TrustAndRegistryTest {
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

    private static String create(String path, String wrapper, Map<String, Object> body) {
        var reply = admin.post(path, Map.of(wrapper, body));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get(wrapper).get("id").asString();
    }

    private static String roleId(String name) {
        return admin.get("/v3/roles?name=" + name).json().get("roles").get(0).get("id").asString();
    }

    private static Map<String, Object> passwordAuth(String user, String password, Map<String, Object> scope) {
        Map<String, Object> auth = new java.util.HashMap<>();
        auth.put("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                Map.of("name", user, "domain", Map.of("id", "default"), "password", password))));
        if (scope != null) {
            auth.put("scope", scope);
        }
        return Map.of("auth", auth);
    }

    @Test
    void aTrusteeActsForTheTrustorWithOnlyTheDelegatedRoles() {
        String project = create("/v3/projects", "project", Map.of("name", "trust-project"));
        String trustor = create("/v3/users", "user", Map.of("name", "trustor", "password", "trustor-pw"));
        String trustee = create("/v3/users", "user", Map.of("name", "trustee", "password", "trustee-pw"));
        String delegated = create("/v3/roles", "role", Map.of("name", "delegated"));
        assertThat(admin.put("/v3/projects/" + project + "/users/" + trustor + "/roles/" + delegated, null).status()).isEqualTo(204);
        assertThat(admin.put("/v3/projects/" + project + "/users/" + trustor + "/roles/" + roleId("member"), null).status()).isEqualTo(204);

        ApiClient asTrustor = server.client().withToken(server.token("trustor", "trustor-pw", "trust-project"));
        var created = asTrustor.post("/v3/OS-TRUST/trusts", Map.of("trust", Map.of("trustor_user_id", trustor,
                "trustee_user_id", trustee, "project_id", project, "impersonation", true,
                "roles", List.of(Map.of("name", "delegated")))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String trust = created.json().get("trust").get("id").asString();
        assertThat(created.json().get("trust").get("roles").findValuesAsString("name")).containsExactly("delegated");
        // Tempest's client lists with a trailing slash, which Keystone ignores.
        assertThat(asTrustor.get("/v3/OS-TRUST/trusts/?trustor_user_id=" + trustor).json().get("trusts")).hasSize(1);

        String trusteeToken = server.token("trustee", "trustee-pw", null);
        var scoped = server.client().post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("token"), "token", Map.of("id", trusteeToken)),
                "scope", Map.of("OS-TRUST:trust", Map.of("id", trust)))));
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(201);
        var token = scoped.json().get("token");
        assertThat(token.get("user").get("id").asString()).isEqualTo(trustor);
        assertThat(token.get("project").get("id").asString()).isEqualTo(project);
        assertThat(token.get("roles").findValuesAsString("name")).containsExactly("delegated");
        assertThat(token.get("OS-TRUST:trust").get("trustee_user").get("id").asString()).isEqualTo(trustee);

        String trustToken = scoped.header("X-Subject-Token");
        assertThat(asTrustor.delete("/v3/OS-TRUST/trusts/" + trust).status()).isEqualTo(204);
        assertThat(server.client().withToken(trustToken).get("/v3/auth/catalog").status()).isEqualTo(401);
        assertThat(asTrustor.get("/v3/OS-TRUST/trusts/" + trust).status()).isEqualTo(404);
    }

    @Test
    void onlyTheTrustorMayCreateATrustAndABadExpiryIs400() {
        String self = admin.get("/v3/users?name=admin").json().get("users").get(0).get("id").asString();
        String other = create("/v3/users", "user", Map.of("name", "someone", "password", "pw-someone"));
        String adminProject = admin.get("/v3/projects?name=admin").json().get("projects").get(0).get("id").asString();
        assertThat(admin.post("/v3/OS-TRUST/trusts", Map.of("trust", Map.of("trustor_user_id", other,
                "trustee_user_id", self, "impersonation", false))).status()).isEqualTo(403);
        assertThat(admin.post("/v3/OS-TRUST/trusts", Map.of("trust", Map.of("trustor_user_id", self,
                "trustee_user_id", other, "project_id", adminProject, "impersonation", false,
                "roles", List.of(Map.of("name", "member")), "expires_at", "bad.123Z"))).status()).isEqualTo(400);
        assertThat(admin.post("/v3/OS-TRUST/trusts", Map.of("trust", Map.of("trustor_user_id", self,
                "trustee_user_id", other))).status()).isEqualTo(400);
    }

    @Test
    void rescopingKeepsTheExpiryAndAddsTheTokenMethod() {
        create("/v3/projects", "project", Map.of("name", "rescope-target"));
        var unscoped = server.client().post("/v3/auth/tokens", passwordAuth("admin", IdentityServer.ADMIN_PASSWORD, null));
        assertThat(unscoped.json().get("token").has("roles")).isFalse();
        String adminId = unscoped.json().get("token").get("user").get("id").asString();
        String project = admin.get("/v3/projects?name=rescope-target").json().get("projects").get(0).get("id").asString();
        assertThat(admin.put("/v3/projects/" + project + "/users/" + adminId + "/roles/" + roleId("reader"), null).status())
                .isEqualTo(204);
        var rescoped = server.client().post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("token"), "token", Map.of("id", unscoped.header("X-Subject-Token"))),
                "scope", Map.of("project", Map.of("id", project)))));
        assertThat(rescoped.status()).as(rescoped.toString()).isEqualTo(201);
        var token = rescoped.json().get("token");
        assertThat(token.get("expires_at").asString()).isEqualTo(unscoped.json().get("token").get("expires_at").asString());
        assertThat(token.get("methods").valueStream().map(n -> n.asString())).containsExactlyInAnyOrder("token", "password");
        assertThat(token.get("roles").findValuesAsString("name")).containsExactly("reader");
    }

    @Test
    void policyBlobsAreStoredAndShownBack() {
        String id = create("/v3/policies", "policy", Map.of("type", "application/json", "blob", "{\"a\": 1}"));
        assertThat(admin.get("/v3/policies/" + id).json().get("policy").get("blob").asString()).isEqualTo("{\"a\": 1}");
        assertThat(admin.patch("/v3/policies/" + id, Map.of("policy", Map.of("blob", "{}"))).json()
                .get("policy").get("blob").asString()).isEqualTo("{}");
        assertThat(admin.get("/v3/policies").json().get("policies").findValuesAsString("id")).contains(id);
        assertThat(admin.delete("/v3/policies/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/policies/" + id).status()).isEqualTo(404);
        assertThat(admin.post("/v3/policies", Map.of("policy", Map.of("blob", "x"))).status()).isEqualTo(400);
    }

    @Test
    void consumersAreStoredButTheOauthFlowIsAbsentAndSaysSo() {
        var created = admin.post("/v3/OS-OAUTH1/consumers", Map.of("consumer", Map.of("description", "d1")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("consumer").get("secret").asString()).isNotBlank();
        String id = created.json().get("consumer").get("id").asString();
        assertThat(admin.get("/v3/OS-OAUTH1/consumers/" + id).json().get("consumer").has("secret")).isFalse();
        assertThat(admin.patch("/v3/OS-OAUTH1/consumers/" + id, Map.of("consumer", Map.of("description", "d2")))
                .json().get("consumer").get("description").asString()).isEqualTo("d2");
        assertThat(admin.delete("/v3/OS-OAUTH1/consumers/" + id).status()).isEqualTo(204);
        assertThat(server.client().post("/v3/OS-OAUTH1/request_token", Map.of()).status()).isEqualTo(501);
        assertThat(admin.get("/v3/domains/default/config").status()).isEqualTo(501);
    }
}
