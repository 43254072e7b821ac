package dev.overcast.orchestration.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which resource needs which: an edge from a resource to each resource it requires (through
 * {@code depends_on}, {@code get_resource} or {@code get_attr}). Creation goes in
 * {@link #createOrder()}, deletion in {@link #deleteOrder()}; {@link #createLevels()} groups the
 * resources that can be created at the same time.
 *
 * <p>Orders are deterministic: among resources that are ready together, template order wins.
 */
public final class DependencyGraph {

    private final Map<String, Set<String>> requires;
    private final Map<String, Set<String>> requiredBy;
    private final List<List<String>> levels;

    private DependencyGraph(Map<String, Set<String>> requires) {
        this.requires = requires;
        this.requiredBy = new LinkedHashMap<>();
        requires.keySet().forEach(n -> requiredBy.put(n, new LinkedHashSet<>()));
        requires.forEach((node, needs) -> needs.forEach(n -> requiredBy.get(n).add(node)));
        this.levels = computeLevels();
    }

    /**
     * @param requires each node (in template order) with the nodes it requires; every required
     *                 node must be a key
     * @throws TemplateException CircularDependencyException, worded as Heat's
     *                           {@code Circular Dependency Found: {a: {b}, b: {a}}}
     * @throws IllegalArgumentException when a required node is not a key
     */
    public static DependencyGraph of(Map<String, Set<String>> requires) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        requires.forEach((node, needs) -> {
            for (String n : needs) {
                if (!requires.containsKey(n)) {
                    throw new IllegalArgumentException(node + " requires unknown node " + n);
                }
            }
            copy.put(node, Collections.unmodifiableSet(new LinkedHashSet<>(needs)));
        });
        return new DependencyGraph(Collections.unmodifiableMap(copy));
    }

    private List<List<String>> computeLevels() {
        Map<String, Integer> remaining = new LinkedHashMap<>();
        requires.forEach((node, needs) -> remaining.put(node, needs.size()));
        List<List<String>> result = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<String> ready = new ArrayList<>();
            remaining.forEach((node, count) -> {
                if (count == 0) {
                    ready.add(node);
                }
            });
            if (ready.isEmpty()) {
                throw cycle(remaining.keySet());
            }
            for (String node : ready) {
                remaining.remove(node);
                requiredBy.get(node).forEach(dependent -> remaining.computeIfPresent(dependent, (k, c) -> c - 1));
            }
            result.add(List.copyOf(ready));
        }
        return List.copyOf(result);
    }

    private TemplateException cycle(Set<String> stuck) {
        List<String> parts = new ArrayList<>();
        for (String node : stuck) {
            List<String> needs = requires.get(node).stream().filter(stuck::contains).toList();
            parts.add(node + ": {" + String.join(", ", needs) + "}");
        }
        return new TemplateException(TemplateException.Type.CircularDependencyException,
                "Circular Dependency Found: {" + String.join(", ", parts) + "}");
    }

    /** @return every node, in template order */
    public Set<String> nodes() {
        return requires.keySet();
    }

    /** @return the nodes {@code node} requires */
    public Set<String> requires(String node) {
        return requires.getOrDefault(node, Set.of());
    }

    /** @return the nodes that require {@code node} */
    public Set<String> requiredBy(String node) {
        return Collections.unmodifiableSet(requiredBy.getOrDefault(node, Set.of()));
    }

    /** @return groups of nodes; each group needs only nodes of earlier groups */
    public List<List<String>> createLevels() {
        return levels;
    }

    /** @return a topological order: every node after the nodes it requires */
    public List<String> createOrder() {
        List<String> order = new ArrayList<>();
        levels.forEach(order::addAll);
        return List.copyOf(order);
    }

    /** @return the order to delete in: every node before the nodes it requires */
    public List<String> deleteOrder() {
        List<String> order = new ArrayList<>(createOrder());
        Collections.reverse(order);
        return List.copyOf(order);
    }
}
