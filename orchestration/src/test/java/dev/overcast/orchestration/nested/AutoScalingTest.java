package dev.overcast.orchestration.nested;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.overcast.orchestration.OrchestrationServer;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.testkit.ApiClient;

/**
 * An AutoScalingGroup and its policies. The signal API is not this package's, so the policy's
 * signal is taken the way that API takes it: through the plugin, with the nested stacks service.
 */
class AutoScalingTest {
    static final String TEMPLATE = """
            heat_template_version: 2018-08-31
            parameters:
              desired:
                type: number
                default: 2
            resources:
              asg:
                type: OS::Heat::AutoScalingGroup
                properties:
                  min_size: 1
                  max_size: 4
                  desired_capacity: {get_param: desired}
                  resource:
                    type: OS::Heat::TestResource
                    properties:
                      value: member
              up:
                type: OS::Heat::ScalingPolicy
                properties:
                  auto_scaling_group_id: {get_resource: asg}
                  adjustment_type: change_in_capacity
                  scaling_adjustment: 1
              exact:
                type: OS::Heat::ScalingPolicy
                properties:
                  auto_scaling_group_id: {get_resource: asg}
                  adjustment_type: exact_capacity
                  scaling_adjustment: 1
                  cooldown: 600
            outputs:
              size:
                value: {get_attr: [asg, current_size]}
              values:
                value: {get_attr: [asg, outputs_list, output]}
              url:
                value: {get_attr: [up, signal_url]}
            """;

    private final OrchestrationServer server = new OrchestrationServer();
    private final ApiClient alice = server.member("alice", "p1");
    private final StackStore store = new StackStore(server.jdbi());

    @AfterEach
    void close() {
        server.close();
    }

