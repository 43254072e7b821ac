package dev.overcast.orchestration.software;

import static dev.overcast.orchestration.software.SoftwareConfigApiTest.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

class SoftwareDeploymentApiTest {
    private final OrchestrationServer server = new OrchestrationServer();
    private final ApiClient alice = server.member("alice", "p1");
    private final ApiClient bob = server.member("bob", "p2");

    @AfterEach
    void close() {
        server.close();
    }

    private String config(ApiClient client, String project, String name) {
        var reply = client.post("/v1/" + project + "/software_configs", Map.of("name", name, "group", "script",
                "config", "#!/bin/sh -x\necho " + name));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("software_config").get("id").asString();
    }

    private JsonNode deploy(ApiClient client, String project, Map<String, Object> body) {
        var reply = client.post("/v1/" + project + "/software_deployments", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("software_deployment");
    }

    /** Every request of heat-tempest-plugin's softwareconfig.yaml gabbi file, in order. */
    @Test
    void theHeatTempestGabbiFlowPasses() {
        var created = alice.post("/v1/p1/software_configs", Map.of("name", "gabbi-config", "group", "script",
                "config", "#!/bin/sh -x\\necho hello"));
        assertThat(created.status()).isEqualTo(200);
        String configUrl = "/v1/p1/software_configs/" + created.json().get("software_config").get("id").asString();
        var shownConfig = alice.get(configUrl);
        assertThat(shownConfig.status()).isEqualTo(200);
        assertThat(shownConfig.json().get("software_config").get("group").asString()).isEqualTo("script");

        var deployed = alice.post("/v1/p1/software_deployments", Map.of("action", "ACTION0",
                "config_id", shownConfig.json().get("software_config").get("id").asString(),
                "server_id", "dummy_server"));
        assertThat(deployed.status()).isEqualTo(200);
        String deploymentUrl = "/v1/p1/software_deployments/"
                + deployed.json().get("software_deployment").get("id").asString();
        var shown = alice.get(deploymentUrl);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("software_deployment").get("action").asString()).isEqualTo("ACTION0");

        var metadata = alice.get("/v1/p1/software_deployments/metadata/"
                + shown.json().get("software_deployment").get("server_id").asString());
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("metadata").get(0).get("group").asString()).isEqualTo("script");

        var updated = alice.put(deploymentUrl, Map.of("action", "ACTION1", "status", "COMPLETE",
                "status_reason", "completed"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("software_deployment").get("action").asString()).isEqualTo("ACTION1");

        String configId = updated.json().get("software_deployment").get("config_id").asString();
        var configs = alice.get("/v1/p1/software_configs");
        assertThat(configs.status()).isEqualTo(200);
        assertThat(find(configs.json().get("software_configs"), configId).get("group").asString()).isEqualTo("script");

        var deployments = alice.get("/v1/p1/software_deployments");
        assertThat(deployments.status()).isEqualTo(200);
        assertThat(find(deployments.json().get("software_deployments"),
                updated.json().get("software_deployment").get("id").asString()).get("server_id").asString())
                .isEqualTo("dummy_server");

        assertThat(alice.delete(deploymentUrl).status()).isEqualTo(204);
        assertThat(alice.delete(configUrl).status()).isEqualTo(204);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    @Test
    void aDeploymentShowsHeatsFieldsAndAnUpdateKeepsWhatItDoesNotGive() {
        String cfg = config(alice, "p1", "a");
        JsonNode d = deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "srv", "action", "CREATE",
                "status", "IN_PROGRESS", "status_reason", "Deploy data available",
                "input_values", Map.of("foo", "bar")));
        assertThat(d.get("config_id").asString()).isEqualTo(cfg);
        assertThat(d.get("input_values").get("foo").asString()).isEqualTo("bar");
        assertThat(d.get("output_values").isNull()).isTrue();
        assertThat(d.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(d.get("status_reason").asString()).isEqualTo("Deploy data available");
        assertThat(d.has("creation_time")).isTrue();
        assertThat(d.has("updated_time")).isFalse();

        String url = "/v1/p1/software_deployments/" + d.get("id").asString();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("status", "COMPLETE");
        update.put("output_values", Map.of("result", "ok"));
        update.put("status_reason", "");
        update.put("action", null);
        JsonNode u = alice.put(url, update).json().get("software_deployment");
        assertThat(u.get("status").asString()).isEqualTo("COMPLETE");
        assertThat(u.get("output_values").get("result").asString()).isEqualTo("ok");
        assertThat(u.get("status_reason").asString()).isEqualTo("Deploy data available");
        assertThat(u.get("action").asString()).isEqualTo("CREATE");
        assertThat(u.get("input_values").get("foo").asString()).isEqualTo("bar");
        assertThat(u.has("updated_time")).isTrue();
        assertThat(alice.get(url).json().get("software_deployment")).isEqualTo(u);

        String other = config(alice, "p1", "b");
        assertThat(alice.put(url, Map.of("config_id", other)).json().get("software_deployment").get("config_id")
                .asString()).isEqualTo(other);
    }

