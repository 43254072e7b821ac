package dev.overcast.orchestration.nested;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

/** Nested stacks through the Heat API, on the legacy engine. */
/** Nested stacks through the API; each engine's test runs them all. */
abstract class NestedStackScenarios {
    static final String CHILD = """
            heat_template_version: 2018-08-31
            parameters:
              greeting:
                type: string
              fail:
                type: boolean
                default: false
            resources:
              r:
                type: OS::Heat::TestResource
                properties:
                  value: {get_param: greeting}
                  fail: {get_param: fail}
            outputs:
              said:
                value: {get_attr: [r, output]}
            """;

    static final String WITH_STACK = """
            heat_template_version: 2018-08-31
            parameters:
              fail:
                type: boolean
                default: false
            resources:
              nest:
                type: OS::Heat::Stack
                properties:
                  template: {get_file: child.yaml}
                  parameters:
                    greeting: hi
                    fail: {get_param: fail}
            outputs:
              all:
                value: {get_attr: [nest, outputs]}
              one:
                value: {get_attr: [nest, outputs, said]}
              direct:
                value: {get_attr: [nest, said]}
            """;

    static final String GROUP = """
            heat_template_version: 2018-08-31
            parameters:
              count:
                type: number
                default: 3
            resources:
              group:
                type: OS::Heat::ResourceGroup
                properties:
                  count: {get_param: count}
                  resource_def:
                    type: OS::Heat::TestResource
                    properties:
                      value: m-%index%
            outputs:
              refs:
                value: {get_attr: [group, refs]}
              values:
                value: {get_attr: [group, output]}
              second:
                value: {get_attr: [group, resource.1.output]}
              by_name:
                value: {get_attr: [group, attributes, output]}
              third:
                value: {get_attr: [group, resource.2, output]}
            """;

    private final OrchestrationServer server = new OrchestrationServer(java.time.Clock.systemUTC(), engine(),
            "test-engine");

    /** @return the engine under test: {@code legacy} or {@code convergence} */
    abstract String engine();
    private final ApiClient alice = server.member("alice", "p1");

    @AfterEach
    void close() {
        server.close();
    }

    private String create(String name, String template, Map<String, Object> extra) throws InterruptedException {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("stack_name", name);
        body.put("template", template);
        var reply = alice.post("/v1/p1/stacks", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("stack").get("id").asString();
        String path = "/v1/p1/stacks/" + name + "/" + id;
        OrchestrationServer.awaitStack(alice, path);
        return path;
    }

    private JsonNode stack(String path) throws InterruptedException {
        OrchestrationServer.awaitStack(alice, path);
        return alice.get(path).json().get("stack");
    }

    private static Map<String, JsonNode> outputs(JsonNode stack) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        stack.get("outputs").forEach(o -> out.put(o.get("output_key").asString(), o.get("output_value")));
        return out;
    }

    private List<JsonNode> resources(String path, int depth) {
        var reply = alice.get(path + "/resources?nested_depth=" + depth);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        reply.json().get("resources").forEach(out::add);
        return out;
    }

    private static String nestedLink(JsonNode resource) {
        for (JsonNode link : resource.get("links")) {
            if (link.get("rel").asString().equals("nested")) {
                return link.get("href").asString();
            }
        }
        return null;
    }

