package dev.overcast.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.orchestration.BlockingSleeper;
import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;

/**
 * The shared stack scenarios: each engine's test runs them all, so both engines are held to the
 * same end states, events and reasons.
 */
abstract class StackScenarios {
    static final String TEMPLATE = """
            heat_template_version: 2018-08-31
            description: three resources
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
              second:
                type: OS::Heat::TestResource
                properties:
                  value: {list_join: ['-', [{get_attr: [first, output]}, world]]}
              joined:
                type: OS::Heat::Value
                properties:
                  value: {get_attr: [second, output]}
            outputs:
              out:
                description: the joined value
                value: {get_attr: [joined, value]}
              secret_length:
                value: {length: {get_attr: [secret, value]}}
            """;

    /** A resource that fails after one that succeeds. */
    static final String FAILING = """
            heat_template_version: 2016-10-14
            resources:
              ok:
                type: OS::Heat::TestResource
              broken:
                type: OS::Heat::TestResource
                properties:
                  fail: true
                depends_on: ok
            """;

    private final OrchestrationServer server = new OrchestrationServer(java.time.Clock.systemUTC(), engine(),
            "test-engine");
    private final ApiClient alice = server.member("alice", "p1");

    /** @return the engine under test: {@code legacy} or {@code convergence} */
    abstract String engine();

    @AfterEach
    void close() {
        server.close();
    }

    /** Polls the stack until no action runs on it. @return its status */
    static String waitFor(OrchestrationServer server, ApiClient client, String path) throws InterruptedException {
        return OrchestrationServer.awaitStack(client, path);
    }

