package dev.overcast.identity.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.identity.IdentityServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** The OS-FEDERATION registry over HTTP: identity providers, protocols, mappings, service providers. */
class FederationApiTest {
    static IdentityServer server;
    static ApiClient admin;
    static final String BASE = "/v3/OS-FEDERATION";
    static final Map<String, Object> RULES = Map.of("rules", List.of(Map.of(
            "local", List.of(Map.of("user", Map.of("name", "{0}"))),
            "remote", List.of(Map.of("type", "REMOTE_USER")))));

    @BeforeAll
    static void start() {
        server = new IdentityServer();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anIdentityProviderGetsADomainOfItsOwnAndItsRemoteIdsAreItsAlone() {
        Reply created = admin.put(BASE + "/identity_providers/acme", Map.of("identity_provider",
                Map.of("description", "ACME SSO", "remote_ids", List.of("https://sso.acme.example/idp"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode idp = created.json().path("identity_provider");
        assertThat(idp.path("enabled").asBoolean()).as("disabled by default").isFalse();
        assertThat(idp.path("remote_ids").get(0).asString()).isEqualTo("https://sso.acme.example/idp");
        assertThat(idp.at("/links/protocols").asString()).endsWith(BASE + "/identity_providers/acme/protocols");
        String domain = idp.path("domain_id").asString();
        assertThat(admin.get("/v3/domains/" + domain).json().at("/domain/name").asString()).isEqualTo("acme");

        assertThat(admin.put(BASE + "/identity_providers/acme", Map.of("identity_provider", Map.of())).status())
                .isEqualTo(409);
        assertThat(admin.put(BASE + "/identity_providers/copycat", Map.of("identity_provider",
                Map.of("remote_ids", List.of("https://sso.acme.example/idp")))).status()).isEqualTo(409);
        assertThat(admin.put(BASE + "/identity_providers/nowhere", Map.of("identity_provider",
                Map.of("domain_id", "no-such-domain"))).status()).isEqualTo(404);

        Reply updated = admin.patch(BASE + "/identity_providers/acme", Map.of("identity_provider",
                Map.of("enabled", true, "remote_ids", List.of("https://sso2.acme.example"))));
        assertThat(updated.json().at("/identity_provider/enabled").asBoolean()).isTrue();
        assertThat(admin.patch(BASE + "/identity_providers/acme", Map.of("identity_provider",
                Map.of("domain_id", domain))).status()).as("a provider keeps its domain").isEqualTo(400);
        assertThat(admin.get(BASE + "/identity_providers?enabled=true").json().path("identity_providers")
                .findValuesAsString("id")).contains("acme");
        assertThat(admin.delete(BASE + "/identity_providers/acme").status()).isEqualTo(204);
        assertThat(admin.get(BASE + "/identity_providers/acme").status()).isEqualTo(404);
        assertThat(admin.put(BASE + "/identity_providers/again", Map.of("identity_provider",
                Map.of("remote_ids", List.of("https://sso2.acme.example")))).status())
                .as("a deleted provider's remote ids are free").isEqualTo(201);
    }

    @Test
    void aProtocolNamesAnExistingMapping() {
        admin.put(BASE + "/identity_providers/corp", Map.of("identity_provider", Map.of("enabled", true)));
        assertThat(admin.put(BASE + "/mappings/corp-users", Map.of("mapping", RULES)).status()).isEqualTo(201);
        assertThat(admin.put(BASE + "/mappings/bad", Map.of("mapping", Map.of())).status()).isEqualTo(400);
        assertThat(admin.put(BASE + "/mappings/bad", Map.of("mapping", Map.of("rules",
                List.of(Map.of("local", List.of()))))).status()).isEqualTo(400);

        assertThat(admin.put(BASE + "/identity_providers/corp/protocols/saml2", Map.of("protocol",
                Map.of("mapping_id", "missing"))).json().at("/error/message").asString())
                .isEqualTo("Invalid mapping id: missing");
        Reply protocol = admin.put(BASE + "/identity_providers/corp/protocols/saml2", Map.of("protocol",
                Map.of("mapping_id", "corp-users")));
        assertThat(protocol.status()).as(protocol.body()).isEqualTo(201);
        assertThat(protocol.json().at("/protocol/mapping_id").asString()).isEqualTo("corp-users");
        assertThat(admin.put(BASE + "/identity_providers/nobody/protocols/saml2", Map.of("protocol",
                Map.of("mapping_id", "corp-users"))).status()).isEqualTo(404);

        admin.put(BASE + "/mappings/corp-admins", Map.of("mapping", RULES));
        assertThat(admin.patch(BASE + "/identity_providers/corp/protocols/saml2", Map.of("protocol",
                Map.of("mapping_id", "corp-admins"))).json().at("/protocol/mapping_id").asString())
                .isEqualTo("corp-admins");
        assertThat(admin.get(BASE + "/identity_providers/corp/protocols").json().path("protocols")
                .findValuesAsString("id")).containsExactly("saml2");
        Reply rules = admin.patch(BASE + "/mappings/corp-admins", Map.of("mapping", Map.of("rules", List.of(Map.of(
                "local", List.of(Map.of("group", Map.of("id", "g1"))), "remote", List.of(Map.of("type", "X")))))));
        assertThat(rules.json().at("/mapping/rules/0/local/0/group/id").asString()).isEqualTo("g1");

        assertThat(server.client().post(BASE + "/identity_providers/corp/protocols/saml2/auth", Map.of())
                .status()).as("federated authentication is absent and says so").isEqualTo(501);
        assertThat(admin.delete(BASE + "/identity_providers/corp/protocols/saml2").status()).isEqualTo(204);
        assertThat(admin.get(BASE + "/identity_providers/corp/protocols/saml2").status()).isEqualTo(404);
    }

    @Test
    void enabledServiceProvidersAreListedInScopedTokens() {
        Reply bad = admin.put(BASE + "/service_providers/bad", Map.of("service_provider",
                Map.of("auth_url", "not a url", "sp_url", "https://sp.example/Shibboleth.sso/SAML2/ECP")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(admin.put(BASE + "/service_providers/bad", Map.of("service_provider", Map.of())).status())
                .isEqualTo(400);
        Reply created = admin.put(BASE + "/service_providers/east", Map.of("service_provider", Map.of(
                "auth_url", "https://east.example/v3/OS-FEDERATION/identity_providers/west/protocols/saml2/auth",
                "sp_url", "https://east.example/Shibboleth.sso/SAML2/ECP")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/service_provider/relay_state_prefix").asString()).isEqualTo("ss:mem:");
        assertThat(created.json().at("/service_provider/enabled").asBoolean()).isFalse();
        assertThat(token().has("service_providers")).as("no enabled one yet").isFalse();

        admin.patch(BASE + "/service_providers/east", Map.of("service_provider", Map.of("enabled", true)));

        JsonNode providers = token().path("service_providers");
        assertThat(providers.findValuesAsString("id")).containsExactly("east");
        assertThat(providers.get(0).path("sp_url").asString()).endsWith("/SAML2/ECP");
        assertThat(server.client().withToken(server.token("admin", IdentityServer.ADMIN_PASSWORD, "admin"))
                .get(BASE + "/service_providers").status()).isEqualTo(200);
        assertThat(admin.delete(BASE + "/service_providers/east").status()).isEqualTo(204);
        assertThat(token().has("service_providers")).isFalse();
    }

    @Test
    void onlyAdminsChangeTheRegistry() {
        admin.post("/v3/users", Map.of("user", Map.of("name", "plain", "password", "plain-pw")));
        String project = admin.post("/v3/projects", Map.of("project", Map.of("name", "plain-project")))
                .json().at("/project/id").asString();
        String user = admin.get("/v3/users?name=plain").json().at("/users/0/id").asString();
        String member = admin.get("/v3/roles?name=member").json().at("/roles/0/id").asString();
        admin.put("/v3/projects/" + project + "/users/" + user + "/roles/" + member, null);
        ApiClient plain = server.client().withToken(server.token("plain", "plain-pw", "plain-project"));
        assertThat(plain.put(BASE + "/mappings/mine", Map.of("mapping", RULES)).status()).isEqualTo(403);
        assertThat(plain.get(BASE + "/identity_providers").status()).isEqualTo(403);
    }

    private static JsonNode token() {
        Reply issued = server.client().post("/v3/auth/tokens", Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                        Map.of("name", "admin", "domain", Map.of("id", "default"), "password", IdentityServer.ADMIN_PASSWORD))),
                "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("token");
    }
}
