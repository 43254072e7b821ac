package dev.overcast.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.BlockingSleeper;
import dev.overcast.orchestration.OrchestrationServer;

/** As in Heat's legacy engine, deleting a stack stops the action running on it and deletes what exists. */
class DeleteInProgressTest {
    private static final String TEMPLATE = """
            heat_template_version: 2016-10-14
            resources:
              slow:
                type: OS::Heat::TestResource
                properties:
                  action_wait_secs: {create: 60}
              after:
                type: OS::Heat::TestResource
                depends_on: slow
            """;

    @Test
    void deletingAStackBeingCreatedStopsTheCreateAndDeletesWhatWasMade() throws Exception {
        BlockingSleeper sleeper = new BlockingSleeper();
        try (var server = new OrchestrationServer(Clock.systemUTC(), "legacy", "e1", sleeper)) {
            var alice = server.member("alice", "p1");
            var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "s", "template", TEMPLATE));
            String path = "/v1/p1/stacks/s/" + reply.json().get("stack").get("id").asString();
            sleeper.awaitWaiting();
            assertThat(alice.delete(path).status()).isEqualTo(204);
            assertThat(alice.get(path).json().get("stack").get("stack_status").asString())
                    .isEqualTo("DELETE_IN_PROGRESS");
            sleeper.release();
            server.service().engine().awaitIdle(path.substring(path.lastIndexOf('/') + 1));
            assertThat(alice.get(path).json().get("stack").get("stack_status").asString())
                    .isEqualTo("DELETE_COMPLETE");
            List<String> events = new ArrayList<>();
            alice.get(path + "/events").json().get("events").forEach(e -> events.add(
                    e.get("resource_name").asString() + " " + e.get("resource_status").asString()));
            assertThat(events).doesNotContain("after CREATE_IN_PROGRESS", "s CREATE_COMPLETE")
                    .contains("slow DELETE_COMPLETE", "s DELETE_COMPLETE");
        }
    }
}
