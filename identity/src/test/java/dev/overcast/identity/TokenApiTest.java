package dev.overcast.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.testkit.ApiClient;

class TokenApiTest {
    static IdentityServer server;

    @BeforeAll
    static void start() {
        server = new IdentityServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminGetsAProjectScopedTokenWithRolesAndCatalog() {
        var reply = server.client().post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
                        "name", "admin", "domain", Map.of("name", "Default"), "password", IdentityServer.ADMIN_PASSWORD))),
                "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("X-Subject-Token")).isNotBlank();
        var token = reply.json().get("token");
        assertThat(token.get("project").get("name").asString()).isEqualTo("admin");
        assertThat(token.get("roles").findValuesAsString("name")).containsExactlyInAnyOrder("admin", "member", "reader");
        assertThat(token.get("catalog").get(0).get("type").asString()).isEqualTo("identity");
    }

    @Test
    void nocatalogLeavesTheCatalogOutWhenIssuingAndValidating() {
        var issued = server.client().post("/v3/auth/tokens?nocatalog", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
                        "name", "admin", "domain", Map.of("id", "default"), "password", IdentityServer.ADMIN_PASSWORD))),
                "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        assertThat(issued.json().get("token").has("catalog")).isFalse();
        ApiClient admin = server.admin().withHeader("X-Subject-Token", issued.header("X-Subject-Token"));
        assertThat(admin.get("/v3/auth/tokens?nocatalog").json().get("token").has("catalog")).isFalse();
        assertThat(admin.get("/v3/auth/tokens").json().get("token").has("catalog")).isTrue();
    }

    @Test
    void aWrongPasswordIs401() {
        assertThat(server.client().post("/v3/auth/tokens", Map.of("auth", Map.of("identity", Map.of(
                "methods", List.of("password"), "password", Map.of("user", Map.of("name", "admin",
                        "domain", Map.of("id", "default"), "password", "wrong")))))).status()).isEqualTo(401);
    }

    @Test
    void aDeletedTokenNoLongerValidates() {
        String subject = server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
        ApiClient admin = server.admin();
        assertThat(admin.withHeader("X-Subject-Token", subject).get("/v3/auth/tokens").status()).isEqualTo(200);
        assertThat(admin.withHeader("X-Subject-Token", subject).delete("/v3/auth/tokens").status()).isEqualTo(204);
        assertThat(admin.withHeader("X-Subject-Token", subject).get("/v3/auth/tokens").status()).isEqualTo(404);
        assertThat(server.client().withToken(subject).get("/v3/projects").status()).isEqualTo(401);
    }

    @Test
    void revocationEventsAreListedForServicesThatCheckTokensThemselves() {
        String subject = server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
        String auditId = server.tokens().verify(subject).auditId();
        ApiClient admin = server.admin();
        assertThat(admin.withHeader("X-Subject-Token", subject).delete("/v3/auth/tokens").status()).isEqualTo(204);
        var events = admin.get("/v3/OS-REVOKE/events");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json().get("events").findValuesAsString("audit_id")).contains(auditId);
        assertThat(admin.get("/v3/OS-REVOKE/events?since=not-a-time").status()).isEqualTo(400);
    }

    @Test
    void malformedBodiesAreClear400sNot500s() {
        ApiClient client = server.client();
        assertThat(client.post("/v3/auth/tokens", "{not json").status()).isEqualTo(400);
        assertThat(client.post("/v3/auth/tokens", Map.of("auth", "x")).status()).isEqualTo(400);
        assertThat(client.post("/v3/auth/tokens", Map.of("auth", Map.of("identity", Map.of("methods", "password"))))
                .status()).isEqualTo(400);
        var reply = client.post("/v3/auth/tokens", "[1,2]");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("code").asInt()).isEqualTo(400);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"auth\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertThat(server.client().post("/v3/auth/tokens", huge).status()).isEqualTo(413);
    }

    @Test
    void aForgedOrGarbageTokenIs401() {
        assertThat(server.client().withToken("garbage").get("/v3/projects").status()).isEqualTo(401);
        String real = server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
        String forged = real.substring(0, real.length() - 4) + "AAAA";
        assertThat(server.client().withToken(forged).get("/v3/projects").status()).isEqualTo(401);
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        assertThat(server.admin().get("/v3/nothing-here").status()).isEqualTo(404);
        var reply = server.admin().put("/v3/projects", Map.of());
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET", "POST");
    }

    @Test
    void everyAnswerCarriesItsOwnRequestIdEvenWhenTheCallerSendsOne() {
        String global = "req-12345678-1234-1234-1234-123456789abc";
        var reply = server.client().withHeader("X-OpenStack-Request-ID", global).get("/v3");
        assertThat(reply.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}").isNotEqualTo(global);
        assertThat(server.client().get("/v3/nothing").header("x-openstack-request-id")).startsWith("req-");
    }

    @Test
    void versionDiscoveryNeedsNoToken() {
        var reply = server.client().get("/v3");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("version").get("id").asString()).isEqualTo("v3.14");
        assertThat(server.client().get("/").status()).isEqualTo(300);
    }
}
