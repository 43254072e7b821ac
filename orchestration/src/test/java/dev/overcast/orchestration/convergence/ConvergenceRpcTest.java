package dev.overcast.orchestration.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.overcast.core.bus.Dispatcher;
import dev.overcast.core.bus.Envelope;
import dev.overcast.core.bus.MessageFormatException;
import dev.overcast.core.bus.Reply;
import dev.overcast.core.bus.RequestContext;
import dev.overcast.core.bus.Version;
import dev.overcast.core.bus.Wire;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

class ConvergenceRpcTest {

    private static ConvergenceRpc.CheckResource item() {
        NodeData server = new NodeData("42", "server", "9f1c", Map.of(
                "networks", Json.parse("{\"private\": [\"10.0.0.5\"]}"),
                "missing", NullNode.instance), "CREATE", "COMPLETE");
        return new ConvergenceRpc.CheckResource("stack-1", "trav-1", "43", true,
                List.of(new NodeInput(NodeKey.update("42"), server), new NodeInput(NodeKey.cleanup("7"), null)));
    }

    @Test
    void aCheckResourceItemSurvivesTheTripThroughJson() {
        ConvergenceRpc.CheckResource item = item();

        byte[] bytes = Wire.encode(item, "check_resource");

        assertThat(Wire.decode(bytes, ConvergenceRpc.CheckResource.class, "check_resource")).isEqualTo(item);
    }

    @Test
    void aCheckResourceItemReadsAsHeatNamesItsParts() {
        JsonNode tree = Wire.toTree(item(), "check_resource");

        assertThat(tree.propertyNames()).containsExactlyInAnyOrder("stackId", "traversalId", "resourceKey",
                "isUpdate", "inputData");
        assertThat(tree.get("inputData").get(0).get("from").get("update").asBoolean()).isTrue();
        assertThat(tree.get("inputData").get(0).get("data").get("attributes").get("networks").get("private").get(0)
                .asString()).isEqualTo("10.0.0.5");
        assertThat(tree.get("inputData").get(1).get("data").isNull()).isTrue();
    }

    @Test
    void anItemWithoutItsTraversalDoesNotRead() {
        JsonNode tree = Wire.toTree(item(), "check_resource");
        ((tools.jackson.databind.node.ObjectNode) tree).remove("traversalId");

        assertThatThrownBy(() -> Wire.fromTree(tree, ConvergenceRpc.CheckResource.class, "check_resource"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("traversalId");
    }

    @Test
    void anItemIsBuiltFromTheDecidersCheckAndNamesItsNode() {
        Decision.CheckNode check = new Decision.CheckNode(NodeKey.cleanup("7"), List.of());

        ConvergenceRpc.CheckResource item = ConvergenceRpc.CheckResource.of("stack-1", "trav-2", check);

        assertThat(item).isEqualTo(new ConvergenceRpc.CheckResource("stack-1", "trav-2", "7", false, List.of()));
        assertThat(item.node()).isEqualTo(NodeKey.cleanup("7"));
    }

    @Test
    void theWorkersDispatcherHandsCheckResourceToTheHandlerAndRefusesANewerMajor() {
        List<ConvergenceRpc.CheckResource> handled = new CopyOnWriteArrayList<>();
        Dispatcher dispatcher = ConvergenceRpc.dispatcher((args, context) -> {
            handled.add(args);
            return null;
        });
        JsonNode args = Wire.toTree(item(), "check_resource");

        Reply reply = dispatcher.dispatch(new Envelope("check_resource", Version.parse("1.0"), args,
                RequestContext.EMPTY));
        Reply newer = dispatcher.dispatch(new Envelope("check_resource", Version.parse("2.0"), args,
                RequestContext.EMPTY));

        assertThat(reply).isInstanceOf(Reply.Result.class);
        assertThat(handled).containsExactly(item());
        assertThat(newer).isInstanceOf(Reply.Failure.class);
        assertThat(ConvergenceRpc.CHECK_RESOURCE.version()).isEqualTo(Version.parse(ConvergenceRpc.VERSION));
        assertThat(ConvergenceRpc.workers().topic()).isEqualTo("engine_worker");
    }
}