    @Test
    void theListFiltersByServer() {
        String cfg = config(alice, "p1", "a");
        String one = deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "one")).get("id").asString();
        deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "two"));
        assertThat(alice.get("/v1/p1/software_deployments").json().get("software_deployments").size()).isEqualTo(2);
        JsonNode filtered = alice.get("/v1/p1/software_deployments?server_id=one").json().get("software_deployments");
        assertThat(filtered.size()).isEqualTo(1);
        assertThat(filtered.get(0).get("id").asString()).isEqualTo(one);
        assertThat(alice.get("/v1/p1/software_deployments?server_id=three").json().get("software_deployments").size())
                .isZero();
    }

    @Test
    void aServersMetadataIsItsDeployedConfigsInNameOrder() {
        String zeta = config(alice, "p1", "zeta");
        String alpha = config(alice, "p1", "alpha");
        String elsewhere = config(alice, "p1", "beta");
        deploy(alice, "p1", Map.of("config_id", zeta, "server_id", "srv"));
        deploy(alice, "p1", Map.of("config_id", alpha, "server_id", "srv"));
        deploy(alice, "p1", Map.of("config_id", elsewhere, "server_id", "other"));
        JsonNode metadata = alice.get("/v1/p1/software_deployments/metadata/srv").json().get("metadata");
        assertThat(metadata.size()).isEqualTo(2);
        assertThat(metadata.get(0).get("id").asString()).isEqualTo(alpha);
        assertThat(metadata.get(0).get("config").asString()).isEqualTo("#!/bin/sh -x\necho alpha");
        assertThat(metadata.get(0).has("inputs")).isTrue();
        assertThat(metadata.get(1).get("id").asString()).isEqualTo(zeta);
        assertThat(alice.get("/v1/p1/software_deployments/metadata/nothing").json().get("metadata").size()).isZero();
        assertThat(bob.get("/v1/p2/software_deployments/metadata/srv").json().get("metadata").size()).isZero();
    }

    @Test
    void aConfigInUseCannotBeDeletedUntilItsDeploymentIs() {
        String cfg = config(alice, "p1", "a");
        String d = deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "srv")).get("id").asString();
        var refused = alice.delete("/v1/p1/software_configs/" + cfg);
        assertBad(refused, "can not be deleted as it is referenced");
        assertThat(refused.json().get("error").get("type").asString()).isEqualTo("InvalidRestrictedAction");
        assertThat(alice.delete("/v1/p1/software_deployments/" + d).status()).isEqualTo(204);
        assertThat(alice.get("/v1/p1/software_deployments/" + d).status()).isEqualTo(404);
        assertThat(alice.delete("/v1/p1/software_configs/" + cfg).status()).isEqualTo(204);
    }

    @Test
    void anotherProjectsDeploymentsAndConfigsAreNotFound() {
        String cfg = config(alice, "p1", "a");
        String d = deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "srv")).get("id").asString();
        var shown = bob.get("/v1/p2/software_deployments/" + d);
        assertThat(shown.status()).isEqualTo(404);
        assertThat(shown.json().get("error").get("message").asString()).isEqualTo("Deployment with id " + d
                + " not found");
        assertThat(bob.put("/v1/p2/software_deployments/" + d, Map.of("status", "FAILED")).status()).isEqualTo(404);
        assertThat(bob.delete("/v1/p2/software_deployments/" + d).status()).isEqualTo(404);
        assertThat(bob.get("/v1/p2/software_deployments").json().get("software_deployments").size()).isZero();
        assertThat(bob.post("/v1/p2/software_deployments", Map.of("config_id", cfg, "server_id", "x")).status())
                .isEqualTo(404);
        String bobs = config(bob, "p2", "b");
        assertThat(alice.put("/v1/p1/software_deployments/" + d, Map.of("config_id", bobs)).status()).isEqualTo(404);
        assertThat(alice.get("/v1/p1/software_deployments/" + d).json().get("software_deployment").get("config_id")
                .asString()).isEqualTo(cfg);
    }

    @Test
    void theStackUsersProjectSeesTheDeployment() {
        String cfg = config(alice, "p1", "a");
        String d = deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "srv", "stack_user_project_id", "p2"))
                .get("id").asString();
        assertThat(bob.get("/v1/p2/software_deployments/" + d).status()).isEqualTo(200);
        assertThat(bob.get("/v1/p2/software_deployments?server_id=srv").json().get("software_deployments").size())
                .isEqualTo(1);
    }

    @Test
    void readersMayReadButNotChange() {
        String cfg = config(alice, "p1", "a");
        String d = deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "srv")).get("id").asString();
        ApiClient reader = server.reader("rita", "p1");
        assertThat(reader.get("/v1/p1/software_deployments/" + d).status()).isEqualTo(200);
        assertThat(reader.get("/v1/p1/software_deployments/metadata/srv").status()).isEqualTo(200);
        assertThat(reader.put("/v1/p1/software_deployments/" + d, Map.of("status", "FAILED")).status())
                .isEqualTo(403);
        assertThat(reader.delete("/v1/p1/software_deployments/" + d).status()).isEqualTo(403);
        assertThat(reader.post("/v1/p1/software_deployments", Map.of("config_id", cfg, "server_id", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void badBodiesAre400s() {
        String cfg = config(alice, "p1", "a");
        assertBad(alice.post("/v1/p1/software_deployments", Map.of("server_id", "srv")), "config_id");
        assertBad(alice.post("/v1/p1/software_deployments", Map.of("config_id", cfg)), "server_id");
        assertBad(alice.post("/v1/p1/software_deployments", Map.of("config_id", cfg, "server_id", "s",
                "input_values", List.of(1))), "input_values must be a map");
        assertBad(alice.post("/v1/p1/software_deployments", Map.of("config_id", cfg, "server_id", "s",
                "status", 3)), "status must be a string");
        assertBad(alice.post("/v1/p1/software_deployments", "[]"), "JSON object");
        String d = deploy(alice, "p1", Map.of("config_id", cfg, "server_id", "srv")).get("id").asString();
        assertBad(alice.put("/v1/p1/software_deployments/" + d, Map.of("output_values", "x")),
                "output_values must be a map");
        var missing = alice.post("/v1/p1/software_deployments", Map.of("config_id", "nope", "server_id", "s"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").get("message").asString())
                .isEqualTo("Software config with id nope not found");
    }
}
