package dev.overcast.orchestration.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.BlockingSleeper;
import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

/**
 * Abandon, adopt, snapshots and restore over HTTP; each engine's test runs them all, so both
 * engines are held to the same end states and events.
 */
abstract class SnapshotScenarios {
    static final String TEMPLATE = """
            heat_template_version: 2018-08-31
            description: before
            parameters:
              greeting:
                type: string
                default: hello
            resources:
              secret:
                type: OS::Heat::RandomString
                properties:
                  length: 12
              first:
                type: OS::Heat::TestResource
                properties:
                  value: {get_param: greeting}
              joined:
                type: OS::Heat::Value
                properties:
                  value: {list_join: ['-', [{get_attr: [first, output]}, world]]}
            outputs:
              out:
                value: {get_attr: [joined, value]}
            """;
    static final String CHANGED = """
            heat_template_version: 2018-08-31
            description: after
            parameters:
              greeting:
                type: string
            resources:
              secret:
                type: OS::Heat::RandomString
                properties:
                  length: 12
              first:
                type: OS::Heat::TestResource
                properties:
                  value: {get_param: greeting}
              extra:
                type: OS::Heat::None
            outputs:
              out:
                value: {get_attr: [first, output]}
            """;

    private final OrchestrationServer server = new OrchestrationServer(Clock.systemUTC(), engine(), "test-engine",
            duration -> { }, settings -> settings.withAbandonAndAdopt(true, true));
    private final ApiClient alice = server.member("alice", "p1");

