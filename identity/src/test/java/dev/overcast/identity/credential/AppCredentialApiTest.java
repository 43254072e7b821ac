package dev.overcast.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.identity.IdentityServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class AppCredentialApiTest {
    static IdentityServer server;
    static ApiClient admin;
    static String adminId;
    static String adminProjectId;

    @BeforeAll
    static void start() {
        server = new IdentityServer();
        admin = server.admin();
        String token = server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
        JsonNode info = admin.withHeader("X-Subject-Token", token).get("/v3/auth/tokens").json().get("token");
        adminId = info.get("user").get("id").asString();
        adminProjectId = info.get("project").get("id").asString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String appCreds() {
        return "/v3/users/" + adminId + "/application_credentials";
    }

    private static JsonNode create(ApiClient client, Map<String, Object> fields) {
        var reply = client.post(appCreds(), Map.of("application_credential", fields));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("application_credential");
    }

    private static ApiClient.Reply authenticate(Map<String, Object> appCred) {
        return server.client().post("/v3/auth/tokens", Map.of("auth", Map.of("identity", Map.of(
                "methods", List.of("application_credential"), "application_credential", appCred))));
    }

    private static String tokenFor(JsonNode appCred) {
        var reply = authenticate(Map.of("id", appCred.get("id").asString(), "secret", appCred.get("secret").asString()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.header("X-Subject-Token");
    }

    @Test
    void aUserCreatesAnAppCredWithASubsetOfRolesAndItsTokenCarriesOnlyThose() {
        JsonNode cred = create(admin, Map.of("name", "reader-only", "roles", List.of(Map.of("name", "reader"))));
        assertThat(cred.get("secret").asString()).isNotBlank();
        assertThat(cred.get("project_id").asString()).isEqualTo(adminProjectId);
        assertThat(cred.get("unrestricted").asBoolean()).isFalse();
        assertThat(cred.get("roles").findValuesAsString("name")).containsExactly("reader");

        var reply = authenticate(Map.of("id", cred.get("id").asString(), "secret", cred.get("secret").asString()));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode token = reply.json().get("token");
        assertThat(token.get("roles").findValuesAsString("name")).containsExactly("reader");
        assertThat(token.get("project").get("id").asString()).isEqualTo(adminProjectId);
        assertThat(token.get("application_credential").get("id").asString()).isEqualTo(cred.get("id").asString());
        assertThat(token.get("methods").get(0).asString()).isEqualTo("application_credential");
    }

    @Test
    void rolesDefaultToTheCreatingTokensRoles() {
        JsonNode cred = create(admin, Map.of("name", "all-roles"));
        assertThat(cred.get("roles").findValuesAsString("name")).containsExactlyInAnyOrder("admin", "member", "reader");
    }

    @Test
    void anAppCredAuthenticatesByNameAndUserNameAndDomain() {
        JsonNode cred = create(admin, Map.of("name", "by-name", "secret", "my-own-secret"));
        assertThat(cred.get("secret").asString()).isEqualTo("my-own-secret");
        var reply = authenticate(Map.of("name", "by-name", "secret", "my-own-secret",
                "user", Map.of("name", "admin", "domain", Map.of("name", "Default"))));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(authenticate(Map.of("name", "by-name", "secret", "my-own-secret",
                "user", Map.of("id", adminId))).status()).isEqualTo(201);
    }

    @Test
    void aWrongSecretOrUnknownAppCredIs401() {
        JsonNode cred = create(admin, Map.of("name", "wrong-secret"));
        assertThat(authenticate(Map.of("id", cred.get("id").asString(), "secret", "nope")).status()).isEqualTo(401);
        assertThat(authenticate(Map.of("id", "no-such-id", "secret", "nope")).status()).isEqualTo(401);
        assertThat(authenticate(Map.of("id", cred.get("id").asString())).status()).isEqualTo(400);
    }

    @Test
    void deletingAnAppCredRevokesItsTokensAndItsSecret() {
        JsonNode cred = create(admin, Map.of("name", "to-delete"));
        String token = tokenFor(cred);
        assertThat(server.client().withToken(token).get("/v3/projects/" + adminProjectId).status()).isEqualTo(200);

        assertThat(admin.delete(appCreds() + "/" + cred.get("id").asString()).status()).isEqualTo(204);

        assertThat(authenticate(Map.of("id", cred.get("id").asString(), "secret", cred.get("secret").asString()))
                .status()).isEqualTo(401);
        assertThat(server.client().withToken(token).get("/v3/projects/" + adminProjectId).status()).isEqualTo(401);
        assertThat(admin.get(appCreds() + "/" + cred.get("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void listingFiltersByNameAndNeverShowsSecrets() {
        create(admin, Map.of("name", "listed-one"));
        create(admin, Map.of("name", "listed-two"));
        var all = admin.get(appCreds()).json().get("application_credentials");
        assertThat(all.findValuesAsString("name")).contains("listed-one", "listed-two");
        assertThat(all.findValues("secret")).isEmpty();
        var filtered = admin.get(appCreds() + "?name=listed-two").json().get("application_credentials");
        assertThat(filtered).hasSize(1);
        assertThat(filtered.get(0).get("name").asString()).isEqualTo("listed-two");
        String id = filtered.get(0).get("id").asString();
        JsonNode shown = admin.get(appCreds() + "/" + id).json().get("application_credential");
        assertThat(shown.has("secret")).isFalse();
        assertThat(shown.get("name").asString()).isEqualTo("listed-two");
    }

    @Test
    void anExpiryIsShownBackAndCapsTheToken() {
        Instant expires = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        String iso = expires.toString().replace("Z", "");
        JsonNode cred = create(admin, Map.of("name", "expiring", "expires_at", iso));
        assertThat(Instant.parse(cred.get("expires_at").asString() + "Z")).isEqualTo(expires);
        var reply = authenticate(Map.of("id", cred.get("id").asString(), "secret", cred.get("secret").asString()));
        assertThat(Instant.parse(reply.json().get("token").get("expires_at").asString())).isBeforeOrEqualTo(expires);
    }

    @Test
    void anExpiredAppCredNoLongerAuthenticates() {
        MovableClock clock = new MovableClock(Instant.now());
        try (IdentityServer timed = new IdentityServer(clock)) {
            String expires = clock.instant().plus(30, ChronoUnit.MINUTES).toString();
            ApiClient timedAdmin = timed.admin();
            String token = timed.token("admin", IdentityServer.ADMIN_PASSWORD, "admin");
            String userId = timedAdmin.withHeader("X-Subject-Token", token).get("/v3/auth/tokens").json()
                    .get("token").get("user").get("id").asString();
            var created = timedAdmin.post("/v3/users/" + userId + "/application_credentials",
                    Map.of("application_credential", Map.of("name", "short-lived", "expires_at", expires)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode cred = created.json().get("application_credential");
            Map<String, Object> proof = Map.of("id", cred.get("id").asString(), "secret", cred.get("secret").asString());
            Map<String, Object> body = Map.of("auth", Map.of("identity", Map.of(
                    "methods", List.of("application_credential"), "application_credential", proof)));
            assertThat(timed.client().post("/v3/auth/tokens", body).status()).isEqualTo(201);
            clock.advance(Duration.ofMinutes(31));
            assertThat(timed.client().post("/v3/auth/tokens", body).status()).isEqualTo(401);
        }
    }

    /** A UTC clock that tests move forward instead of sleeping. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void anExpiryInThePastOrUnreadableIs400() {
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "past",
                "expires_at", "2001-01-01T00:00:00Z"))).status()).isEqualTo(400);
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "garbled",
                "expires_at", "next tuesday"))).status()).isEqualTo(400);
    }

    @Test
    void aRoleTheUserDoesNotHaveIs404AndARoleWithoutIdOrNameIs400() {
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "bogus-role",
                "roles", List.of(Map.of("name", "no-such-role"))))).status()).isEqualTo(404);
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "bogus-role-id",
                "roles", List.of(Map.of("id", "no-such-id"))))).status()).isEqualTo(404);
        Map<String, Object> nullDomain = new HashMap<>();
        nullDomain.put("domain_id", null);
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "empty-role",
                "roles", List.of(nullDomain)))).status()).isEqualTo(400);
    }

    @Test
    void aDuplicateNameIs409() {
        create(admin, Map.of("name", "twice"));
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "twice"))).status())
                .isEqualTo(409);
    }

    @Test
    void onlyTheUserThemselvesMayCreateAnAppCred() {
        assertThat(admin.post("/v3/users/somebody-else/application_credentials",
                Map.of("application_credential", Map.of("name", "not-mine"))).status()).isEqualTo(403);
    }

    @Test
    void anUnscopedTokenCannotCreateAnAppCred() {
        ApiClient unscoped = server.client().withToken(server.token("admin", IdentityServer.ADMIN_PASSWORD, null));
        assertThat(unscoped.post(appCreds(), Map.of("application_credential", Map.of("name", "unscoped")))
                .status()).isEqualTo(400);
    }

    @Test
    void aRestrictedAppCredsTokenCannotCreateAnotherButAnUnrestrictedOnesCan() {
        ApiClient restricted = server.client().withToken(tokenFor(create(admin, Map.of("name", "restricted"))));
        assertThat(restricted.post(appCreds(), Map.of("application_credential", Map.of("name", "child")))
                .status()).isEqualTo(403);
        ApiClient unrestricted = server.client().withToken(tokenFor(create(admin,
                Map.of("name", "unrestricted", "unrestricted", true))));
        assertThat(unrestricted.post(appCreds(), Map.of("application_credential", Map.of("name", "grandchild")))
                .status()).isEqualTo(201);
    }

    @Test
    void accessRulesAreStoredSharedAndUndeletableWhileInUse() {
        Map<String, Object> rule = Map.of("service", "compute", "path", "/v2.1/servers/*/ips", "method", "GET");
        JsonNode cred = create(admin, Map.of("name", "with-rules", "access_rules", List.of(rule)));
        JsonNode stored = cred.get("access_rules").get(0);
        assertThat(stored.get("service").asString()).isEqualTo("compute");
        assertThat(stored.get("path").asString()).isEqualTo("/v2.1/servers/*/ips");
        assertThat(stored.get("method").asString()).isEqualTo("GET");
        String ruleId = stored.get("id").asString();
        JsonNode again = create(admin, Map.of("name", "same-rule", "access_rules", List.of(Map.of("id", ruleId))));
        assertThat(again.get("access_rules").get(0).get("id").asString()).isEqualTo(ruleId);

        String rules = "/v3/users/" + adminId + "/access_rules";
        assertThat(admin.get(rules).json().get("access_rules").findValuesAsString("id")).contains(ruleId);
        assertThat(admin.get(rules + "/" + ruleId).json().get("access_rule").get("method").asString()).isEqualTo("GET");
        assertThat(admin.delete(rules + "/" + ruleId).status()).isEqualTo(403);

        admin.delete(appCreds() + "/" + cred.get("id").asString());
        admin.delete(appCreds() + "/" + again.get("id").asString());
        assertThat(admin.delete(rules + "/" + ruleId).status()).isEqualTo(204);
        assertThat(admin.get(rules + "/" + ruleId).status()).isEqualTo(404);
    }

    @Test
    void malformedAppCredBodiesAreClear400s() {
        assertThat(admin.post(appCreds(), "{not json").status()).isEqualTo(400);
        assertThat(admin.post(appCreds(), Map.of("application_credential", "x")).status()).isEqualTo(400);
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of())).status()).isEqualTo(400);
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "x", "colour", "red")))
                .status()).isEqualTo(400);
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "bad-rule",
                "access_rules", List.of(Map.of("service", "compute", "path", "/", "method", "FETCH")))))
                .status()).isEqualTo(400);
        assertThat(admin.post(appCreds(), Map.of("application_credential", Map.of("name", "x", "unrestricted", "yes")))
                .status()).isEqualTo(400);
    }

    @Test
    void anUnknownAppCredIs404AndNoTokenIs401() {
        assertThat(admin.get(appCreds() + "/nope").status()).isEqualTo(404);
        assertThat(admin.delete(appCreds() + "/nope").status()).isEqualTo(404);
        assertThat(server.client().get(appCreds()).status()).isEqualTo(401);
    }
}
