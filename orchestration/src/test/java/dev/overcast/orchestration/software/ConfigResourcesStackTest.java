package dev.overcast.orchestration.software;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

/** The config resource types in a stack on the legacy engine, seen through the stack and the config API. */
class ConfigResourcesStackTest {
    private static final String TEMPLATE = """
            heat_template_version: 2018-08-31
            resources:
              cfg:
                type: OS::Heat::SoftwareConfig
                properties:
                  group: script
                  config: |
                    #!/bin/sh
                    echo hello
                  inputs:
                    - name: who
                  outputs:
                    - name: result
              cloud:
                type: OS::Heat::CloudConfig
                properties:
                  cloud_config:
                    runcmd:
                      - echo one
                    package_update: true
              mime:
                type: OS::Heat::MultipartMime
                properties:
                  parts:
                    - config: {get_resource: cloud}
                    - config: {get_resource: cfg}
                      filename: hello.sh
                      subtype: x-shellscript
                    - config: inline text
            outputs:
              script:
                value: {get_attr: [cfg, config]}
              cloud:
                value: {get_attr: [cloud, config]}
              mime:
                value: {get_attr: [mime, config]}
              cfg_id:
                value: {get_resource: cfg}
            """;

    private final OrchestrationServer server = new OrchestrationServer();
    private final ApiClient alice = server.member("alice", "p1");

    @AfterEach
    void close() {
        server.close();
    }

    private String createStack(String name, String template) throws InterruptedException {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", name, "template", template));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("stack").get("id").asString();
        server.service().engine().awaitIdle(id);
        return "/v1/p1/stacks/" + name + "/" + id;
    }

    @Test
    void theThreeConfigTypesStoreConfigsThatOutputsAndTheApiShow() throws Exception {
        String path = createStack("configs", TEMPLATE);
        JsonNode stack = alice.get(path).json().get("stack");
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).isEqualTo("CREATE_COMPLETE");
        Map<String, JsonNode> outputs = new HashMap<>();
        stack.get("outputs").forEach(o -> outputs.put(o.get("output_key").asString(), o.get("output_value")));

        assertThat(outputs.get("script").asString()).isEqualTo("#!/bin/sh\necho hello\n");
        assertThat(outputs.get("cloud").asString())
                .isEqualTo("#cloud-config\npackage_update: true\nruncmd:\n- echo one\n");
        String mime = outputs.get("mime").asString();
        assertThat(mime).startsWith("Content-Type: multipart/mixed; boundary=\"===============");
        assertThat(mime).contains("Content-Type: text/plain; charset=\"us-ascii\"\nMIME-Version: 1.0\n"
                + "Content-Transfer-Encoding: 7bit\n\n#cloud-config\npackage_update: true\n");
        assertThat(mime).contains("Content-Type: text/x-shellscript; charset=\"us-ascii\"\nMIME-Version: 1.0\n"
                + "Content-Transfer-Encoding: 7bit\nContent-Disposition: attachment; filename=\"hello.sh\"\n\n"
                + "#!/bin/sh\necho hello\n");
        assertThat(mime).contains("\n\ninline text\n--");
        assertThat(mime).endsWith("==--\n");

        String cfgId = outputs.get("cfg_id").asString();
        JsonNode cfg = alice.get("/v1/p1/software_configs/" + cfgId).json().get("software_config");
        assertThat(cfg.get("group").asString()).isEqualTo("script");
        assertThat(cfg.get("name").asString()).startsWith("configs-cfg-");
        assertThat(cfg.get("inputs").toString()).isEqualTo("[{\"name\":\"who\",\"type\":\"String\"}]");
        assertThat(cfg.get("outputs").toString())
                .isEqualTo("[{\"name\":\"result\",\"type\":\"String\",\"error_output\":false}]");
        assertThat(alice.get("/v1/p1/software_configs").json().get("software_configs").size()).isEqualTo(3);

        assertThat(alice.delete(path).status()).isEqualTo(204);
        server.service().engine().awaitIdle(path.substring(path.lastIndexOf('/') + 1));
        assertThat(alice.get("/v1/p1/software_configs").json().get("software_configs").size()).isZero();
    }

    @Test
    void aMultipartPartExpandsAnotherMultipartMessage() throws Exception {
        String template = """
                heat_template_version: 2018-08-31
                resources:
                  inner:
                    type: OS::Heat::MultipartMime
                    properties:
                      parts:
                        - config: "échec"
                          filename: a.txt
                        - config: second
                  outer:
                    type: OS::Heat::MultipartMime
                    properties:
                      parts:
                        - config: {get_resource: inner}
                          type: multipart
                outputs:
                  outer:
                    value: {get_attr: [outer, config]}
                """;
        String path = createStack("nested", template);
        JsonNode stack = alice.get(path).json().get("stack");
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).isEqualTo("CREATE_COMPLETE");
        String outer = stack.get("outputs").get(0).get("output_value").asString();
        assertThat(outer).contains("Content-Type: text/a; charset=\"utf-8\"\nMIME-Version: 1.0\n"
                + "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"a.txt\"\n\nw6ljaGVj\n");
        assertThat(outer).contains("\n\nsecond\n--");
    }

    @Test
    void deploymentTypesAreNotOffered() {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "deploy", "template", """
                heat_template_version: 2018-08-31
                resources:
                  d:
                    type: OS::Heat::SoftwareDeployment
                    properties:
                      server: x
                """));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("message").asString())
                .contains("The Resource Type (OS::Heat::SoftwareDeployment) could not be found.");
        assertThat(alice.get("/v1/p1/resource_types/OS::Heat::StructuredDeployment").status()).isEqualTo(404);
        assertThat(alice.get("/v1/p1/resource_types/OS::Heat::CloudConfig").status()).isEqualTo(200);
    }
}