    String create(String name, String template, Map<String, Object> parameters) {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", name, "template", template,
                "parameters", parameters));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return "/v1/p1/stacks/" + name + "/" + reply.json().get("stack").get("id").asString();
    }

    @Test
    void aStackIsCreatedInDependencyOrderAndShowsItsOutputs() throws Exception {
        String path = create("s1", TEMPLATE, Map.of("greeting", "hi"));
        assertThat(waitFor(server, alice, path)).isEqualTo("CREATE_COMPLETE");
        JsonNode stack = alice.get(path).json().get("stack");
        assertThat(stack.get("stack_status_reason").asString()).isEqualTo("Stack CREATE completed successfully");
        assertThat(stack.get("description").asString()).isEqualTo("three resources");
        assertThat(stack.get("parameters").get("greeting").asString()).isEqualTo("hi");
        Map<String, JsonNode> outputs = new java.util.HashMap<>();
        stack.get("outputs").forEach(o -> outputs.put(o.get("output_key").asString(), o.get("output_value")));
        assertThat(outputs.get("out").asString()).isEqualTo("hi-world");

        var output = alice.get(path + "/outputs/out").json().get("output");
        assertThat(output.get("output_value").asString()).isEqualTo("hi-world");
        assertThat(alice.get(path + "/outputs").json().get("outputs")).hasSize(2);

        JsonNode resources = alice.get(path + "/resources").json().get("resources");
        assertThat(resources).hasSize(4);
        resources.forEach(r -> assertThat(r.get("resource_status").asString()).isEqualTo("CREATE_COMPLETE"));

        JsonNode secret = alice.get(path + "/resources/secret").json().get("resource");
        assertThat(secret.get("attributes").get("value").asString()).hasSize(12);

        List<String> events = new ArrayList<>();
        alice.get(path + "/events").json().get("events").forEach(e -> events.add(
                e.get("resource_name").asString() + " " + e.get("resource_status").asString()));
        assertThat(events.getFirst()).isEqualTo("s1 CREATE_IN_PROGRESS");
        assertThat(events.getLast()).isEqualTo("s1 CREATE_COMPLETE");
        assertThat(events.indexOf("first CREATE_COMPLETE")).isLessThan(events.indexOf("second CREATE_IN_PROGRESS"));
        assertThat(events.indexOf("second CREATE_COMPLETE")).isLessThan(events.indexOf("joined CREATE_IN_PROGRESS"));
    }

    @Test
    void aStackIsFoundByNameThroughARedirect() throws Exception {
        String path = create("s2", TEMPLATE, Map.of());
        waitFor(server, alice, path);
        var reply = alice.get("/v1/p1/stacks/s2");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).endsWith(path);
        assertThat(alice.get("/v1/p1/stacks/s2/resources").header("Location")).endsWith(path + "/resources");
        assertThat(alice.get("/v1/p1/stacks/s2/resources/first/events").header("Location"))
                .endsWith(path + "/resources/first/events");
    }

    @Test
    void aPatchWithNewParametersUpdatesOnlyWhatChanged() throws Exception {
        String path = create("s3", TEMPLATE, Map.of("greeting", "hi"));
        waitFor(server, alice, path);
        String secretBefore = alice.get(path + "/resources/secret").json().get("resource").get("attributes")
                .get("value").asString();
        var reply = alice.patch(path, Map.of("parameters", Map.of("greeting", "hey")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(waitFor(server, alice, path)).isEqualTo("UPDATE_COMPLETE");
        JsonNode stack = alice.get(path).json().get("stack");
        assertThat(stack.get("outputs").get(0).get("output_value").asString()).isEqualTo("hey-world");
        assertThat(alice.get(path + "/resources/secret").json().get("resource").get("attributes").get("value")
                .asString()).isEqualTo(secretBefore);
        assertThat(alice.get(path + "/resources/first").json().get("resource").get("resource_status").asString())
                .isEqualTo("UPDATE_COMPLETE");
        assertThat(alice.get(path + "/resources/secret").json().get("resource").get("resource_status").asString())
                .isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void anUpdateAddsReplacesAndRemovesResources() throws Exception {
        String path = create("s4", TEMPLATE, Map.of());
        waitFor(server, alice, path);
        String secretBefore = alice.get(path + "/resources/secret").json().get("resource")
                .get("physical_resource_id").asString();
        String next = """
                heat_template_version: 2018-08-31
                resources:
                  secret:
                    type: OS::Heat::RandomString
                    properties:
                      length: 20
                  extra:
                    type: OS::Heat::None
                """;
        var reply = alice.put(path, Map.of("template", next));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(waitFor(server, alice, path)).isEqualTo("UPDATE_COMPLETE");
        JsonNode resources = alice.get(path + "/resources").json().get("resources");
        List<String> names = new ArrayList<>();
        resources.forEach(r -> names.add(r.get("resource_name").asString()));
        assertThat(names).containsExactlyInAnyOrder("secret", "extra");
        JsonNode secret = alice.get(path + "/resources/secret").json().get("resource");
        assertThat(secret.get("physical_resource_id").asString()).isNotEqualTo(secretBefore);
        assertThat(secret.get("attributes").get("value").asString()).hasSize(20);
    }

    @Test
    void aDeletedStackIsGoneFromTheListAndItsNameIsFree() throws Exception {
        String path = create("s5", TEMPLATE, Map.of());
        waitFor(server, alice, path);
        assertThat(alice.delete(path).status()).isEqualTo(204);
        assertThat(waitFor(server, alice, path)).isEqualTo("DELETE_COMPLETE");
        assertThat(alice.get("/v1/p1/stacks").json().get("stacks")).isEmpty();
        assertThat(alice.get("/v1/p1/stacks/s5").status()).isEqualTo(404);
        String again = create("s5", TEMPLATE, Map.of());
        assertThat(waitFor(server, alice, again)).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void aFailingResourceFailsTheStackWithHeatsReason() throws Exception {
        String path = create("s6", FAILING, Map.of());
        assertThat(waitFor(server, alice, path)).isEqualTo("CREATE_FAILED");
        assertThat(alice.get(path).json().get("stack").get("stack_status_reason").asString())
                .isEqualTo("Resource CREATE failed: ValueError: resources.broken: Test Resource failed broken");
    }

    @Test
    void aFailedCreateRollsBackWhenRollbackIsEnabled() throws Exception {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "s7", "template", FAILING,
                "disable_rollback", false));
        String path = "/v1/p1/stacks/s7/" + reply.json().get("stack").get("id").asString();
        assertThat(waitFor(server, alice, path)).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(alice.get(path + "/resources").json().get("resources")).isEmpty();
        List<String> stackEvents = new ArrayList<>();
        alice.get(path + "/events").json().get("events").forEach(e -> {
            if (e.get("resource_name").asString().equals("s7")) {
                stackEvents.add(e.get("resource_status").asString());
            }
        });
        assertThat(stackEvents).containsExactly("CREATE_IN_PROGRESS", "CREATE_FAILED", "ROLLBACK_IN_PROGRESS",
                "ROLLBACK_COMPLETE");
    }

    private List<String> events(String path) {
        List<String> events = new ArrayList<>();
        alice.get(path + "/events").json().get("events").forEach(e -> events.add(
                e.get("resource_name").asString() + " " + e.get("resource_status").asString()));
        return events;
    }

    @Test
    void aStackIsSuspendedResumedAndChecked() throws Exception {
        String path = create("s8", TEMPLATE, Map.of());
        waitFor(server, alice, path);
        assertThat(alice.post(path + "/actions", Map.of("suspend", Map.of())).status()).isEqualTo(200);
        assertThat(waitFor(server, alice, path)).isEqualTo("SUSPEND_COMPLETE");
        alice.get(path + "/resources").json().get("resources").forEach(r ->
                assertThat(r.get("resource_status").asString()).isEqualTo("SUSPEND_COMPLETE"));
        List<String> events = events(path);
        assertThat(events.indexOf("joined SUSPEND_COMPLETE")).isLessThan(events.indexOf("second SUSPEND_IN_PROGRESS"));
        assertThat(events.indexOf("second SUSPEND_COMPLETE")).isLessThan(events.indexOf("first SUSPEND_IN_PROGRESS"));

        assertThat(alice.post(path + "/actions", Map.of("resume", Map.of())).status()).isEqualTo(200);
        assertThat(waitFor(server, alice, path)).isEqualTo("RESUME_COMPLETE");
        events = events(path);
        assertThat(events.indexOf("first RESUME_COMPLETE")).isLessThan(events.indexOf("second RESUME_IN_PROGRESS"));

        assertThat(alice.post(path + "/actions", Map.of("check", Map.of())).status()).isEqualTo(200);
        assertThat(waitFor(server, alice, path)).isEqualTo("CHECK_COMPLETE");
        JsonNode first = alice.get(path + "/resources/first").json().get("resource");
        assertThat(first.get("resource_status").asString()).isEqualTo("CHECK_COMPLETE");
        assertThat(first.get("resource_status_reason").asString())
                .isEqualTo("CHECK not supported for OS::Heat::TestResource");
        assertThat(alice.get(path).json().get("stack").get("stack_status_reason").asString())
                .isEqualTo("Stack CHECK completed successfully");

        // An update after a suspend works as after any other action.
        assertThat(alice.patch(path, Map.of("parameters", Map.of("greeting", "yo"))).status()).isEqualTo(202);
        assertThat(waitFor(server, alice, path)).isEqualTo("UPDATE_COMPLETE");
    }

    @Test
    void badActionsAreRefused() throws Exception {
        String path = create("s9", TEMPLATE, Map.of());
        waitFor(server, alice, path);
        var none = alice.post(path + "/actions", Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("error").get("message").asString()).isEqualTo("No action specified");
        assertThat(alice.post(path + "/actions", Map.of("suspend", Map.of(), "resume", Map.of())).status())
                .isEqualTo(400);
        var unknown = alice.post(path + "/actions", Map.of("explode", Map.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").get("message").asString()).isEqualTo("Invalid action explode specified");
        var cancel = alice.post(path + "/actions", Map.of("cancel_update", Map.of()));
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.json().get("error").get("message").asString())
                .isEqualTo("Cancelling update when stack is ('CREATE', 'COMPLETE') is not supported.");
        assertThat(server.reader("bob", "p1").post(path + "/actions", Map.of("suspend", Map.of())).status())
                .isEqualTo(403);
        assertThat(server.member("eve", "p2").post(path.replace("/p1/", "/p2/") + "/actions",
                Map.of("suspend", Map.of())).status()).isEqualTo(404);
    }

    @Test
    void cancellingAnUpdateRollsItBack() throws Exception {
        BlockingSleeper sleeper = new BlockingSleeper();
        try (var slow = new OrchestrationServer(java.time.Clock.systemUTC(), engine(), "slow-engine", sleeper)) {
            ApiClient bob = slow.member("bob", "p1");
            String before = """
                    heat_template_version: 2018-08-31
                    resources:
                      a:
                        type: OS::Heat::TestResource
                        properties:
                          value: one
                    """;
            var created = bob.post("/v1/p1/stacks", Map.of("stack_name", "c", "template", before));
            String path = "/v1/p1/stacks/c/" + created.json().get("stack").get("id").asString();
            assertThat(waitFor(slow, bob, path)).isEqualTo("CREATE_COMPLETE");
            String after = before.replace("value: one", "value: two\n      wait_secs: 5");
            assertThat(bob.put(path, Map.of("template", after)).status()).isEqualTo(202);
            sleeper.awaitWaiting();
            var cancel = bob.post(path + "/actions", Map.of("cancel_update", Map.of()));
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            sleeper.release();
            assertThat(waitFor(slow, bob, path)).isEqualTo("ROLLBACK_COMPLETE");
            assertThat(bob.get(path + "/resources/a").json().get("resource").get("attributes").get("output")
                    .asString()).isEqualTo("one");
            List<String> reasons = new ArrayList<>();
            bob.get(path + "/events").json().get("events").forEach(e -> {
                if (e.get("resource_name").asString().equals("c")) {
                    reasons.add(e.get("resource_status").asString() + " " + e.get("resource_status_reason").asString());
                }
            });
            assertThat(reasons).contains("UPDATE_FAILED Stack UPDATE cancelled");
        }
    }

    @Test
    void aRetainedResourceOutlivesItsStack() throws Exception {
        String template = """
                heat_template_version: 2018-08-31
                resources:
                  kept:
                    type: OS::Heat::SoftwareConfig
                    deletion_policy: Retain
                    properties:
                      config: echo kept
                  gone:
                    type: OS::Heat::SoftwareConfig
                    properties:
                      config: echo gone
                """;
        String path = create("s10", template, Map.of());
        assertThat(waitFor(server, alice, path)).isEqualTo("CREATE_COMPLETE");
        String kept = alice.get(path + "/resources/kept").json().get("resource").get("physical_resource_id").asString();
        String gone = alice.get(path + "/resources/gone").json().get("resource").get("physical_resource_id").asString();
        assertThat(alice.delete(path).status()).isEqualTo(204);
        assertThat(waitFor(server, alice, path)).isEqualTo("DELETE_COMPLETE");
        assertThat(alice.get("/v1/p1/software_configs/" + kept).status()).isEqualTo(200);
        assertThat(alice.get("/v1/p1/software_configs/" + gone).status()).isEqualTo(404);
    }

    @Test
    void aCreateThatOutlivesItsTimeoutFails() throws Exception {
        BlockingSleeper sleeper = new BlockingSleeper();
        var clock = dev.overcast.testkit.MutableClock.startingNow();
        try (var slow = new OrchestrationServer(clock, engine(), "slow-engine", sleeper)) {
            ApiClient bob = slow.member("bob", "p1");
            String template = """
                    heat_template_version: 2018-08-31
                    resources:
                      slow:
                        type: OS::Heat::TestResource
                        properties:
                          wait_secs: 5
                      after:
                        type: OS::Heat::TestResource
                        depends_on: slow
                    """;
            var created = bob.post("/v1/p1/stacks", Map.of("stack_name", "t", "template", template,
                    "timeout_mins", 1));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String path = "/v1/p1/stacks/t/" + created.json().get("stack").get("id").asString();
            sleeper.awaitWaiting();
            // The engine knows the resource's id while its create still runs.
            JsonNode building = bob.get(path + "/resources/slow").json().get("resource");
            assertThat(building.get("resource_status").asString()).isEqualTo("CREATE_IN_PROGRESS");
            assertThat(building.get("physical_resource_id").asString()).startsWith("t-slow-");
            clock.advance(java.time.Duration.ofMinutes(2));
            slow.service().convergence().housekeeping();
            sleeper.release();
            assertThat(waitFor(slow, bob, path)).isEqualTo("CREATE_FAILED");
            assertThat(bob.get(path).json().get("stack").get("stack_status_reason").asString()).isEqualTo("Timed out");
            // The step after the deadline never started.
            bob.get(path + "/resources").json().get("resources").forEach(r -> {
                if (r.get("resource_name").asString().equals("after")) {
                    assertThat(r.get("resource_status").asString()).isEqualTo("INIT_COMPLETE");
                }
            });
        }
    }

    @Test
    void anUpdatePreviewSaysWhatAnUpdateWouldDoWithoutDoingIt() throws Exception {
        String path = create("s11", TEMPLATE, Map.of("greeting", "hi"));
        waitFor(server, alice, path);
        var patch = alice.patch(path + "/preview", Map.of("parameters", Map.of("greeting", "hey")));
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        JsonNode changes = patch.json().get("resource_changes");
        assertThat(names(changes.get("updated"))).containsExactly("first");
        assertThat(names(changes.get("unchanged"))).contains("secret", "second", "joined");
        String next = """
                heat_template_version: 2018-08-31
                resources:
                  secret:
                    type: OS::Heat::RandomString
                    properties:
                      length: 20
                  extra:
                    type: OS::Heat::None
                """;
        JsonNode put = alice.put(path + "/preview", Map.of("template", next)).json().get("resource_changes");
        assertThat(names(put.get("replaced"))).containsExactly("secret");
        assertThat(names(put.get("added"))).containsExactly("extra");
        assertThat(names(put.get("deleted"))).containsExactlyInAnyOrder("first", "second", "joined");
        // Nothing was done.
        assertThat(alice.get(path).json().get("stack").get("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
        assertThat(alice.get(path + "/resources").json().get("resources")).hasSize(4);
    }

    private static List<String> names(JsonNode resources) {
        List<String> names = new ArrayList<>();
        resources.forEach(r -> names.add(r.get("resource_name").asString()));
        return names;
    }
}