    @Test
    void anOsHeatStackMakesAChildStackWhoseOutputsAreAttributes() throws Exception {
        String path = create("outer", WITH_STACK, Map.of("files", Map.of("child.yaml", CHILD)));
        JsonNode parent = stack(path);
        assertThat(parent.get("stack_status").asString()).as(parent.toString()).isEqualTo("CREATE_COMPLETE");
        Map<String, JsonNode> outputs = outputs(parent);
        assertThat(outputs.get("all").get("said").asString()).isEqualTo("hi");
        assertThat(outputs.get("one").asString()).isEqualTo("hi");
        assertThat(outputs.get("direct").asString()).isEqualTo("hi");

        JsonNode nest = resources(path, 0).getFirst();
        String childId = nest.get("physical_resource_id").asString();
        assertThat(nestedLink(nest)).endsWith("/" + childId).contains("/stacks/outer-nest-");

        // Children are hidden from the stack list unless asked for, and know their parent.
        assertThat(alice.get("/v1/p1/stacks").json().get("stacks")).hasSize(1);
        JsonNode all = alice.get("/v1/p1/stacks?show_nested=true").json().get("stacks");
        assertThat(all).hasSize(2);
        JsonNode child = alice.get(nestedLink(nest).substring(nestedLink(nest).indexOf("/v1/"))).json().get("stack");
        assertThat(child.get("parent").asString()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
        assertThat(child.get("stack_name").asString()).matches("outer-nest-[a-z0-9]{12}");
    }

    @Test
    void aResourceListWithNestedDepthShowsChildResourcesWithTheirParentResource() throws Exception {
        String path = create("outer", WITH_STACK, Map.of("files", Map.of("child.yaml", CHILD)));
        assertThat(stack(path).get("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
        assertThat(resources(path, 0)).hasSize(1);
        List<JsonNode> deep = resources(path, 2);
        assertThat(deep).hasSize(2);
        assertThat(deep.get(0).has("parent_resource")).isFalse();
        JsonNode inner = deep.get(1);
        assertThat(inner.get("resource_name").asString()).isEqualTo("r");
        assertThat(inner.get("parent_resource").asString()).isEqualTo("nest");
        assertThat(inner.get("links").get(1).get("rel").asString()).isEqualTo("stack");
        assertThat(inner.get("links").get(1).get("href").asString()).contains("/stacks/outer-nest-");

        // Listed from the nested stack itself, its resources still name the resource that owns it.
        String childPath = inner.get("links").get(1).get("href").asString();
        childPath = childPath.substring(childPath.indexOf("/v1/"));
        assertThat(resources(childPath, 0).getFirst().get("parent_resource").asString()).isEqualTo("nest");
        assertThat(alice.get(childPath + "/resources/r").json().get("resource").get("parent_resource").asString())
                .isEqualTo("nest");

        var events = alice.get(path + "/events?nested_depth=1").json().get("events");
        List<String> names = new ArrayList<>();
        events.forEach(e -> names.add(e.get("resource_name").asString()));
        assertThat(names).contains("r", "nest");
        assertThat(alice.get(path + "/events").json().get("events").toString()).doesNotContain("\"r\"");
    }

    @Test
    void deletingTheParentDeletesItsChildren() throws Exception {
        String path = create("outer", WITH_STACK, Map.of("files", Map.of("child.yaml", CHILD)));
        assertThat(stack(path).get("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
        String childId = resources(path, 0).getFirst().get("physical_resource_id").asString();
        assertThat(alice.delete(path).status()).isEqualTo(204);
        assertThat(stack(path).get("stack_status").asString()).isEqualTo("DELETE_COMPLETE");
        assertThat(alice.get("/v1/p1/stacks?show_nested=true").json().get("stacks")).isEmpty();
        JsonNode everything = alice.get("/v1/p1/stacks?show_nested=true&show_deleted=true").json().get("stacks");
        List<String> statuses = new ArrayList<>();
        everything.forEach(st -> statuses.add(st.get("id").asString() + " " + st.get("stack_status").asString()));
        assertThat(statuses).contains(childId + " DELETE_COMPLETE");
    }

    @Test
    void aFailureInsideTheChildFailsTheParentWithTheNestedPath() throws Exception {
        String path = create("outer", WITH_STACK, Map.of("files", Map.of("child.yaml", CHILD),
                "parameters", Map.of("fail", true)));
        JsonNode parent = stack(path);
        assertThat(parent.get("stack_status").asString()).isEqualTo("CREATE_FAILED");
        assertThat(parent.get("stack_status_reason").asString())
                .isEqualTo("Resource CREATE failed: ValueError: resources.nest.resources.r: Test Resource failed r");
        JsonNode nest = alice.get(path + "/resources/nest").json().get("resource");
        assertThat(nest.get("resource_status_reason").asString())
                .isEqualTo("ValueError: resources.nest.resources.r: Test Resource failed r");
        // The failed child is not left behind: nothing would ever delete it.
        assertThat(alice.get("/v1/p1/stacks?show_nested=true").json().get("stacks")).hasSize(1);
    }

    @Test
    void aRollbackDeletesTheChildrenTheParentMade() throws Exception {
        String template = WITH_STACK.replace("outputs:\n", """
                  boom:
                    type: OS::Heat::TestResource
                    depends_on: nest
                    properties:
                      fail: true
                outputs:
                """);
        String path = create("outer", template, Map.of("files", Map.of("child.yaml", CHILD),
                "disable_rollback", false));
        JsonNode parent = stack(path);
        assertThat(parent.get("stack_status").asString()).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(alice.get(path + "/resources/nest/events").json().get("events").toString())
                .contains("DELETE_COMPLETE");
        assertThat(alice.get("/v1/p1/stacks?show_nested=true").json().get("stacks")).hasSize(1);
    }

    @Test
    void aTemplateFileAsATypeOrInTheRegistryIsANestedStack() throws Exception {
        String template = """
                heat_template_version: 2018-08-31
                resources:
                  direct:
                    type: child.yaml
                    properties:
                      greeting: hello
                  mapped:
                    type: My::Child
                    properties:
                      greeting: {get_attr: [direct, said]}
                outputs:
                  direct:
                    value: {get_attr: [direct, said]}
                  mapped:
                    value: {get_attr: [mapped, said]}
                """;
        String path = create("tr", template, Map.of("files", Map.of("child.yaml", CHILD),
                "environment", Map.of("resource_registry", Map.of("My::Child", "child.yaml"))));
        JsonNode stack = stack(path);
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).isEqualTo("CREATE_COMPLETE");
        assertThat(outputs(stack).get("direct").asString()).isEqualTo("hello");
        assertThat(outputs(stack).get("mapped").asString()).isEqualTo("hello");
        List<JsonNode> deep = resources(path, 1);
        assertThat(deep).hasSize(4);
        assertThat(deep.get(0).get("resource_type").asString()).isIn("child.yaml", "My::Child");
    }

    @Test
    void aTemplateResourceThatNestsItselfIsRefusedAtHeatsDepthLimit() {
        String self = """
                heat_template_version: 2018-08-31
                resources:
                  again:
                    type: self.yaml
                """;
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "deep", "template", self,
                "files", Map.of("self.yaml", self)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("message").asString()).isEqualTo("Recursion depth exceeds 5.");
    }

    @Test
    void aStackThatNestsItselfStopsAtHeatsDepthLimitWhenItRuns() throws Exception {
        String self = """
                heat_template_version: 2018-08-31
                resources:
                  again:
                    type: OS::Heat::Stack
                    properties:
                      template: {get_file: self.yaml}
                """;
        String path = create("deep", self, Map.of("files", Map.of("self.yaml", self)));
        JsonNode stack = stack(path);
        assertThat(stack.get("stack_status").asString()).isEqualTo("CREATE_FAILED");
        assertThat(stack.get("stack_status_reason").asString()).isEqualTo("Resource CREATE failed: "
                + "RequestLimitExceeded: resources.again" + ".resources.again".repeat(5) + ": Recursion depth exceeds 5.");
        assertThat(alice.get("/v1/p1/stacks?show_nested=true").json().get("stacks")).hasSize(1);
    }

    @Test
    void aTemplateResourcesTemplateIsCheckedBeforeTheParentRuns() {
        String broken = CHILD.replace("OS::Heat::TestResource", "OS::Heat::Nope");
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "bad", "template", """
                heat_template_version: 2018-08-31
                resources:
                  direct:
                    type: child.yaml
                    properties:
                      greeting: hello
                """, "files", Map.of("child.yaml", broken)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").get("message").asString()).isEqualTo(
                "Failed to validate: resources.direct.resources.r: The Resource Type (OS::Heat::Nope) could not be found.");
    }

    @Test
    void aTemplateResourceTakesListsAndMapsAndMayNameItsOwnReference() throws Exception {
        String typed = """
                heat_template_version: 2018-08-31
                parameters:
                  names: {type: comma_delimited_list}
                  settings: {type: json}
                resources:
                  r:
                    type: OS::Heat::TestResource
                    properties:
                      value: {list_join: [",", {get_param: names}]}
                outputs:
                  joined: {value: {get_attr: [r, output]}}
                  size: {value: {get_param: [settings, size]}}
                  OS::stack_id: {value: {get_resource: r}}
                """;
        String path = create("typed", """
                heat_template_version: 2018-08-31
                resources:
                  t:
                    type: typed.yaml
                    properties:
                      names: [a, b]
                      settings: {size: 3}
                outputs:
                  joined: {value: {get_attr: [t, joined]}}
                  size: {value: {get_attr: [t, size]}}
                  ref: {value: {get_resource: t}}
                  id: {value: {get_attr: [t, "OS::stack_id"]}}
                """, Map.of("files", Map.of("typed.yaml", typed)));
        JsonNode stack = stack(path);
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).isEqualTo("CREATE_COMPLETE");
        Map<String, JsonNode> outputs = outputs(stack);
        assertThat(outputs.get("joined").asString()).isEqualTo("a,b");
        assertThat(outputs.get("size").asInt()).isEqualTo(3);
        JsonNode inner = resources(path, 1).get(1);
        assertThat(outputs.get("ref").asString()).isEqualTo(inner.get("physical_resource_id").asString());
        assertThat(outputs.get("id").asString()).isEqualTo(resources(path, 0).getFirst().get("physical_resource_id")
                .asString());
    }

    @Test
    void aTemplateResourceChecksItsPropertiesAgainstTheTemplatesParameters() {
        String template = """
                heat_template_version: 2018-08-31
                resources:
                  direct:
                    type: child.yaml
                    properties:
                      greting: hello
                """;
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "bad", "template", template,
                "files", Map.of("child.yaml", CHILD)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("Unknown Property greting");
        var missing = alice.post("/v1/p1/stacks", Map.of("stack_name", "bad", "template",
                template.replace("child.yaml", "absent.yaml")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("absent.yaml");
    }

    @Test
    void aResourceGroupScalesUpAndDownKeepingItsMembers() throws Exception {
        String path = create("grp", GROUP, Map.of());
        JsonNode stack = stack(path);
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).isEqualTo("CREATE_COMPLETE");
        assertThat(outputs(stack).get("refs")).hasSize(3);
        assertThat(outputs(stack).get("values").toString()).isEqualTo("[\"m-0\",\"m-1\",\"m-2\"]");
        assertThat(outputs(stack).get("second").asString()).isEqualTo("m-1");
        assertThat(outputs(stack).get("third").asString()).isEqualTo("m-2");
        assertThat(outputs(stack).get("by_name").toString()).isEqualTo("{\"0\":\"m-0\",\"1\":\"m-1\",\"2\":\"m-2\"}");
        Map<String, String> before = members(path);
        assertThat(before.keySet()).containsExactlyInAnyOrder("0", "1", "2");

        update(path, 5);
        assertThat(outputs(stack(path)).get("refs")).hasSize(5);
        Map<String, String> grown = members(path);
        assertThat(grown.keySet()).containsExactlyInAnyOrder("0", "1", "2", "3", "4");
        before.forEach((name, id) -> assertThat(grown.get(name)).isEqualTo(id));

        update(path, 3);
        JsonNode shrunk = stack(path);
        assertThat(shrunk.get("stack_status").asString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(outputs(shrunk).get("refs").toString()).isEqualTo(
                "[\"" + before.get("0") + "\",\"" + before.get("1") + "\",\"" + before.get("2") + "\"]");
        assertThat(members(path)).isEqualTo(before);
    }

    @Test
    void removalPoliciesRemoveChosenMembersForGood() throws Exception {
        String template = GROUP.replace("""
                  count: {get_param: count}
            """, """
                  count: {get_param: count}
                  removal_policies: [{resource_list: {get_param: remove}}]
            """).replace("""
              count:
                type: number
                default: 3
            """, """
              count:
                type: number
                default: 3
              remove:
                type: comma_delimited_list
                default: ""
            """);
        String path = create("grp", template, Map.of());
        Map<String, String> before = members(path);
        var reply = alice.patch(path, Map.of("parameters", Map.of("count", 2, "remove", "1")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        JsonNode stack = stack(path);
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(members(path)).containsOnlyKeys("0", "2").containsEntry("0", before.get("0"))
                .containsEntry("2", before.get("2"));
        // Growing again skips the removed name.
        reply = alice.patch(path, Map.of("parameters", Map.of("count", 3)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(stack(path).get("stack_status").asString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(members(path)).containsOnlyKeys("0", "2", "3");
    }

    private void update(String path, int count) throws InterruptedException {
        var reply = alice.patch(path, Map.of("parameters", Map.of("count", count)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(stack(path).get("stack_status").asString()).isEqualTo("UPDATE_COMPLETE");
    }

    /** The group's members: name to physical id. */
    private Map<String, String> members(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        resources(path, 1).stream().filter(r -> r.has("parent_resource"))
                .forEach(r -> out.put(r.get("resource_name").asString(), r.get("physical_resource_id").asString()));
        return out;
    }
}
