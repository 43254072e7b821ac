package dev.overcast.orchestration.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.overcast.orchestration.template.DependencyGraph;

class ConvergenceGraphTest {

    private static NodeKey u(String id) {
        return NodeKey.update(id);
    }

    private static NodeKey c(String id) {
        return NodeKey.cleanup(id);
    }

    /** a; b requires a; c requires a and b. */
    private static DependencyGraph abc() {
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        requires.put("a", Set.of());
        requires.put("b", Set.of("a"));
        requires.put("c", new java.util.LinkedHashSet<>(List.of("a", "b")));
        return DependencyGraph.of(requires);
    }

    private static final Map<String, String> IDS = Map.of("a", "1", "b", "2", "c", "3");

    private static List<ExistingResource> abcRows() {
        return List.of(new ExistingResource("1", "a", Set.of(), null),
                new ExistingResource("2", "b", Set.of("1"), null),
                new ExistingResource("3", "c", Set.of("1", "2"), null));
    }

    @Test
    void aCreateHasOneUpdateNodePerResourceFollowingTheTemplatesRequirements() {
        ConvergenceGraph graph = ConvergenceGraph.forCreate(abc(), IDS);

        assertThat(graph.nodes()).containsExactly(u("1"), u("2"), u("3"));
        assertThat(graph.requires(u("2"))).containsExactly(u("1"));
        assertThat(graph.requires(u("3"))).containsExactly(u("1"), u("2"));
        assertThat(graph.startNodes()).containsExactly(u("1"));
        assertThat(graph.finalNodes()).containsExactly(u("3"));
    }

    @Test
    void aDeleteHasOnlyCleanupNodesAndCleansDependantsFirst() {
        ConvergenceGraph graph = ConvergenceGraph.forDelete(abcRows());

        assertThat(graph.nodes()).containsExactlyInAnyOrder(c("1"), c("2"), c("3"));
        assertThat(graph.requires(c("1"))).containsExactlyInAnyOrder(c("2"), c("3"));
        assertThat(graph.requires(c("2"))).containsExactly(c("3"));
        assertThat(graph.startNodes()).containsExactly(c("3"));
        assertThat(graph.finalNodes()).containsExactly(c("1"));
    }

    @Test
    void anUpdateCleansEachKeptResourceAfterItsUpdate() {
        ConvergenceGraph graph = ConvergenceGraph.forTraversal(abcRows(), abc(), IDS);

        assertThat(graph.requires(c("3"))).containsExactly(u("3"));
        assertThat(graph.requires(c("2"))).containsExactlyInAnyOrder(u("2"), c("3"));
        assertThat(graph.requires(c("1"))).containsExactlyInAnyOrder(u("1"), c("2"), c("3"));
        assertThat(graph.finalNodes()).containsExactly(c("1"));
    }

    @Test
    void aRemovedResourceIsCleanedUpOnlyAfterItsOldDependantsWereUpdated() {
        // x required a; the new template keeps x (no longer requiring a) and drops a
        List<ExistingResource> rows = List.of(new ExistingResource("1", "a", Set.of(), null),
                new ExistingResource("9", "x", Set.of("1"), null));
        DependencyGraph template = DependencyGraph.of(Map.of("x", Set.of()));

        ConvergenceGraph graph = ConvergenceGraph.forTraversal(rows, template, Map.of("x", "9"));

        assertThat(graph.nodes()).containsExactlyInAnyOrder(u("9"), c("9"), c("1"));
        assertThat(graph.requires(c("1"))).containsExactly(c("9"));
        assertThat(graph.requires(c("9"))).containsExactly(u("9"));
        assertThat(graph.edges()).doesNotContain(Map.entry(u("9"), c("1")));
    }

