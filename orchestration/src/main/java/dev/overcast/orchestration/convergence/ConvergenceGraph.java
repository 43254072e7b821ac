package dev.overcast.orchestration.convergence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.DependencyGraph;

/**
 * The dependency graph of one convergence traversal, as Heat's convergence engine builds it.
 *
 * <p>Every resource of the new template gets an UPDATE node and every row the stack has before
 * the traversal gets a CLEANUP node. Whether a resource is replaced is only known when its UPDATE
 * step runs (the plugin decides), so an old row's CLEANUP node is there even when the resource is
 * kept: once the UPDATE has run, the CLEANUP step deletes the row only if it is no longer the
 * current version, and otherwise just finishes. The edges:
 * <ul>
 * <li>an UPDATE node requires the UPDATE nodes of the resources it requires in the new template;</li>
 * <li>a CLEANUP node requires the UPDATE node of the same row, when there is one (so a kept or
 *     replaced resource is only cleaned up after it was updated);</li>
 * <li>the CLEANUP node of a row requires the CLEANUP nodes of the rows that required it (reverse
 *     dependency order: dependants go first). Since a dependant's CLEANUP waits for its UPDATE,
 *     a replaced row is deleted only after its dependants moved to the replacement;</li>
 * <li>the CLEANUP node of a row replaced by a newer row requires the newer row's CLEANUP node.</li>
 * </ul>
 * A create is a traversal from an empty stack (UPDATE nodes only), a delete a traversal to an empty
 * template (CLEANUP nodes only).
 *
 * <p>Node and edge order is deterministic (insertion order), so a graph built twice from the same
 * input is equal, node for node.
 */
public final class ConvergenceGraph {

    private final Map<NodeKey, Set<NodeKey>> requires;
    private final Map<NodeKey, Set<NodeKey>> requiredBy;
    private final List<NodeKey> startNodes;
    private final Set<NodeKey> finalNodes;

    private ConvergenceGraph(Map<NodeKey, Set<NodeKey>> requires) {
        Map<NodeKey, Set<NodeKey>> reverse = new LinkedHashMap<>();
        requires.keySet().forEach(node -> reverse.put(node, new LinkedHashSet<>()));
        requires.forEach((node, needs) -> needs.forEach(need -> reverse.get(need).add(node)));
        Map<NodeKey, Set<NodeKey>> frozen = new LinkedHashMap<>();
        reverse.forEach((node, set) -> frozen.put(node, Collections.unmodifiableSet(set)));
        this.requires = requires;
        this.requiredBy = Collections.unmodifiableMap(frozen);
        this.startNodes = requires.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        Set<NodeKey> last = new LinkedHashSet<>();
        requiredBy.forEach((node, dependants) -> {
            if (dependants.isEmpty()) {
                last.add(node);
            }
        });
        this.finalNodes = Collections.unmodifiableSet(last);
        checkAcyclic();
    }

    /**
     * A graph from explicit edges.
     *
     * @param requires every node with the nodes it requires; each required node must be a key
     * @throws IllegalArgumentException when a required node is missing or the edges form a cycle
     */
    public static ConvergenceGraph of(Map<NodeKey, ? extends Collection<NodeKey>> requires) {
        Map<NodeKey, Set<NodeKey>> copy = new LinkedHashMap<>();
        requires.forEach((node, needs) -> {
            for (NodeKey need : needs) {
                if (!requires.containsKey(need)) {
                    throw new IllegalArgumentException(node + " requires unknown node " + need);
                }
            }
            copy.put(node, Collections.unmodifiableSet(new LinkedHashSet<>(needs)));
        });
        return new ConvergenceGraph(Collections.unmodifiableMap(copy));
    }

