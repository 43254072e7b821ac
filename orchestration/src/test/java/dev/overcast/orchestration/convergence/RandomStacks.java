package dev.overcast.orchestration.convergence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.overcast.orchestration.template.DependencyGraph;

/** Seeded random graphs and stacks for the property-style tests. */
final class RandomStacks {
    private RandomStacks() {
    }

    /** A random DAG of {@code size} nodes, a mix of UPDATE and CLEANUP nodes; edges only to earlier nodes. */
    static ConvergenceGraph randomDag(Random random, int size) {
        List<NodeKey> nodes = new ArrayList<>();
        Map<NodeKey, Set<NodeKey>> edges = new LinkedHashMap<>();
        double density = random.nextDouble() * 0.3;
        for (int i = 0; i < size; i++) {
            NodeKey node = new NodeKey("r" + i, random.nextBoolean());
            Set<NodeKey> needs = new LinkedHashSet<>();
            for (NodeKey earlier : nodes) {
                if (random.nextDouble() < density) {
                    needs.add(earlier);
                }
            }
            nodes.add(node);
            edges.put(node, needs);
        }
        return ConvergenceGraph.of(edges);
    }

    /** A template of {@code names} where each resource requires some earlier ones. */
    static DependencyGraph randomTemplate(Random random, List<String> names) {
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Set<String> needs = new LinkedHashSet<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(4) == 0) {
                    needs.add(names.get(j));
                }
            }
            requires.put(names.get(i), needs);
        }
        return DependencyGraph.of(requires);
    }

    /** An old stack, a new template and the ids the new template's resources act on. */
    record Update(List<ExistingResource> existing, DependencyGraph template, Map<String, String> currentIds) {
        ConvergenceGraph graph() {
            return ConvergenceGraph.forTraversal(existing, template, currentIds);
        }
    }

    /**
     * A random update: an old stack (some resources with an unfinished replacement, so two rows),
     * and a new template that keeps some resources, drops others and adds new ones.
     */
    static Update randomUpdate(Random random) {
        List<String> oldNames = new ArrayList<>();
        int oldSize = random.nextInt(12);
        for (int i = 0; i < oldSize; i++) {
            oldNames.add("old" + i);
        }
        DependencyGraph oldTemplate = randomTemplate(random, oldNames);
        Map<String, String> newest = new LinkedHashMap<>();
        List<ExistingResource> rows = new ArrayList<>();
        for (String name : oldTemplate.createOrder()) {
            Set<String> requires = new LinkedHashSet<>();
            oldTemplate.requires(name).forEach(need -> requires.add(newest.get(need)));
            String id = name + "-1";
            rows.add(new ExistingResource(id, name, requires, null));
            newest.put(name, id);
            if (random.nextInt(5) == 0) {
                String replacement = name + "-2";
                rows.add(new ExistingResource(replacement, name, requires, id));
                newest.put(name, replacement);
            }
        }
        List<String> newNames = new ArrayList<>();
        for (String name : oldNames) {
            if (random.nextInt(3) > 0) {
                newNames.add(name);
            }
        }
        int added = random.nextInt(6);
        for (int i = 0; i < added; i++) {
            newNames.add("new" + i);
        }
        Map<String, String> currentIds = new LinkedHashMap<>();
        newNames.forEach(name -> currentIds.put(name, newest.getOrDefault(name, name + "-new")));
        return new Update(rows, randomTemplate(random, newNames), currentIds);
    }
}