    @Test
    void anOlderVersionOfAReplacedResourceIsCleanedUpAfterTheNewerOne() {
        // a's row 1 was being replaced by row 2 when the previous traversal stopped; b needs a
        List<ExistingResource> rows = List.of(new ExistingResource("1", "a", Set.of(), null),
                new ExistingResource("2", "a", Set.of(), "1"),
                new ExistingResource("5", "b", Set.of("2"), null));
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        requires.put("a", Set.of());
        requires.put("b", Set.of("a"));

        ConvergenceGraph graph = ConvergenceGraph.forTraversal(rows, DependencyGraph.of(requires),
                Map.of("a", "2", "b", "5"));

        assertThat(graph.requires(u("5"))).containsExactly(u("2"));
        assertThat(graph.requires(c("1"))).containsExactly(c("2"));
        assertThat(graph.requires(c("2"))).containsExactlyInAnyOrder(u("2"), c("5"));
        assertThat(graph.contains(u("1"))).isFalse();
    }

    @Test
    void anEmptyStackToAnEmptyTemplateIsAnEmptyGraph() {
        ConvergenceGraph graph = ConvergenceGraph.forDelete(List.of());

        assertThat(graph.nodes()).isEmpty();
        assertThat(graph.startNodes()).isEmpty();
        assertThat(graph.finalNodes()).isEmpty();
    }

    @Test
    void aTemplateResourceWithoutAnIdIsRefused() {
        assertThatThrownBy(() -> ConvergenceGraph.forCreate(abc(), Map.of("a", "1", "b", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no resource id for template resource c");
    }

    @Test
    void twoTemplateResourcesSharingAnIdAreRefused() {
        assertThatThrownBy(() -> ConvergenceGraph.forCreate(abc(), Map.of("a", "1", "b", "2", "c", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template resources a and c have the same id 1");
    }

    @Test
    void aCycleIsRefusedNamingItsNodes() {
        Map<NodeKey, Set<NodeKey>> edges = new LinkedHashMap<>();
        edges.put(u("1"), Set.of(u("2")));
        edges.put(u("2"), Set.of(u("1")));
        edges.put(u("3"), Set.of());

        assertThatThrownBy(() -> ConvergenceGraph.of(edges))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the traversal graph has a cycle through [update:1, update:2]");
    }

    @Test
    void anEdgeToAnUnknownNodeIsRefused() {
        assertThatThrownBy(() -> ConvergenceGraph.of(Map.of(u("1"), Set.of(u("2")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("update:1 requires unknown node update:2");
    }

    @Test
    void graphsBuiltTwiceFromTheSameInputAreEqual() {
        assertThat(ConvergenceGraph.forTraversal(abcRows(), abc(), IDS))
                .isEqualTo(ConvergenceGraph.forTraversal(abcRows(), abc(), IDS));
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRandomUpdateOrdersCleanupsAfterTheUpdatesOfTheirOldDependants(long seed) {
        RandomStacks.Update update = RandomStacks.randomUpdate(new Random(seed));
        ConvergenceGraph graph = update.graph();

        for (String name : update.template().nodes()) {
            NodeKey node = u(update.currentIds().get(name));
            update.template().requires(name).forEach(need ->
                    assertThat(graph.requires(node)).contains(u(update.currentIds().get(need))));
        }
        Set<String> rowIds = new HashSet<>();
        update.existing().forEach(row -> rowIds.add(row.id()));
        for (ExistingResource row : update.existing()) {
            assertThat(graph.contains(c(row.id()))).isTrue();
            Set<NodeKey> before = ancestors(graph, c(row.id()));
            if (graph.contains(u(row.id()))) {
                assertThat(before).contains(u(row.id()));
            }
            for (ExistingResource dependant : update.existing()) {
                if (dependant.requires().contains(row.id())) {
                    assertThat(before).contains(c(dependant.id()));
                    if (graph.contains(u(dependant.id()))) {
                        assertThat(before).contains(u(dependant.id()));
                    }
                }
            }
            if (row.replaces() != null) {
                assertThat(ancestors(graph, c(row.replaces()))).contains(c(row.id()));
            }
        }
        long cleanups = graph.nodes().stream().filter(node -> !node.update()).count();
        assertThat(cleanups).isEqualTo(rowIds.size());
    }

    /** Every node that must finish before {@code node}. */
    private static Set<NodeKey> ancestors(ConvergenceGraph graph, NodeKey node) {
        Set<NodeKey> seen = new HashSet<>();
        Deque<NodeKey> todo = new ArrayDeque<>(graph.requires(node));
        while (!todo.isEmpty()) {
            NodeKey next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(graph.requires(next));
            }
        }
        return seen;
    }
}
