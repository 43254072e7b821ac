package dev.overcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The application stack, on each engine, as a user writes it: three servers in a server
 * group, a random string, and a nested ResourceGroup of servers that an update scales from three
 * to five and back; deleting the stack leaves no server or group behind in Compute.
 */
class ApplicationStackTest {
    static final String TEMPLATE = """
            heat_template_version: 2018-08-31
            parameters:
              size:
                type: number
                default: 3
              image:
                type: string
                constraints:
                  - custom_constraint: glance.image
            resources:
              group:
                type: OS::Nova::ServerGroup
                properties:
                  policies: [soft-anti-affinity]
              secret:
                type: OS::Heat::RandomString
                properties:
                  length: 10
              app0:
                type: OS::Nova::Server
                properties: &app
                  image: {get_param: image}
                  flavor: m1.tiny
                  networks: [{allocate_network: none}]
                  scheduler_hints: {group: {get_resource: group}}
                  metadata: {secret: {get_attr: [secret, value]}}
              app1:
                type: OS::Nova::Server
                properties: *app
              app2:
                type: OS::Nova::Server
                properties: *app
              workers:
                type: OS::Heat::ResourceGroup
                properties:
                  count: {get_param: size}
                  resource_def:
                    type: OS::Nova::Server
                    properties:
                      name: worker-%index%
                      image: {get_param: image}
                      flavor: m1.tiny
                      networks: [{allocate_network: none}]
            outputs:
              workers:
                value: {get_attr: [workers, refs]}
              app_ids:
                value: [{get_resource: app0}, {get_resource: app1}, {get_resource: app2}]
            """;

    @ParameterizedTest
    @ValueSource(strings = {"convergence", "legacy"})
    void threeServersAGroupASecretAndAScaledResourceGroup(String engine, @TempDir Path dir) throws Exception {
        try (Overcast overcast = Overcast.start(ComputeEndToEndTest.config(dir,
                Map.of("orchestration", Map.of("default_engine", engine))))) {
            Reply token = new ApiClient(overcast.url() + "/identity").post("/v3/auth/tokens", Map.of("auth",
                    Map.of("identity", Map.of("methods", List.of("password"), "password", Map.of("user",
                                    Map.of("name", "admin", "domain", Map.of("id", "default"), "password", "pw"))),
                            "scope", Map.of("project", Map.of("name", "admin", "domain", Map.of("id", "default"))))));
            String t = token.header("X-Subject-Token");
            String project = token.json().at("/token/project/id").asString();
            ApiClient heat = new ApiClient(overcast.url() + "/orchestration/v1/" + project).withToken(t);
            ApiClient nova = new ApiClient(overcast.url() + "/compute/v2.1").withToken(t)
                    .withHeader("OpenStack-API-Version", "compute 2.64");
            String image = new ApiClient(overcast.url() + "/image").withToken(t).get("/v2/images").json()
                    .at("/images/0/name").asString();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    nova.get("/os-hypervisors").json().path("hypervisors").size() == 3);

            Reply created = heat.post("/stacks", Map.of("stack_name", "app", "template", TEMPLATE,
                    "parameters", Map.of("image", image)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String path = "/stacks/app/" + created.json().at("/stack/id").asString();
            assertThat(settle(heat, path)).isEqualTo("CREATE_COMPLETE");
            assertThat(servers(nova)).hasSize(6);
            assertThat(workers(heat, path)).hasSize(3);
            JsonNode group = nova.get("/os-server-groups").json().path("server_groups").get(0);
            assertThat(group.path("members")).hasSize(3);
            String secret = nova.get("/servers/" + outputs(heat, path).get("app_ids").get(0).asString()).json()
                    .at("/server/metadata/secret").asString();
            assertThat(secret).hasSize(10);
            List<String> firstWorkers = workers(heat, path);

            assertThat(heat.patch(path, Map.of("parameters", Map.of("size", 5))).status()).isEqualTo(202);
            assertThat(settle(heat, path)).isEqualTo("UPDATE_COMPLETE");
            assertThat(servers(nova)).hasSize(8);
            assertThat(workers(heat, path)).hasSize(5).containsAll(firstWorkers);

            assertThat(heat.patch(path, Map.of("parameters", Map.of("size", 3))).status()).isEqualTo(202);
            assertThat(settle(heat, path)).isEqualTo("UPDATE_COMPLETE");
            assertThat(servers(nova)).hasSize(6);
            assertThat(workers(heat, path)).containsExactlyElementsOf(firstWorkers);
            // The servers outside the group were left as they were.
            assertThat(nova.get("/servers/" + outputs(heat, path).get("app_ids").get(0).asString()).json()
                    .at("/server/metadata/secret").asString()).isEqualTo(secret);

            JsonNode nested = heat.get(path + "/resources?nested_depth=2").json().path("resources");
            assertThat(nested).hasSize(6 + 3);

            assertThat(heat.delete(path).status()).isEqualTo(204);
            assertThat(settle(heat, path)).isEqualTo("DELETE_COMPLETE");
            assertThat(servers(nova)).isEmpty();
            assertThat(nova.get("/os-server-groups").json().path("server_groups")).isEmpty();
            assertThat(heat.get("/stacks?show_nested=true").json().path("stacks")).isEmpty();
        }
    }

    private static String settle(ApiClient heat, String path) {
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            status[0] = heat.get(path).json().at("/stack/stack_status").asString();
            return !status[0].endsWith("_IN_PROGRESS");
        });
        return status[0];
    }

    private static List<String> servers(ApiClient nova) {
        List<String> ids = new ArrayList<>();
        nova.get("/servers").json().path("servers").forEach(s -> ids.add(s.path("id").asString()));
        return ids;
    }

    private static Map<String, JsonNode> outputs(ApiClient heat, String path) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        heat.get(path).json().at("/stack/outputs").forEach(o -> out.put(o.path("output_key").asString(),
                o.path("output_value")));
        return out;
    }

    private static List<String> workers(ApiClient heat, String path) {
        List<String> ids = new ArrayList<>();
        outputs(heat, path).get("workers").forEach(id -> ids.add(id.asString()));
        return ids;
    }
}