    /** @return the engine under test: {@code legacy} or {@code convergence} */
    abstract String engine();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void abandonAnswersHeatsDataAndDeletesNothingAndAdoptTakesTheResourcesBack() throws Exception {
        String path = create(server, alice, "s1", Map.of("greeting", "hi"));
        assertThat(waitFor(alice, path)).isEqualTo("CREATE_COMPLETE");
        String secret = attribute(path, "secret", "value");
        String firstId = resource(path, "first").get("physical_resource_id").asString();

        var reply = alice.delete(path + "/abandon");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode data = reply.json();
        assertThat(data.get("id").asString()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
        assertThat(data.get("name").asString()).isEqualTo("s1");
        assertThat(data.get("action").asString() + "_" + data.get("status").asString()).isEqualTo("CREATE_COMPLETE");
        assertThat(data.get("project_id").asString()).isEqualTo("p1");
        assertThat(data.get("template").get("description").asString()).isEqualTo("before");
        assertThat(data.get("environment").get("parameters").get("greeting").asString()).isEqualTo("hi");
        JsonNode abandonedSecret = data.get("resources").get("secret");
        assertThat(abandonedSecret.get("type").asString()).isEqualTo("OS::Heat::RandomString");
        assertThat(abandonedSecret.get("resource_data").get("value").asString()).isEqualTo(secret);
        assertThat(data.get("resources").get("first").get("resource_id").asString()).isEqualTo(firstId);

        // The stack is gone, and no resource was deleted on the way.
        assertThat(alice.get(path).json().get("stack").get("stack_status").asString()).isEqualTo("DELETE_COMPLETE");
        assertThat(alice.get("/v1/p1/stacks").json().get("stacks")).isEmpty();
        assertThat(events(path)).noneMatch(e -> e.startsWith("secret DELETE") || e.startsWith("first DELETE"))
                .contains("s1 DELETE_COMPLETE");

        // heatclient sends the abandon file's text.
        reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "s1again", "adopt_stack_data", Json.write(data)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String adopted = "/v1/p1/stacks/s1again/" + reply.json().get("stack").get("id").asString();
        assertThat(waitFor(alice, adopted)).isEqualTo("ADOPT_COMPLETE");
        assertThat(attribute(adopted, "secret", "value")).isEqualTo(secret);
        assertThat(resource(adopted, "first").get("physical_resource_id").asString()).isEqualTo(firstId);
        assertThat(resource(adopted, "first").get("resource_status").asString()).isEqualTo("ADOPT_COMPLETE");
        assertThat(output(adopted)).isEqualTo("hi-world");
        assertThat(events(adopted)).containsSubsequence("s1again ADOPT_IN_PROGRESS", "secret ADOPT_IN_PROGRESS",
                "secret ADOPT_COMPLETE", "s1again ADOPT_COMPLETE");

        // The adopted stack is the engine's like any other: an update changes what changed.
        reply = alice.patch(adopted, Map.of("parameters", Map.of("greeting", "hey")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(waitFor(alice, adopted)).isEqualTo("UPDATE_COMPLETE");
        assertThat(output(adopted)).isEqualTo("hey-world");
        assertThat(attribute(adopted, "secret", "value")).isEqualTo(secret);
        assertThat(resource(adopted, "secret").get("resource_status").asString()).isEqualTo("ADOPT_COMPLETE");
    }

    @Test
    void anAdoptWhoseDataLacksAResourceFailsAndRollsBackWithoutDeletingAnything() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("template", Map.of("heat_template_version", "2018-08-31", "resources", Map.of(
                "a", Map.of("type", "OS::Heat::None"), "b", Map.of("type", "OS::Heat::None", "depends_on", "a"))));
        data.put("resources", Map.of("a", Map.of("resource_id", "a-id", "type", "OS::Heat::None")));
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "half", "adopt_stack_data", data,
                "disable_rollback", false));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String path = "/v1/p1/stacks/half/" + reply.json().get("stack").get("id").asString();
        assertThat(waitFor(alice, path)).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(events(path)).containsSubsequence("a ADOPT_COMPLETE", "b ADOPT_FAILED", "half ADOPT_FAILED",
                "half ROLLBACK_COMPLETE").noneMatch(e -> e.contains("DELETE"));
        assertThat(alice.get(path + "/resources").json().get("resources")).isEmpty();

        reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "kept", "adopt_stack_data", data));
        String kept = "/v1/p1/stacks/kept/" + reply.json().get("stack").get("id").asString();
        assertThat(waitFor(alice, kept)).isEqualTo("ADOPT_FAILED");
        assertThat(alice.get(kept).json().get("stack").get("stack_status_reason").asString())
                .isEqualTo("Resource ADOPT failed: Exception: resources.b: Resource ID was not provided.");
    }

    @Test
    void aRestoreBringsBackTheSnapshotsTemplateParametersAndResources() throws Exception {
        String path = create(server, alice, "s2", Map.of("greeting", "hi"));
        assertThat(waitFor(alice, path)).isEqualTo("CREATE_COMPLETE");
        String secret = attribute(path, "secret", "value");

        var reply = alice.post(path + "/snapshots", Map.of("name", "before"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode snapshot = reply.json();
        String id = snapshot.get("id").asString();
        assertThat(snapshot.get("name").asString()).isEqualTo("before");
        assertThat(snapshot.get("status").asString()).isEqualTo("COMPLETE");
        assertThat(snapshot.get("creation_time").asString()).isNotBlank();
        assertThat(snapshot.get("data").get("resources").get("secret").get("resource_data").get("value").asString())
                .isEqualTo(secret);
        assertThat(snapshot.get("data").get("template").get("description").asString()).isEqualTo("before");
        assertThat(alice.get(path).json().get("stack").get("stack_status").asString()).isEqualTo("SNAPSHOT_COMPLETE");
        assertThat(events(path)).containsSubsequence("s2 SNAPSHOT_IN_PROGRESS", "s2 SNAPSHOT_COMPLETE");

        reply = alice.put(path, Map.of("template", CHANGED, "parameters", Map.of("greeting", "hey")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(waitFor(alice, path)).isEqualTo("UPDATE_COMPLETE");
        assertThat(names(path)).containsExactlyInAnyOrder("secret", "first", "extra");
        assertThat(output(path)).isEqualTo("hey");

        assertThat(alice.get(path + "/snapshots").json().get("snapshots")).hasSize(1);
        assertThat(alice.get(path + "/snapshots/" + id).json().get("snapshot").get("name").asString())
                .isEqualTo("before");
        reply = alice.post(path + "/snapshots/" + id + "/restore", Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(waitFor(alice, path)).isEqualTo("RESTORE_COMPLETE");
        JsonNode stack = alice.get(path).json().get("stack");
        assertThat(stack.get("description").asString()).isEqualTo("before");
        assertThat(stack.get("parameters").get("greeting").asString()).isEqualTo("hi");
        assertThat(output(path)).isEqualTo("hi-world");
        assertThat(names(path)).containsExactlyInAnyOrder("secret", "first", "joined");
        assertThat(attribute(path, "secret", "value")).isEqualTo(secret);
        assertThat(alice.get(path + "/template").json().get("description").asString()).isEqualTo("before");
        assertThat(events(path)).containsSubsequence("s2 RESTORE_IN_PROGRESS", "s2 RESTORE_COMPLETE");
    }

    @Test
    void snapshotsAreDeletedOneByOneAndWithTheirStack() throws Exception {
        String path = create(server, alice, "s3", Map.of());
        waitFor(alice, path);
        String first = alice.post(path + "/snapshots", Map.of("name", "one")).json().get("id").asString();
        String second = alice.post(path + "/snapshots", Map.of()).json().get("id").asString();
        assertThat(alice.get(path + "/snapshots/" + second).json().get("snapshot").get("name").isNull()).isTrue();
        assertThat(alice.delete(path + "/snapshots/" + first).status()).isEqualTo(204);
        var gone = alice.get(path + "/snapshots/" + first);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").get("message").asString())
                .isEqualTo("Snapshot with id " + first + " not found");
        assertThat(alice.get(path + "/snapshots").json().get("snapshots")).hasSize(1);

        assertThat(alice.delete(path).status()).isEqualTo(204);
        assertThat(waitFor(alice, path)).isEqualTo("DELETE_COMPLETE");
        String stackId = path.substring(path.lastIndexOf('/') + 1);
        int left = server.jdbi().withHandle(h -> h.createQuery("select count(*) from stack_snapshot where "
                + "stack_id = :id").bind("id", stackId).mapTo(Integer.class).one());
        assertThat(left).isZero();
    }

    @Test
    void badInputIsA400AndOtherProjectsSeeNothing() throws Exception {
        String path = create(server, alice, "s4", Map.of());
        waitFor(alice, path);
        assertThat(alice.post(path + "/snapshots", Map.of("name", 5)).status()).isEqualTo(400);
        assertThat(alice.post(path + "/snapshots", List.of("x")).status()).isEqualTo(400);
        assertThat(alice.post(path + "/snapshots/nope/restore", Map.of()).status()).isEqualTo(404);
        assertThat(alice.post("/v1/p1/stacks", Map.of("stack_name", "x", "adopt_stack_data", "{not: [json"))
                .status()).isEqualTo(400);
        var noTemplate = alice.post("/v1/p1/stacks", Map.of("stack_name", "x", "adopt_stack_data", Map.of()));
        assertThat(noTemplate.status()).isEqualTo(400);
        assertThat(noTemplate.json().get("error").get("message").asString()).startsWith("Invalid adopt data");
        assertThat(alice.post("/v1/p1/stacks", Map.of("stack_name", "x", "adopt_stack_data",
                Map.of("template", Map.of("heat_template_version", "2018-08-31"), "resources", List.of())))
                .status()).isEqualTo(400);
        String id = alice.post(path + "/snapshots", Map.of()).json().get("id").asString();

        ApiClient bob = server.member("bob", "p2");
        String bobs = path.replace("/v1/p1/", "/v1/p2/");
        assertThat(bob.get(bobs + "/snapshots").status()).isEqualTo(404);
        assertThat(bob.get(bobs + "/snapshots/" + id).status()).isEqualTo(404);
        assertThat(bob.post(bobs + "/snapshots/" + id + "/restore", Map.of()).status()).isEqualTo(404);
        assertThat(bob.delete(bobs + "/abandon").status()).isEqualTo(404);
        assertThat(bob.get(path + "/snapshots").status()).isEqualTo(403);
        assertThat(server.reader("carol", "p1").post(path + "/snapshots", Map.of()).status()).isEqualTo(403);
        assertThat(server.reader("carol", "p1").get(path + "/snapshots").status()).isEqualTo(200);
        assertThat(alice.get(path + "/snapshots").json().get("snapshots")).hasSize(1);
    }

    @Test
    void nothingIsTakenWhileAnActionRuns() throws Exception {
        BlockingSleeper sleeper = new BlockingSleeper();
        try (var slow = new OrchestrationServer(Clock.systemUTC(), engine(), "e1", sleeper, settings -> settings.withAbandonAndAdopt(true, true))) {
            ApiClient client = slow.member("alice", "p1");
            String path = create(slow, client, "s5", Map.of());
            assertThat(waitFor(client, path)).isEqualTo("CREATE_COMPLETE");
            String id = client.post(path + "/snapshots", Map.of()).json().get("id").asString();
            String template = """
                    heat_template_version: 2016-10-14
                    resources:
                      slow:
                        type: OS::Heat::TestResource
                        properties:
                          action_wait_secs: {create: 60}
                    """;
            assertThat(client.put(path, Map.of("template", template)).status()).isEqualTo(202);
            sleeper.awaitWaiting();
            assertThat(client.post(path + "/snapshots", Map.of()).status()).isEqualTo(409);
            assertThat(client.post(path + "/snapshots/" + id + "/restore", Map.of()).status()).isEqualTo(409);
            var abandon = client.delete(path + "/abandon");
            assertThat(abandon.status()).isEqualTo(409);
            assertThat(abandon.json().get("error").get("type").asString()).isEqualTo("ActionInProgress");
            sleeper.release();
            assertThat(waitFor(client, path)).isEqualTo("UPDATE_COMPLETE");
        }
    }

    @Test
    void abandonAndAdoptAreRefusedByDefaultAsInHeat() throws Exception {
        try (var plain = new OrchestrationServer(Clock.systemUTC(), engine(), "e2")) {
            ApiClient client = plain.member("alice", "p1");
            String path = create(plain, client, "s6", Map.of());
            waitFor(client, path);
            var abandon = client.delete(path + "/abandon");
            assertThat(abandon.status()).isEqualTo(400);
            assertThat(abandon.json().get("error").get("type").asString()).isEqualTo("NotSupported");
            assertThat(abandon.json().get("error").get("message").asString())
                    .isEqualTo("Stack Abandon is not supported.");
            assertThat(client.get(path).json().get("stack").get("stack_status").asString())
                    .isEqualTo("CREATE_COMPLETE");
            var adopt = client.post("/v1/p1/stacks", Map.of("stack_name", "x", "adopt_stack_data",
                    Map.of("template", Map.of("heat_template_version", "2018-08-31"))));
            assertThat(adopt.status()).isEqualTo(400);
            assertThat(adopt.json().get("error").get("message").asString()).isEqualTo("Stack Adopt is not supported.");
        }
    }

    // --- helpers

    private static String create(OrchestrationServer server, ApiClient client, String name,
            Map<String, Object> parameters) {
        var reply = client.post("/v1/p1/stacks", Map.of("stack_name", name, "template", TEMPLATE,
                "parameters", parameters));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return "/v1/p1/stacks/" + name + "/" + reply.json().get("stack").get("id").asString();
    }

    private static String waitFor(ApiClient client, String path) throws InterruptedException {
        return OrchestrationServer.awaitStack(client, path);
    }

    private JsonNode resource(String path, String name) {
        return alice.get(path + "/resources/" + name).json().get("resource");
    }

    private String attribute(String path, String name, String attribute) {
        return resource(path, name).get("attributes").get(attribute).asString();
    }

    private String output(String path) {
        Map<String, String> outputs = new HashMap<>();
        alice.get(path).json().get("stack").get("outputs").forEach(o -> outputs.put(o.get("output_key").asString(),
                o.get("output_value").asString()));
        return outputs.get("out");
    }

    private List<String> names(String path) {
        List<String> names = new ArrayList<>();
        alice.get(path + "/resources").json().get("resources").forEach(r -> names.add(
                r.get("resource_name").asString()));
        return names;
    }

    private List<String> events(String path) {
        List<String> events = new ArrayList<>();
        alice.get(path + "/events").json().get("events").forEach(e -> events.add(
                e.get("resource_name").asString() + " " + e.get("resource_status").asString()));
        return events;
    }
}
