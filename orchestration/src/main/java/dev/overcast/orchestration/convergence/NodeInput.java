package dev.overcast.orchestration.convergence;

import java.util.Objects;

/**
 * One input a node received: which node finished, and what it handed over.
 *
 * @param from the finished node
 * @param data its output, or null when it hands nothing over (a CLEANUP step telling the next
 *             CLEANUP step it may go, as Heat sends no data between cleanups)
 */
public record NodeInput(NodeKey from, NodeData data) {

    public NodeInput {
        Objects.requireNonNull(from, "from");
    }
}
