package dev.overcast.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.testkit.ApiClient;
import dev.overcast.testkit.MutableClock;

/** Signals to resources, WaitConditionHandle and WaitCondition, and marking resources unhealthy. */
class ResourceSignalTest {
    private static final String WAIT = """
            heat_template_version: 2016-10-14
            parameters:
              count: {type: number, default: 2}
              timeout: {type: number, default: 3600}
            resources:
              handle:
                type: OS::Heat::WaitConditionHandle
              wait:
                type: OS::Heat::WaitCondition
                properties:
                  handle: {get_resource: handle}
                  count: {get_param: count}
                  timeout: {get_param: timeout}
              after:
                type: OS::Heat::TestResource
                depends_on: wait
            outputs:
              data:
                value: {get_attr: [wait, data]}
            """;
    private static final String ONE = """
            heat_template_version: 2016-10-14
            resources:
              test:
                type: OS::Heat::TestResource
                properties:
                  value: one
            """;

    private final MutableClock clock = MutableClock.startingNow();
    // Each wait moves the clock on and lets the test's requests in.
    private final OrchestrationServer server = new OrchestrationServer(clock, "legacy", "e1", duration -> {
        clock.advance(duration);
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    private final ApiClient alice = server.member("alice", "p1");

    @AfterEach
    void close() {
        server.close();
    }

    private String create(String name, String template, Map<String, Object> parameters) {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", name, "template", template,
                "parameters", parameters));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return "/v1/p1/stacks/" + name + "/" + reply.json().at("/stack/id").asString();
    }

    private JsonNode stackWhenIdle(String path) throws InterruptedException {
        server.service().engine().awaitIdle(path.substring(path.lastIndexOf('/') + 1));
        return alice.get(path).json().get("stack");
    }

    private JsonNode resourceOnce(String path, String name, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode resource = alice.get(path + "/resources/" + name).json().get("resource");
            if (resource != null && resource.get("resource_status").asString().equals(status)) {
                return resource;
            }
            assertThat(System.nanoTime()).as("%s never became %s", name, status).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private List<String> events(String path) {
        List<String> out = new ArrayList<>();
        alice.get(path + "/events").json().get("events").forEach(e -> out.add(e.get("resource_name").asString() + " "
                + e.get("resource_status").asString() + " " + e.get("resource_status_reason").asString()));
        return out;
    }

    /** Signals the handle as a server would: with its curl_cli's token, at its endpoint. */
    private static ApiClient handleClient(JsonNode handle) {
        JsonNode attributes = handle.get("attributes");
        return new ApiClient(attributes.get("endpoint").asString()).withToken(attributes.get("token").asString());
    }

    @Test
    void signalsToTheHandleDuringCreateCompleteTheWaitConditionWithTheirData() throws Exception {
        String path = create("waiting", WAIT, Map.of());
        JsonNode handle = resourceOnce(path, "handle", "CREATE_COMPLETE");
        resourceOnce(path, "wait", "CREATE_IN_PROGRESS");
        JsonNode attributes = handle.get("attributes");
        String endpoint = attributes.get("endpoint").asString();
        assertThat(endpoint).isEqualTo(server.client().baseUrl() + path + "/resources/handle/signal");
        assertThat(attributes.get("curl_cli").asString()).isEqualTo("curl -i -X POST -H 'X-Auth-Token: "
                + attributes.get("token").asString() + "' -H 'Content-Type: application/json' "
                + "-H 'Accept: application/json' " + endpoint);
        assertThat(attributes.get("signal").asString()).isEqualTo("null");

        ApiClient signaller = handleClient(handle);
        assertThat(signaller.post("", Map.of("status", "SUCCESS", "data", "first")).status()).isEqualTo(200);
        assertThat(alice.get(path).json().at("/stack/stack_status").asString()).isEqualTo("CREATE_IN_PROGRESS");
        assertThat(signaller.post("", Map.of("id", "web", "reason", "booted")).status()).isEqualTo(200);

        JsonNode stack = stackWhenIdle(path);
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).isEqualTo("CREATE_COMPLETE");
        assertThat(stack.at("/outputs/0/output_value").asString()).isEqualTo("{\"1\": \"first\", \"web\": null}");
        assertThat(events(path)).contains("handle SIGNAL_COMPLETE Signal: status:SUCCESS reason:Signal 1 received",
                "handle SIGNAL_COMPLETE Signal: status:SUCCESS reason:booted");
        JsonNode metadata = alice.get(path + "/resources/handle/metadata").json().get("metadata");
        assertThat(metadata.at("/1/data").asString()).isEqualTo("first");
        assertThat(metadata.at("/web/reason").asString()).isEqualTo("booted");
        assertThat(metadata.at("/web/status").asString()).isEqualTo("SUCCESS");
        assertThat(alice.get(path + "/resources/handle").json().at("/resource/resource_status").asString())
                .isEqualTo("CREATE_COMPLETE");
    }

