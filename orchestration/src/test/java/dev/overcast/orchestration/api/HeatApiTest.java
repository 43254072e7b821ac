package dev.overcast.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

class HeatApiTest {
    private static final String ONE = """
            heat_template_version: 2016-10-14
            parameters:
              size:
                type: number
                default: 3
                constraints:
                  - range: {min: 1, max: 10}
            resources:
              a:
                type: OS::Heat::None
            """;

    private final OrchestrationServer server = new OrchestrationServer();
    private final ApiClient alice = server.member("alice", "p1");

    @AfterEach
    void close() {
        server.close();
    }

    private String create(String name) throws InterruptedException {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", name, "template", ONE));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("stack").get("id").asString();
        server.service().engine().awaitIdle(id);
        return id;
    }

    @Test
    void versionDiscoveryListsV1() {
        var reply = server.client().get("/");
        assertThat(reply.status()).isEqualTo(300);
        assertThat(reply.json().get("versions").get(0).get("id").asString()).isEqualTo("v1.0");
        assertThat(alice.get("/v1/p1/build_info").json().has("engine")).isTrue();
    }

    @Test
    void aMissingStackAnswersHeatsFaultBody() {
        var reply = alice.get("/v1/p1/stacks/nope");
        assertThat(reply.status()).isEqualTo(404);
        JsonNode body = reply.json();
        assertThat(body.get("code").asInt()).isEqualTo(404);
        assertThat(body.get("title").asString()).isEqualTo("Not Found");
        assertThat(body.get("explanation").asString()).isEqualTo("The resource could not be found.");
        assertThat(body.get("error").get("type").asString()).isEqualTo("EntityNotFound");
        assertThat(body.get("error").get("message").asString()).isEqualTo("The Stack (nope) could not be found.");
        assertThat(body.get("error").get("traceback").isNull()).isTrue();
    }

    @Test
    void anotherProjectInTheUrlIsForbidden() {
        assertThat(alice.get("/v1/p2/stacks").status()).isEqualTo(403);
        assertThat(server.admin().get("/v1/p2/stacks").status()).isEqualTo(200);
    }

    @Test
    void readersMayListButNotCreate() {
        ApiClient reader = server.reader("rita", "p1");
        assertThat(reader.get("/v1/p1/stacks").status()).isEqualTo(200);
        assertThat(reader.post("/v1/p1/stacks", Map.of("stack_name", "x", "template", ONE)).status()).isEqualTo(403);
    }

