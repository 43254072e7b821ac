package dev.overcast.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.testkit.ApiClient;

/**
 * A legacy engine that dies mid-create leaves its stack IN_PROGRESS under a lock nobody renews;
 * the next engine to start marks it FAILED, and an update finishes the job.
 */
class EngineRecoveryTest {
    private static final String TEMPLATE = """
            heat_template_version: 2016-10-14
            resources:
              a:
                type: OS::Heat::TestResource
              b:
                type: OS::Heat::TestResource
                properties:
                  value: {get_attr: [a, output]}
              c:
                type: OS::Heat::TestResource
                depends_on: b
            """;

    private final OrchestrationServer server = new OrchestrationServer();
    private final StackStore store = new StackStore(server.jdbi());
    private final ApiClient alice = server.member("alice", "p1");

    @AfterEach
    void close() {
        server.close();
    }

    /** The rows a create leaves when its engine dies while {@code b} is being created. */
    private String halfCreated(String name, String lockEngine, Instant lockExpires) {
        Instant now = Instant.now();
        String id = java.util.UUID.randomUUID().toString();
        store.insert(new StackRow(id, name, "p1", "alice", null, "CREATE", "IN_PROGRESS", "Stack CREATE started",
                TEMPLATE, Map.of(), Map.of(), Map.of(), List.of(), true, null, "legacy", lockEngine, lockExpires, now,
                null, null), List.of(
                new ResourceRow(java.util.UUID.randomUUID().toString(), id, "a", "OS::Heat::TestResource", name + "-a-x", "CREATE", "COMPLETE",
                        "state changed", Map.of("value", "test_string"), Map.of(), Map.of(), List.of(), now, now),
                new ResourceRow(java.util.UUID.randomUUID().toString(), id, "b", "OS::Heat::TestResource", null, "CREATE", "IN_PROGRESS",
                        "state changed", Map.of(), Map.of(), Map.of(), List.of("a"), now, now),
                new ResourceRow(java.util.UUID.randomUUID().toString(), id, "c", "OS::Heat::TestResource", null, "INIT", "COMPLETE", "",
                        Map.of(), Map.of(), Map.of(), List.of("b"), now, null)));
        return id;
    }

    @Test
    void aStackWhoseEngineLeaseLapsedFailsAtStartUpAndAnUpdateResumesIt() throws Exception {
        String id = halfCreated("s", "gone-engine", Instant.now().minus(Duration.ofMinutes(5)));
        try (var restarted = server.newService("other-engine", "legacy")) {
            StackRow stack = store.find(id).orElseThrow();
            assertThat(stack.stackStatus()).isEqualTo("CREATE_FAILED");
            assertThat(stack.statusReason()).isEqualTo("Engine went down during stack CREATE");
            assertThat(stack.lockEngine()).isNull();
            assertThat(store.resources(id)).filteredOn(r -> r.name().equals("b")).first()
                    .extracting(ResourceRow::resourceStatus).isEqualTo("CREATE_FAILED");
        }
        var reply = alice.patch("/v1/p1/stacks/s/" + id, Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        server.service().engine().awaitIdle(id);
        assertThat(store.find(id).orElseThrow().stackStatus()).isEqualTo("UPDATE_COMPLETE");
        assertThat(store.resources(id)).allSatisfy(r -> assertThat(r.status()).isEqualTo("COMPLETE"));
        assertThat(store.resources(id)).filteredOn(r -> r.name().equals("a")).first()
                .extracting(ResourceRow::physicalId).isEqualTo("s-a-x");
    }

    @Test
    void aRestartedEngineKnowsTheLocksItHeldAreDeadEvenBeforeTheLeaseLapses() {
        String id = halfCreated("s", "same-engine", Instant.now().plus(Duration.ofMinutes(5)));
        try (var restarted = server.newService("same-engine", "legacy")) {
            assertThat(store.find(id).orElseThrow().stackStatus()).isEqualTo("CREATE_FAILED");
        }
    }

    @Test
    void aStackLockedByALiveEngineIsLeftAlone() {
        String id = halfCreated("s", "live-engine", Instant.now().plus(Duration.ofMinutes(5)));
        try (var started = server.newService("another-engine", "legacy")) {
            assertThat(store.find(id).orElseThrow().stackStatus()).isEqualTo("CREATE_IN_PROGRESS");
        }
        var reply = alice.patch("/v1/p1/stacks/s/" + id, Map.of());
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("error").get("type").asString()).isEqualTo("ActionInProgress");
    }
}