    private String create() throws InterruptedException {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "scaled", "template", TEMPLATE));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("stack").get("id").asString();
        server.service().engine().awaitIdle(id);
        return id;
    }

    private Map<String, JsonNode> outputs(String id) throws InterruptedException {
        server.service().engine().awaitIdle(id);
        JsonNode stack = alice.get("/v1/p1/stacks/scaled/" + id).json().get("stack");
        assertThat(stack.get("stack_status").asString()).as(stack.toString()).endsWith("_COMPLETE");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        stack.get("outputs").forEach(o -> out.put(o.get("output_key").asString(), o.get("output_value")));
        return out;
    }

    /** Signals the policy as the signal API does, and stores what it returns on the policy. */
    private void signal(String stackId, String policy, Map<String, Object> details) {
        StackRow stack = store.find(stackId).orElseThrow();
        var nested = new EngineNestedStacks(store, Map.of("legacy", server.service().engine()),
                ResourceTypes.builtIn(), Clock.systemUTC());
        PluginContext context = new PluginContext(Clock.systemUTC(), d -> { }, new Random(7), stack,
                PluginServices.NONE.with(NestedStacks.class, nested));
        ResourceRow row = store.resources(stackId).stream().filter(r -> r.name().equals(policy)).findFirst()
                .orElseThrow();
        Map<String, Object> data = new ScalingPolicy().signal(new ResourceState(row.name(), row.physicalId(),
                row.properties(), row.data()), details, context);
        if (data != null) {
            store.updateResource(row.withApplied(row.type(), row.physicalId(), row.properties(), data, row.metadata(),
                    row.requires()));
        }
    }

    private long members(String stackId) {
        return alice.get("/v1/p1/stacks/scaled/" + stackId + "/resources?nested_depth=1").json().get("resources")
                .valueStream().filter(r -> r.has("parent_resource")).count();
    }

    @Test
    void aGroupStartsAtItsDesiredCapacityAndPoliciesResizeIt() throws Exception {
        String id = create();
        Map<String, JsonNode> outputs = outputs(id);
        assertThat(outputs.get("size").asInt()).isEqualTo(2);
        assertThat(outputs.get("values").toString()).isEqualTo("[\"member\",\"member\"]");
        assertThat(outputs.get("url").asString()).isEqualTo("/orchestration/v1/p1/stacks/scaled/" + id
                + "/resources/up/signal");

        signal(id, "up", Map.of());
        assertThat(outputs(id).get("size").asInt()).isEqualTo(3);
        assertThat(members(id)).isEqualTo(3);
        signal(id, "up", Map.of());
        signal(id, "up", Map.of());
        assertThat(outputs(id).get("size").asInt()).as("bounded by max_size").isEqualTo(4);

        signal(id, "up", Map.of("current", "ok"));
        signal(id, "exact", Map.of("current", "alarm"));
        assertThat(outputs(id).get("size").asInt()).isEqualTo(1);
        assertThat(members(id)).isEqualTo(1);
    }

    @Test
    void aPolicyInCooldownChangesNothing() throws Exception {
        String id = create();
        signal(id, "exact", Map.of());
        assertThat(outputs(id).get("size").asInt()).isEqualTo(1);
        signal(id, "up", Map.of());
        signal(id, "up", Map.of());
        assertThat(outputs(id).get("size").asInt()).isEqualTo(3);
        signal(id, "exact", Map.of());
        assertThat(outputs(id).get("size").asInt()).as("exact is cooling down").isEqualTo(3);
    }

    @Test
    void anUpdateKeepsTheSizeAPolicySetUnlessTheDesiredCapacityChanges() throws Exception {
        String id = create();
        signal(id, "up", Map.of());
        List<String> template = List.of(TEMPLATE.replace("value: member", "value: changed"));
        var reply = alice.patch("/v1/p1/stacks/scaled/" + id, Map.of("template", template.getFirst()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        Map<String, JsonNode> outputs = outputs(id);
        assertThat(outputs.get("size").asInt()).isEqualTo(3);
        assertThat(outputs.get("values").toString()).isEqualTo("[\"changed\",\"changed\",\"changed\"]");

        reply = alice.patch("/v1/p1/stacks/scaled/" + id, Map.of("parameters", Map.of("desired", 4)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(outputs(id).get("size").asInt()).isEqualTo(4);
    }

    @Test
    void aRollingUpdateReachesTheMembersABatchAtATime() throws Exception {
        String rolling = TEMPLATE.replace("      desired_capacity: {get_param: desired}\n",
                "      desired_capacity: 3\n      rolling_updates: {max_batch_size: 2}\n");
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "scaled", "template", rolling));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("stack").get("id").asString();
        assertThat(outputs(id).get("size").asInt()).isEqualTo(3);
        reply = alice.patch("/v1/p1/stacks/scaled/" + id, Map.of("template",
                rolling.replace("value: member", "value: changed")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(outputs(id).get("values").toString()).isEqualTo("[\"changed\",\"changed\",\"changed\"]");
        String groupStack = store.resources(id).stream().filter(r -> r.name().equals("asg")).findFirst()
                .orElseThrow().physicalId();
        long updates = store.events(groupStack).stream()
                .filter(e -> e.statusReason().equals("Stack UPDATE started"))
                .count();
        assertThat(updates).as("two batches, then the group as a whole").isEqualTo(3);
    }

    @Test
    void aRetriedCreateFindsTheChildItMadeAndADeleteIsIdempotent() throws Exception {
        String id = create();
        StackRow stack = store.find(id).orElseThrow();
        var nested = new EngineNestedStacks(store, Map.of("legacy", server.service().engine()),
                ResourceTypes.builtIn(), Clock.systemUTC());
        PluginContext context = new PluginContext(Clock.systemUTC(), d -> { }, new Random(3), stack,
                PluginServices.NONE.with(NestedStacks.class, nested));
        var definition = new NestedStacks.Definition(NestedStackScenarios.CHILD, Map.of("greeting", "x"), null);
        String first = nested.create("extra", definition, context);
        String again = nested.create("extra", definition, context);
        assertThat(again).isEqualTo(first);
        assertThat(store.children(id).stream().filter(c -> c.name().startsWith("scaled-extra-"))).hasSize(1);
        assertThat(nested.outputs(first)).containsEntry("said", "x");
        nested.delete(first, context);
        nested.delete(first, context);
        assertThat(store.children(id).stream().filter(c -> c.name().startsWith("scaled-extra-"))).isEmpty();
    }

    @Test
    void aGroupWhoseBoundsContradictEachOtherFailsWithHeatsReason() throws Exception {
        var reply = alice.post("/v1/p1/stacks", Map.of("stack_name", "scaled", "template",
                TEMPLATE.replace("min_size: 1", "min_size: 5")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("stack").get("id").asString();
        server.service().engine().awaitIdle(id);
        JsonNode stack = alice.get("/v1/p1/stacks/scaled/" + id).json().get("stack");
        assertThat(stack.get("stack_status_reason").asString()).isEqualTo(
                "Resource CREATE failed: StackValidationFailed: resources.asg: min_size can not be greater than max_size");
    }
}