    @Test
    void templateErrorsCarryTheTemplateLayersType() {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "x", "template", ONE,
                "parameters", Map.of("size", 11)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("type").asString()).isEqualTo("StackValidationFailed");
        var unknown = alice.post("/v1/p1/stacks", Map.of("stack_name", "x", "template",
                "heat_template_version: 2016-10-14\nresources:\n  r:\n    type: OS::Nope\n"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").get("message").asString())
                .isEqualTo("Failed to validate: resources.r: The Resource Type (OS::Nope) could not be found.");
        var property = alice.post("/v1/p1/stacks", Map.of("stack_name", "x", "template",
                "heat_template_version: 2016-10-14\nresources:\n  r:\n    type: OS::Heat::RandomString\n"
                        + "    properties:\n      length: 0\n"));
        assertThat(property.status()).isEqualTo(400);
        assertThat(property.json().get("error").get("message").asString())
                .isEqualTo("Property error: resources.r.properties.length: 0 is out of range (min: 1, max: 512)");
        var attribute = alice.post("/v1/p1/stacks", Map.of("stack_name", "x", "template",
                "heat_template_version: 2016-10-14\nresources:\n  r:\n    type: OS::Heat::RandomString\n"
                        + "outputs:\n  o:\n    value: {get_attr: [r, nope]}\n"));
        assertThat(attribute.status()).isEqualTo(400);
        assertThat(attribute.json().get("error").get("type").asString()).isEqualTo("InvalidTemplateAttribute");
        assertThat(attribute.json().get("error").get("message").asString())
                .isEqualTo("The Referenced Attribute (r nope) is incorrect.");
        assertThat(alice.get("/v1/p1/stacks").json().get("stacks")).isEmpty();
    }

    /** Regression: heat's gabbi API tests poll the Location a create answers with; it was missing. */
    @Test
    void aCreateAnswersWithTheStacksUrlInLocation() throws Exception {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "located", "template", ONE));
        assertThat(reply.status()).isEqualTo(201);
        String self = reply.json().at("/stack/links/0/href").asString();
        assertThat(reply.header("Location")).isEqualTo(self).endsWith("/stacks/located/"
                + reply.json().at("/stack/id").asString());
        server.service().engine().awaitIdle(reply.json().at("/stack/id").asString());
    }

    @Test
    void aStackNameIsUniqueInItsProject() throws Exception {
        create("dup");
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "dup", "template", ONE));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("error").get("type").asString()).isEqualTo("StackExists");
        assertThat(server.member("bob", "p2").post("/v1/p2/stacks",
                Map.of("stack_name", "dup", "template", ONE)).status()).isEqualTo(201);
    }

    @Test
    void concurrentCreatesOfOneNameMakeOneStack() throws Exception {
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                executor.execute(() -> statuses.add(alice.post("/v1/p1/stacks",
                        Map.of("stack_name", "race", "template", ONE)).status()));
            }
        }
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(alice.get("/v1/p1/stacks").json().get("stacks")).hasSize(1);
    }

    @Test
    void listsFilterSortAndPage() throws Exception {
        create("c");
        create("a");
        create("b");
        List<String> names = names(alice.get("/v1/p1/stacks?sort_keys=stack_name&sort_dir=asc"));
        assertThat(names).containsExactly("a", "b", "c");
        assertThat(names(alice.get("/v1/p1/stacks?name=b"))).containsExactly("b");
        assertThat(names(alice.get("/v1/p1/stacks?status=CREATE_COMPLETE&sort_keys=stack_name"))).hasSize(3);
        var first = alice.get("/v1/p1/stacks?sort_keys=stack_name&sort_dir=asc&limit=2").json().get("stacks");
        assertThat(first).hasSize(2);
        String marker = first.get(1).get("id").asString();
        assertThat(names(alice.get("/v1/p1/stacks?sort_keys=stack_name&sort_dir=asc&marker=" + marker)))
                .containsExactly("c");
        assertThat(alice.get("/v1/p1/stacks?global_tenant=true").status()).isEqualTo(403);
        var global = server.admin().get("/v1/admin/stacks?global_tenant=true").json().get("stacks");
        assertThat(global).hasSize(3);
        assertThat(global.get(0).get("project").asString()).isEqualTo("p1");
    }

    private static List<String> names(ApiClient.Reply reply) {
        List<String> names = new ArrayList<>();
        reply.json().get("stacks").forEach(s -> names.add(s.get("stack_name").asString()));
        return names;
    }

    /** As Heat's: OS::Heat::None stands in for any type through the registry, whatever its properties. */
    @Test
    void noneStandsInForAnyTypeWithItsProperties() {
        Map<String, Object> template = Map.of("heat_template_version", "2016-04-08", "resources", Map.of("pw",
                Map.of("type", "OS::Heat::RandomString", "properties", Map.of("length", 8, "no_such", "x"))));
        Map<String, Object> environment = Map.of("resource_registry",
                Map.of("OS::Heat::RandomString", "OS::Heat::None"));
        var reply = alice.post("/v1/p1/validate", Map.of("template", template, "environment", environment));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/Environment/resource_registry/OS::Heat::RandomString").asString())
                .isEqualTo("OS::Heat::None");
        assertThat(alice.post("/v1/p1/validate", Map.of("template", template)).status())
                .as("RandomString itself refuses no_such").isEqualTo(400);
    }

    /** Regression: heat's gabbi test validates a template whose property needs a parameter with no value. */
    @Test
    void validateAcceptsParametersWithoutValues() {
        var reply = alice.post("/v1/p1/validate", Map.of("template", Map.of("heat_template_version", "2016-04-08",
                "parameters", Map.of("test_val", Map.of("type", "string")),
                "resources", Map.of("test", Map.of("type", "OS::Heat::TestResource",
                        "properties", Map.of("value", Map.of("get_param", "test_val")))))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/Parameters/test_val/Type").asString()).isEqualTo("String");
        var create = alice.post("/v1/p1/stacks", Map.of("stack_name", "no-value", "template", Map.of(
                "heat_template_version", "2016-04-08", "parameters", Map.of("test_val", Map.of("type", "string")),
                "resources", Map.of("test", Map.of("type", "OS::Heat::TestResource",
                        "properties", Map.of("value", Map.of("get_param", "test_val")))))));
        assertThat(create.status()).as("a create still needs the value").isEqualTo(400);
    }

    @Test
    void validateShowsParametersInHeatsShape() {
        var reply = alice.post("/v1/p1/validate", Map.of("template", ONE));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode size = reply.json().get("Parameters").get("size");
        assertThat(size.get("Type").asString()).isEqualTo("Number");
        assertThat(size.get("MinValue").asInt()).isEqualTo(1);
        assertThat(reply.json().get("Description").asString()).isEqualTo("No description");
        assertThat(reply.json().get("Environment")).as("Heat's user_env_as_dict").isEqualTo(Json.parse("""
                {"parameters": {}, "parameter_defaults": {}, "resource_registry": {"resources": {}},
                 "event_sinks": []}"""));
        assertThat(alice.post("/v1/p1/validate", Map.of()).json().get("error").get("message").asString())
                .isEqualTo("No template specified");
    }

    @Test
    void resourceTypesListShowAndGenerateTemplates() {
        var all = alice.get("/v1/p1/resource_types").json().get("resource_types");
        assertThat(all.toString()).contains("OS::Heat::TestResource", "OS::Heat::RandomString");
        assertThat(alice.get("/v1/p1/resource_types?name=OS::Heat::R").json().get("resource_types").toString())
                .contains("RandomString").doesNotContain("TestResource");
        var schema = alice.get("/v1/p1/resource_types/OS::Heat::RandomString").json();
        assertThat(schema.get("properties").get("length").get("default").asInt()).isEqualTo(32);
        assertThat(schema.get("attributes").has("value")).isTrue();
        var missing = alice.get("/v1/p1/resource_types/OS::Nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").get("message").asString())
                .isEqualTo("The Resource Type (OS::Nope) could not be found.");
        var template = alice.get("/v1/p1/resource_types/OS::Heat::Value/template?template_type=hot").json();
        assertThat(template.get("resources").get("Value").get("type").asString()).isEqualTo("OS::Heat::Value");
    }

    @Test
    void templateVersionsAndTheirFunctions() {
        var versions = alice.get("/v1/p1/template_versions").json().get("template_versions");
        assertThat(versions.toString()).contains("heat_template_version.2021-04-16");
        var functions = alice.get("/v1/p1/template_versions/heat_template_version.2016-10-14/functions").json();
        assertThat(functions.get("template_functions").toString()).contains("get_attr").doesNotContain("\"filter\"");
        assertThat(alice.get("/v1/p1/template_versions/nope/functions").status()).isEqualTo(404);
    }

    @Test
    void notBuiltActionsAnswer501() throws Exception {
        String id = create("n");
    }

    @Test
    void previewShowsTheResourcesWithoutCreatingAnything() {
        var reply = alice.post("/v1/p1/stacks/preview", Map.of("stack_name", "p", "template", ONE));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("stack").get("resources").get(0).get("resource_name").asString()).isEqualTo("a");
        assertThat(alice.get("/v1/p1/stacks").json().get("stacks")).isEmpty();
    }

    @Test
    void eventsFilterByResourceAndStatus() throws Exception {
        String id = create("e");
        String path = "/v1/p1/stacks/e/" + id;
        var events = alice.get(path + "/events?resource_status=COMPLETE").json().get("events");
        List<String> seen = new ArrayList<>();
        events.forEach(e -> seen.add(e.get("resource_name").asString() + " " + e.get("resource_status").asString()));
        assertThat(seen).containsExactly("a CREATE_COMPLETE", "e CREATE_COMPLETE");
        var forA = alice.get(path + "/resources/a/events").json().get("events");
        assertThat(forA).hasSize(2);
        String eventId = forA.get(0).get("id").asString();
        assertThat(alice.get(path + "/resources/a/events/" + eventId).json().get("event").get("resource_type")
                .asString()).isEqualTo("OS::Heat::None");
        assertThat(alice.get(path + "/events?limit=1&sort_dir=desc").json().get("events").get(0)
                .get("resource_status").asString()).isEqualTo("CREATE_COMPLETE");
    }
}
