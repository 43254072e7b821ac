package dev.overcast.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.overcast.identity.IdentityServer;
import dev.overcast.testkit.ApiClient;
import tools.jackson.databind.JsonNode;

class CredentialApiTest {
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

    private static JsonNode create(ApiClient client, Map<String, Object> fields) {
        var reply = client.post("/v3/credentials", Map.of("credential", fields));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("credential");
    }

    /** A token for admin that carries only the reader role, from an application credential. */
    private static ApiClient readerOnly(String name) {
        var created = admin.post("/v3/users/" + adminId + "/application_credentials", Map.of("application_credential",
                Map.of("name", name, "roles", List.of(Map.of("name", "reader"))))).json().get("application_credential");
        var reply = server.client().post("/v3/auth/tokens", Map.of("auth", Map.of("identity", Map.of(
                "methods", List.of("application_credential"), "application_credential",
                Map.of("id", created.get("id").asString(), "secret", created.get("secret").asString())))));
        return server.client().withToken(reply.header("X-Subject-Token"));
    }

    @Test
    void aCredentialIsCreatedShownUpdatedListedAndDeleted() {
        JsonNode cred = create(admin, Map.of("type", "cert", "blob", "opaque", "user_id", adminId, "colour", "blue"));
        String id = cred.get("id").asString();
        assertThat(cred.get("blob").asString()).isEqualTo("opaque");
        assertThat(cred.get("colour").asString()).isEqualTo("blue");
        assertThat(cred.get("links").get("self").asString()).endsWith("/v3/credentials/" + id);

        assertThat(admin.get("/v3/credentials/" + id).json().get("credential").get("type").asString()).isEqualTo("cert");
        var updated = admin.patch("/v3/credentials/" + id, Map.of("credential", Map.of("blob", "changed")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("credential").get("blob").asString()).isEqualTo("changed");
        assertThat(admin.get("/v3/credentials?type=cert").json().get("credentials").findValuesAsString("id")).contains(id);
        assertThat(admin.get("/v3/credentials?type=other").json().get("credentials").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(admin.get("/v3/credentials?user_id=" + adminId).json().get("credentials")
                .findValuesAsString("id")).contains(id);

        assertThat(admin.delete("/v3/credentials/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/v3/credentials/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/v3/credentials/" + id).status()).isEqualTo(404);
    }

    @Test
    void anEc2CredentialsIdIsTheSha256OfItsFirstAccessKeyAndStaysWhenTheKeysChange() {
        JsonNode cred = create(admin, Map.of("type", "ec2", "blob", "{\"access\": \"AKIA1\", \"secret\": \"s\"}",
                "user_id", adminId, "project_id", adminProjectId));
        assertThat(cred.get("id").asString()).isEqualTo("7ad58bffb960bd1f7465d16ad5c8735ac2aa4129fe95e77cec5536dd0629ad7d");
        assertThat(admin.post("/v3/credentials", Map.of("credential", Map.of("type", "ec2",
                "blob", "{\"access\": \"AKIA1\", \"secret\": \"t\"}", "user_id", adminId, "project_id", adminProjectId)))
                .status()).isEqualTo(409);
        var updated = admin.patch("/v3/credentials/" + cred.get("id").asString(), Map.of("credential",
                Map.of("blob", "{\"access\": \"AKIA2\", \"secret\": \"u\"}")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("credential").get("id").asString()).isEqualTo(cred.get("id").asString());
        assertThat(admin.patch("/v3/credentials/" + cred.get("id").asString(), Map.of("credential",
                Map.of("blob", "{\"secret\": \"no access key\"}"))).status()).isEqualTo(400);
    }

    @Test
    void anEc2CredentialNeedsJsonWithAnAccessKeyAndAProject() {
        assertThat(admin.post("/v3/credentials", Map.of("credential", Map.of("type", "ec2", "blob", "not json",
                "user_id", adminId, "project_id", adminProjectId))).status()).isEqualTo(400);
        assertThat(admin.post("/v3/credentials", Map.of("credential", Map.of("type", "ec2", "blob", "{\"secret\": 1}",
                "user_id", adminId, "project_id", adminProjectId))).status()).isEqualTo(400);
        assertThat(admin.post("/v3/credentials", Map.of("credential", Map.of("type", "ec2",
                "blob", "{\"access\": \"AKIA3\"}", "user_id", adminId))).status()).isEqualTo(400);
    }

    @Test
    void malformedCredentialBodiesAreClear400s() {
        assertThat(admin.post("/v3/credentials", "{not json").status()).isEqualTo(400);
        assertThat(admin.post("/v3/credentials", Map.of("credential", "x")).status()).isEqualTo(400);
        assertThat(admin.post("/v3/credentials", Map.of("credential", Map.of("type", "cert", "user_id", adminId)))
                .status()).isEqualTo(400);
        assertThat(admin.post("/v3/credentials", Map.of("credential", Map.of("type", "cert", "blob", 5,
                "user_id", adminId))).status()).isEqualTo(400);
        String id = create(admin, Map.of("type", "cert", "blob", "b", "user_id", adminId)).get("id").asString();
        assertThat(admin.patch("/v3/credentials/" + id, Map.of("credential", Map.of())).status()).isEqualTo(400);
    }

    @Test
    void aNonAdminSeesAndManagesOnlyTheirOwnCredentials() {
        String others = create(admin, Map.of("type", "cert", "blob", "theirs", "user_id", "someone-else"))
                .get("id").asString();
        ApiClient reader = readerOnly("reader-for-credentials");
        assertThat(reader.get("/v3/credentials/" + others).status()).isEqualTo(403);
        assertThat(reader.delete("/v3/credentials/" + others).status()).isEqualTo(403);
        assertThat(reader.post("/v3/credentials", Map.of("credential", Map.of("type", "cert", "blob", "x",
                "user_id", "someone-else"))).status()).isEqualTo(403);
        String mine = create(reader, Map.of("type", "cert", "blob", "mine", "user_id", adminId)).get("id").asString();
        var listed = reader.get("/v3/credentials").json().get("credentials").findValuesAsString("id");
        assertThat(listed).contains(mine).doesNotContain(others);
        assertThat(reader.delete("/v3/credentials/" + mine).status()).isEqualTo(204);
    }

    @Test
    void anEc2CredentialIsCreatedListedShownAndDeletedByAccessKey() {
        String base = "/v3/users/" + adminId + "/credentials/OS-EC2";
        var reply = admin.post(base, Map.of("tenant_id", adminProjectId));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode cred = reply.json().get("credential");
        String access = cred.get("access").asString();
        assertThat(access).isNotBlank();
        assertThat(cred.get("secret").asString()).isNotBlank();
        assertThat(cred.get("user_id").asString()).isEqualTo(adminId);
        assertThat(cred.get("tenant_id").asString()).isEqualTo(adminProjectId);
        assertThat(cred.get("trust_id").isNull()).isTrue();
        assertThat(cred.get("links").get("self").asString()).endsWith(base + "/" + access);

        assertThat(admin.get(base).json().get("credentials").findValuesAsString("access")).contains(access);
        assertThat(admin.get(base + "/" + access).json().get("credential").get("secret").asString())
                .isEqualTo(cred.get("secret").asString());
        JsonNode stored = admin.get("/v3/credentials/" + CredentialApi.sha256(access)).json().get("credential");
        assertThat(stored.get("type").asString()).isEqualTo("ec2");

        assertThat(admin.delete(base + "/" + access).status()).isEqualTo(204);
        assertThat(admin.get(base + "/" + access).status()).isEqualTo(404);
        assertThat(admin.delete(base + "/" + access).status()).isEqualTo(404);
    }

    @Test
    void anEc2CredentialForAnUnknownProjectOrUserIs404AndWithoutATenantIs400() {
        String base = "/v3/users/" + adminId + "/credentials/OS-EC2";
        assertThat(admin.post(base, Map.of("tenant_id", "no-such-project")).status()).isEqualTo(404);
        assertThat(admin.post("/v3/users/no-such-user/credentials/OS-EC2", Map.of("tenant_id", adminProjectId))
                .status()).isEqualTo(404);
        assertThat(admin.post(base, Map.of()).status()).isEqualTo(400);
        assertThat(admin.post(base, "{not json").status()).isEqualTo(400);
    }

    @Test
    void aNonAdminCannotTouchAnotherUsersEc2Credentials() {
        ApiClient reader = readerOnly("reader-for-ec2");
        assertThat(reader.get("/v3/users/someone-else/credentials/OS-EC2").status()).isEqualTo(403);
        assertThat(reader.post("/v3/users/someone-else/credentials/OS-EC2", Map.of("tenant_id", adminProjectId))
                .status()).isEqualTo(403);
        assertThat(server.client().get("/v3/credentials").status()).isEqualTo(401);
    }
}