    /** As heat's multi-signal wait condition test: signals sent at once are all counted. */
    @Test
    void concurrentSignalsAreAllCounted() throws Exception {
        String path = create("many", WAIT, Map.of("count", 20));
        ApiClient signaller = handleClient(resourceOnce(path, "handle", "CREATE_COMPLETE"));
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                executor.execute(() -> statuses.add(signaller.post("", Map.of("status", "SUCCESS")).status()));
            }
        }
        assertThat(statuses).hasSize(20).containsOnly(200);
        assertThat(stackWhenIdle(path).get("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
        assertThat(events(path)).filteredOn(e -> e.startsWith("handle SIGNAL_COMPLETE")).hasSize(20)
                .contains("handle SIGNAL_COMPLETE Signal: status:SUCCESS reason:Signal 20 received");
    }

    @Test
    void aFailureSignalFailsTheWaitCondition() throws Exception {
        String path = create("failing", WAIT, Map.of());
        ApiClient signaller = handleClient(resourceOnce(path, "handle", "CREATE_COMPLETE"));
        assertThat(signaller.post("", Map.of("status", "FAILURE", "reason", "disk full")).status()).isEqualTo(200);
        JsonNode stack = stackWhenIdle(path);
        assertThat(stack.get("stack_status").asString()).isEqualTo("CREATE_FAILED");
        assertThat(events(path)).contains(
                "wait CREATE_FAILED WaitConditionFailure: resources.wait: disk full",
                "failing CREATE_FAILED Resource CREATE failed: WaitConditionFailure: resources.wait: disk full");
    }

    @Test
    void aWaitConditionTimesOutWithHeatsCount() throws Exception {
        String path = create("late", WAIT, Map.of("count", 3, "timeout", 30));
        ApiClient signaller = handleClient(resourceOnce(path, "handle", "CREATE_COMPLETE"));
        signaller.post("", Map.of("reason", "one is up"));
        JsonNode stack = stackWhenIdle(path);
        assertThat(events(path)).contains("wait CREATE_FAILED WaitConditionTimeout: resources.wait: 1 of 3 received"
                + " - one is up");
        assertThat(stack.get("stack_status_reason").asString()).isEqualTo("Resource CREATE failed: "
                + "WaitConditionTimeout: resources.wait: 1 of 3 received - one is up");
    }

    @Test
    void deletingAStackStopsItsWaitConditionWaiting() throws Exception {
        String path = create("abandoned", WAIT, Map.of());
        resourceOnce(path, "wait", "CREATE_IN_PROGRESS");
        assertThat(alice.delete(path).status()).isEqualTo(204);
        JsonNode stack = stackWhenIdle(path);
        assertThat(stack.get("stack_status").asString()).isEqualTo("DELETE_COMPLETE");
        assertThat(events(path)).noneMatch(e -> e.contains("WaitConditionTimeout"))
                .contains("wait CREATE_FAILED Error: resources.wait: The wait stopped: the stack is being deleted.");
    }

    @Test
    void badSignalDataIsRefused() throws Exception {
        String path = create("bad-data", WAIT, Map.of("count", 1));
        ApiClient signaller = handleClient(resourceOnce(path, "handle", "CREATE_COMPLETE"));
        var reply = signaller.post("", Map.of("status", "DONE"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/type").asString()).isEqualTo("ValueError");
        assertThat(reply.json().at("/error/message").asString()).isEqualTo("Metadata format invalid");
        assertThat(signaller.post("", "[1]").status()).isEqualTo(400);
        assertThat(signaller.post("", Map.of()).status()).isEqualTo(200);
        assertThat(stackWhenIdle(path).get("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void aStackUsersTokenSignalsOnlyItsOwnResource() throws Exception {
        String path = create("scoped", WAIT, Map.of("count", 1));
        JsonNode handle = resourceOnce(path, "handle", "CREATE_COMPLETE");
        ApiClient stackUser = server.client().withToken(handle.at("/attributes/token").asString());
        assertThat(stackUser.post(path + "/resources/wait/signal", null).status()).isEqualTo(403);
        assertThat(stackUser.get(path).status()).isEqualTo(403);
        assertThat(stackUser.post(path + "/resources/handle/signal", null).status()).isEqualTo(200);
        assertThat(stackWhenIdle(path).get("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
        assertThat(events(path)).contains("handle SIGNAL_COMPLETE Signal: status:SUCCESS reason:Signal 1 received");
    }

    @Test
    void aTypeThatTakesNoSignalsAnswers400() throws Exception {
        String path = create("plain", ONE, Map.of());
        stackWhenIdle(path);
        var reply = alice.post(path + "/resources/test/signal", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/type").asString()).isEqualTo("ResourceActionNotSupported");
        assertThat(reply.json().at("/error/message").asString()).isEqualTo("signal is not supported for resource.");
        assertThat(alice.post(path + "/resources/nothing/signal", null).status()).isEqualTo(404);
    }

    @Test
    void anotherProjectCannotSignalOrMarkAStack() throws Exception {
        String path = create("mine", ONE, Map.of());
        stackWhenIdle(path);
        ApiClient bob = server.member("bob", "p2");
        String theirs = path.replace("/v1/p1/", "/v1/p2/");
        assertThat(bob.post(theirs + "/resources/test/signal", null).status()).isEqualTo(404);
        assertThat(bob.patch(theirs + "/resources/test", Map.of("mark_unhealthy", true)).status()).isEqualTo(404);
        assertThat(bob.post(path + "/resources/test/signal", null).status()).isEqualTo(403);
        assertThat(bob.patch(path + "/resources/test", Map.of("mark_unhealthy", true)).status()).isEqualTo(403);
        assertThat(server.reader("carol", "p1").patch(path + "/resources/test", Map.of("mark_unhealthy", true))
                .status()).isEqualTo(403);
        assertThat(alice.get(path + "/resources/test").json().at("/resource/resource_status").asString())
                .isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void anUnhealthyResourceIsReplacedByTheNextUpdate() throws Exception {
        String path = create("healing", ONE, Map.of());
        stackWhenIdle(path);
        String resource = path + "/resources/test";
        String before = alice.get(resource).json().at("/resource/physical_resource_id").asString();

        assertThat(alice.patch(resource, Map.of("mark_unhealthy", true, "resource_status_reason", "gone"))
                .status()).isEqualTo(200);
        JsonNode shown = alice.get(resource).json().get("resource");
        assertThat(shown.get("resource_status").asString()).isEqualTo("CHECK_FAILED");
        assertThat(shown.get("resource_status_reason").asString()).isEqualTo("gone");
        assertThat(alice.patch(resource, Map.of("mark_unhealthy", "False")).status()).isEqualTo(200);
        shown = alice.get(resource).json().get("resource");
        assertThat(shown.get("resource_status").asString()).isEqualTo("CHECK_COMPLETE");
        assertThat(shown.get("resource_status_reason").asString())
                .isEqualTo("state changed by resource_mark_unhealthy api");
        assertThat(alice.patch("/v1/p1/stacks/healing/" + path.substring(path.lastIndexOf('/') + 1) + "/resources/"
                + before, Map.of("mark_unhealthy", true)).status()).as("found by physical id").isEqualTo(200);
        assertThat(events(path)).contains("test CHECK_FAILED gone",
                "test CHECK_COMPLETE state changed by resource_mark_unhealthy api",
                "test CHECK_FAILED state changed by resource_mark_unhealthy api");

        assertThat(alice.put(path, Map.of("template", ONE)).status()).isEqualTo(202);
        assertThat(stackWhenIdle(path).get("stack_status").asString()).isEqualTo("UPDATE_COMPLETE");
        shown = alice.get(resource).json().get("resource");
        assertThat(shown.get("resource_status").asString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(shown.get("physical_resource_id").asString()).isNotEqualTo(before);
    }

    /** Regression: heat's gabbi resources.yaml marks a resource unhealthy, shows it, then signals it. */
    @Test
    void heatsGabbiResourceTestsPass() throws Exception {
        String path = create("gabbi", ONE, Map.of());
        stackWhenIdle(path);
        String resource = path + "/resources/test";
        assertThat(alice.patch(resource, Map.of("mark_unhealthy", true, "resource_status_reason",
                "resource deleted")).status()).isEqualTo(200);
        JsonNode shown = alice.get(resource).json().get("resource");
        assertThat(shown.get("resource_status").asString()).isEqualTo("CHECK_FAILED");
        assertThat(shown.get("resource_status_reason").asString()).isEqualTo("resource deleted");
        assertThat(alice.post(resource + "/signal", null).status()).isEqualTo(400);
        assertThat(server.client().post(resource + "/signal", null).status()).as("no token").isEqualTo(401);
        assertThat(server.client().patch(resource, Map.of("mark_unhealthy", true)).status()).isEqualTo(401);
    }

    @Test
    void markUnhealthyChecksItsBodyAsHeat() throws Exception {
        String path = create("checked", ONE, Map.of());
        stackWhenIdle(path);
        String resource = path + "/resources/test";
        var missing = alice.patch(resource, Map.of("resource_status_reason", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/error/message").asString())
                .isEqualTo("Missing mandatory (mark_unhealthy) key from mark unhealthy request");
        assertThat(alice.patch(resource, Map.of("mark_unhealthy", true, "colour", "red")).json()
                .at("/error/message").asString()).isEqualTo("Invalid keys in resource mark unhealthy {'colour'}");
        assertThat(alice.patch(resource, Map.of("mark_unhealthy", "maybe")).json().at("/error/message").asString())
                .isEqualTo("Unrecognized value \"maybe\" for \"mark_unhealthy\", acceptable values are: true, false.");
        assertThat(alice.patch(path + "/resources/nothing", Map.of("mark_unhealthy", true)).status()).isEqualTo(404);
    }

    @Test
    void markUnhealthyWaitsForNoActionButASignalDoesNot() throws Exception {
        String path = create("busy", WAIT, Map.of("count", 1));
        JsonNode handle = resourceOnce(path, "handle", "CREATE_COMPLETE");
        var reply = alice.patch(path + "/resources/handle", Map.of("mark_unhealthy", true));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().at("/error/type").asString()).isEqualTo("ActionInProgress");
        assertThat(alice.post(path + "/resources/handle/signal", Map.of("data", "x")).status()).isEqualTo(200);
        assertThat(stackWhenIdle(path).get("stack_status").asString()).isEqualTo("CREATE_COMPLETE");
        assertThat(handle.get("resource_status").asString()).isEqualTo("CREATE_COMPLETE");
    }
}
