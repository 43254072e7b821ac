package dev.overcast.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.overcast.orchestration.BlockingSleeper;
import dev.overcast.orchestration.OrchestrationServer;

/** The shared stack scenarios on the convergence engine, and what only it does. */
class ConvergenceStackTest extends StackScenarios {
    @Override
    String engine() {
        return "convergence";
    }

    /**
     * An update sent while a create runs supersedes it (the legacy engine answers 409): the
     * create's work drains away, the resource it was still working on is checked again for the
     * update once its step ends, and the stack ends as the update says.
     */
    @Test
    void anUpdateSupersedesARunningCreate() throws Exception {
        BlockingSleeper sleeper = new BlockingSleeper();
        try (var slow = new OrchestrationServer(Clock.systemUTC(), "convergence", "slow-engine", sleeper)) {
            var bob = slow.member("bob", "p1");
            String first = """
                    heat_template_version: 2018-08-31
                    resources:
                      slow:
                        type: OS::Heat::TestResource
                        properties:
                          value: one
                          wait_secs: 5
                      after:
                        type: OS::Heat::TestResource
                        properties:
                          value: {get_attr: [slow, output]}
                    """;
            var created = bob.post("/v1/p1/stacks", Map.of("stack_name", "c", "template", first));
            String path = "/v1/p1/stacks/c/" + created.json().get("stack").get("id").asString();
            sleeper.awaitWaiting();
            String second = first.replace("value: one\n      wait_secs: 5", "value: two");
            var update = bob.put(path, Map.of("template", second));
            assertThat(update.status()).as(update.body()).isEqualTo(202);
            sleeper.release();
            String status = waitFor(slow, bob, path);
            java.util.List<String> events = new java.util.ArrayList<>();
            bob.get(path + "/events").json().get("events").forEach(e -> events.add(e.get("resource_name").asString()
                    + " " + e.get("resource_status").asString() + " " + e.get("resource_status_reason").asString()));
            assertThat(status).as(events.toString()).isEqualTo("UPDATE_COMPLETE");
            assertThat(bob.get(path + "/resources/after").json().get("resource").get("attributes").get("output")
                    .asString()).isEqualTo("two");
            assertThat(bob.get(path + "/resources/slow").json().get("resource").get("resource_status").asString())
                    .as(events.toString()).isEqualTo("UPDATE_COMPLETE");
        }
    }
}
