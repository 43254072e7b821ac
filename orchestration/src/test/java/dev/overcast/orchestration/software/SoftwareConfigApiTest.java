package dev.overcast.orchestration.software;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

class SoftwareConfigApiTest {
    private final OrchestrationServer server = new OrchestrationServer();
    private final ApiClient alice = server.member("alice", "p1");
    private final ApiClient bob = server.member("bob", "p2");

    @AfterEach
    void close() {
        server.close();
    }

    private JsonNode create(ApiClient client, String project, Map<String, Object> body) {
        var reply = client.post("/v1/" + project + "/software_configs", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("software_config");
    }

    @Test
    void aCreatedConfigShowsEveryFieldWithInputsAndOutputsNormalisedAsHeatStoresThem() {
        JsonNode c = create(alice, "p1", Map.of("name", "cfg", "group", "script", "config", "#!/bin/sh\necho hi",
                "inputs", List.of(Map.of("name", "foo"), Map.of("name", "bar", "type", "Number", "default", 3,
                        "replace_on_change", true)),
                "outputs", List.of(Map.of("name", "result", "description", "what came out")),
                "options", Map.of("debug", true)));
        assertThat(c.get("id").asString()).hasSize(36);
        assertThat(c.get("name").asString()).isEqualTo("cfg");
        assertThat(c.get("group").asString()).isEqualTo("script");
        assertThat(c.get("config").asString()).isEqualTo("#!/bin/sh\necho hi");
        assertThat(c.get("creation_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(c.get("inputs").toString()).isEqualTo("[{\"name\":\"foo\",\"type\":\"String\"},"
                + "{\"name\":\"bar\",\"type\":\"Number\",\"default\":3,\"replace_on_change\":true}]");
        assertThat(c.get("outputs").toString()).isEqualTo(
                "[{\"name\":\"result\",\"description\":\"what came out\",\"type\":\"String\",\"error_output\":false}]");
        assertThat(c.get("options").get("debug").asBoolean()).isTrue();

        JsonNode shown = alice.get("/v1/p1/software_configs/" + c.get("id").asString()).json().get("software_config");
        assertThat(shown).isEqualTo(c);
    }

    @Test
    void aConfigWithoutGroupIsUngroupedAndOneWithNothingElseHasEmptyInputsAndOutputs() {
        JsonNode c = create(alice, "p1", Map.of("config", "x"));
        assertThat(c.get("group").asString()).isEqualTo("Heat::Ungrouped");
        assertThat(c.get("name").isNull()).isTrue();
        assertThat(c.get("inputs").size()).isZero();
        assertThat(c.get("outputs").size()).isZero();
        assertThat(c.get("options").isNull()).isTrue();
    }

    @Test
    void theListShowsSummariesOldestFirstAndPagesByLimitAndMarker() {
        String a = create(alice, "p1", Map.of("name", "a", "config", "1")).get("id").asString();
        String b = create(alice, "p1", Map.of("name", "b", "config", "2")).get("id").asString();
        String c = create(alice, "p1", Map.of("name", "c", "config", "3")).get("id").asString();
        JsonNode all = alice.get("/v1/p1/software_configs").json().get("software_configs");
        assertThat(all.size()).isEqualTo(3);
        assertThat(all.get(0).has("config")).isFalse();
        assertThat(all.get(0).has("project")).isFalse();
        assertThat(all.get(0).get("group").asString()).isEqualTo("Heat::Ungrouped");
        java.util.Set<String> ids = new java.util.HashSet<>();
        all.forEach(x -> ids.add(x.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(a, b, c);

        JsonNode first = alice.get("/v1/p1/software_configs?limit=1").json().get("software_configs");
        assertThat(first.size()).isEqualTo(1);
        String marker = first.get(0).get("id").asString();
        JsonNode rest = alice.get("/v1/p1/software_configs?marker=" + marker).json().get("software_configs");
        assertThat(rest.size()).isEqualTo(2);
        assertThat(rest.toString()).doesNotContain(marker);

        var bad = alice.get("/v1/p1/software_configs?limit=x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").get("message").asString()).contains("limit");
    }

    @Test
    void anotherProjectsConfigIsNotFoundAndNotListed() {
        String id = create(alice, "p1", Map.of("name", "mine", "config", "x")).get("id").asString();
        var shown = bob.get("/v1/p2/software_configs/" + id);
        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.json().get("error").get("type").asString()).isEqualTo("NotFound");
        assertThat(shown.json().get("error").get("message").asString())
                .isEqualTo("Software config with id " + id + " not found");
        assertThat(bob.delete("/v1/p2/software_configs/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/v1/p2/software_configs").json().get("software_configs").size()).isZero();
        assertThat(bob.get("/v1/p1/software_configs").status()).isEqualTo(403);
        assertThat(alice.get("/v1/p1/software_configs/" + id).status()).isEqualTo(200);
    }

    @Test
    void anAdminSeesEveryProjectsConfigsWithTheirProject() {
        String id = create(alice, "p1", Map.of("name", "mine", "config", "x")).get("id").asString();
        JsonNode listed = server.admin().get("/v1/admin/software_configs").json().get("software_configs");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("project").asString()).isEqualTo("p1");
        assertThat(server.admin().get("/v1/admin/software_configs/" + id).status()).isEqualTo(200);
        assertThat(alice.get("/v1/p1/software_configs?global_tenant=true").status()).isEqualTo(403);
        assertThat(server.admin().get("/v1/admin/software_configs?global_tenant=true").json()
                .get("software_configs").get(0).get("project").asString()).isEqualTo("p1");
        assertBad(server.admin().get("/v1/admin/software_configs?global_tenant=maybe"), "acceptable values");
    }

    @Test
    void readersMayReadButNotCreateOrDelete() {
        String id = create(alice, "p1", Map.of("config", "x")).get("id").asString();
        ApiClient reader = server.reader("rita", "p1");
        assertThat(reader.get("/v1/p1/software_configs/" + id).status()).isEqualTo(200);
        assertThat(reader.get("/v1/p1/software_configs").status()).isEqualTo(200);
        assertThat(reader.post("/v1/p1/software_configs", Map.of("config", "y")).status()).isEqualTo(403);
        assertThat(reader.delete("/v1/p1/software_configs/" + id).status()).isEqualTo(403);
        assertThat(server.client().get("/v1/p1/software_configs").status()).isEqualTo(401);
    }

    @Test
    void aDeletedConfigIsGone() {
        String id = create(alice, "p1", Map.of("config", "x")).get("id").asString();
        assertThat(alice.delete("/v1/p1/software_configs/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/v1/p1/software_configs/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("/v1/p1/software_configs/" + id).status()).isEqualTo(404);
    }

    @Test
    void badBodiesAre400sInHeatsFaultShape() {
        assertBad(alice.post("/v1/p1/software_configs", "{not json"), "not valid JSON");
        assertBad(alice.post("/v1/p1/software_configs", List.of(1)), "JSON object");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("inputs", "foo")), "must be in a list");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("inputs", List.of("foo"))), "must be a dict");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("inputs", List.of(Map.of("type", "String")))),
                "Property name not assigned");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("outputs", List.of(Map.of("name", "o", "colour", 1)))),
                "Unknown Property colour");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("inputs", List.of(Map.of("name", "i", "type", "Int")))),
                "not an allowed value");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("outputs",
                List.of(Map.of("name", "o", "error_output", "maybe")))), "acceptable values are: true, false");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("name", List.of())), "name must be a string");
        assertBad(alice.post("/v1/p1/software_configs", Map.of("options", "x")), "options must be a map");
        assertThat(alice.get("/v1/p1/software_configs").json().get("software_configs").size()).isZero();
    }

    static void assertBad(dev.overcast.testkit.ApiClient.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(400);
        assertThat(reply.json().get("title").asString()).isEqualTo("Bad Request");
        assertThat(reply.json().get("error").get("message").asString()).contains(message);
    }
}