    /**
     * The graph of a traversal from the stack's current rows to a new template.
     *
     * @param existing   the stack's rows before the traversal (empty for a create)
     * @param template   the new template's dependency graph, by resource name (empty for a delete)
     * @param currentIds for each resource name of the new template, the id of the row its UPDATE
     *                   step acts on (the current row, or the row stored for a new resource)
     * @throws IllegalArgumentException when a template resource has no id in {@code currentIds},
     *                                  two share one, or rows name each other in a cycle
     */
    public static ConvergenceGraph forTraversal(Collection<ExistingResource> existing, DependencyGraph template,
                                                Map<String, String> currentIds) {
        Map<NodeKey, Set<NodeKey>> edges = new LinkedHashMap<>();
        Map<String, String> namesById = new LinkedHashMap<>();
        for (String name : template.createOrder()) {
            String other = namesById.putIfAbsent(idOf(name, currentIds), name);
            if (other != null) {
                throw new IllegalArgumentException("template resources " + other + " and " + name
                        + " have the same id " + currentIds.get(name));
            }
            NodeKey node = NodeKey.update(idOf(name, currentIds));
            Set<NodeKey> needs = new LinkedHashSet<>();
            template.requires(name).forEach(need -> needs.add(NodeKey.update(idOf(need, currentIds))));
            edges.put(node, needs);
        }
        Map<String, ExistingResource> rows = new LinkedHashMap<>();
        existing.forEach(row -> rows.put(row.id(), row));
        rows.keySet().forEach(id -> edges.putIfAbsent(NodeKey.cleanup(id), new LinkedHashSet<>()));
        for (ExistingResource row : rows.values()) {
            NodeKey cleanup = NodeKey.cleanup(row.id());
            for (String requirement : row.requires()) {
                if (rows.containsKey(requirement)) {
                    edges.get(NodeKey.cleanup(requirement)).add(cleanup);
                }
            }
            if (row.replaces() != null && rows.containsKey(row.replaces())) {
                edges.get(NodeKey.cleanup(row.replaces())).add(cleanup);
            }
            NodeKey update = NodeKey.update(row.id());
            if (edges.containsKey(update)) {
                edges.get(cleanup).add(update);
            }
        }
        return of(edges);
    }

    /** The graph of a create: the template's resources, none existing yet. */
    public static ConvergenceGraph forCreate(DependencyGraph template, Map<String, String> currentIds) {
        return forTraversal(List.of(), template, currentIds);
    }

    /** The graph of a delete: every existing row is cleaned up, dependants first. */
    public static ConvergenceGraph forDelete(Collection<ExistingResource> existing) {
        return forTraversal(existing, DependencyGraph.of(Map.of()), Map.of());
    }

    private static String idOf(String name, Map<String, String> currentIds) {
        String id = currentIds.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no resource id for template resource " + name);
        }
        return id;
    }

    private void checkAcyclic() {
        Map<NodeKey, Integer> remaining = new LinkedHashMap<>();
        requires.forEach((node, needs) -> remaining.put(node, needs.size()));
        List<NodeKey> ready = new ArrayList<>(startNodes());
        int done = 0;
        while (!ready.isEmpty()) {
            NodeKey node = ready.removeLast();
            done++;
            for (NodeKey dependant : requiredBy.get(node)) {
                if (remaining.merge(dependant, -1, Integer::sum) == 0) {
                    ready.add(dependant);
                }
            }
        }
        if (done != requires.size()) {
            List<NodeKey> stuck = remaining.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                    .toList();
            throw new IllegalArgumentException("the traversal graph has a cycle through " + stuck);
        }
    }

    /** @return every node, UPDATE nodes in the template's create order, then CLEANUP nodes */
    public Set<NodeKey> nodes() {
        return requires.keySet();
    }

    /** @return whether {@code node} is in this graph */
    public boolean contains(NodeKey node) {
        return requires.containsKey(node);
    }

    /** @return the nodes that must finish before {@code node} starts (its sync point's predecessors) */
    public Set<NodeKey> requires(NodeKey node) {
        Set<NodeKey> needs = requires.get(node);
        if (needs == null) {
            throw new IllegalArgumentException(node + " is not in this traversal");
        }
        return needs;
    }

    /** @return the nodes that wait for {@code node} */
    public Set<NodeKey> requiredBy(NodeKey node) {
        Set<NodeKey> dependants = requiredBy.get(node);
        if (dependants == null) {
            throw new IllegalArgumentException(node + " is not in this traversal");
        }
        return dependants;
    }

    /** @return the nodes that need nothing: a traversal starts by checking these */
    public List<NodeKey> startNodes() {
        return startNodes;
    }

    /** @return the nodes nothing waits for: the stack is complete when all of them are */
    public Set<NodeKey> finalNodes() {
        return finalNodes;
    }

    /** @return every edge as (node, a node it requires), in node order; for tests and logs */
    public List<Map.Entry<NodeKey, NodeKey>> edges() {
        List<Map.Entry<NodeKey, NodeKey>> out = new ArrayList<>();
        requires.forEach((node, needs) -> needs.forEach(need -> out.add(Map.entry(node, need))));
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvergenceGraph graph && graph.requires.equals(requires);
    }

    @Override
    public int hashCode() {
        return requires.hashCode();
    }

    @Override
    public String toString() {
        return "ConvergenceGraph" + requires;
    }
}
