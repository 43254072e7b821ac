package dev.overcast.orchestration.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.template.Template;

/**
 * The resource work of one stack action: create every resource, update to a new template,
 * or delete every resource, each in dependency order through {@link DagRunner}.
 */
final class Operation {
    /** How the resource work ended. */
    sealed interface Outcome permits Succeeded, Failed {
    }

    record Succeeded() implements Outcome {
    }

    /** @param reason the stack's status reason, e.g. {@code Resource CREATE failed: ...} */
    record Failed(String reason) implements Outcome {
    }

    private final String stackId;
    private final StackContext context;
    private final ResourceSteps steps;
    private final int parallel;
    private final java.util.function.BooleanSupplier stop;

    Operation(String stackId, StackContext context, ResourceSteps steps, int parallel,
            java.util.function.BooleanSupplier stop) {
        this.stackId = stackId;
        this.context = context;
        this.steps = steps;
        this.parallel = parallel;
        this.stop = stop;
    }

    Outcome create(Template template) {
        return outcome(DagRunner.run(requires(template), parallel,
                name -> steps.create(stackId, template.resource(name)), stop));
    }

    /**
     * Updates to {@code template}: new and changed resources in dependency order, then the
     * resources the template no longer has and what replacements left behind.
     */
    Outcome update(Template template, List<ResourceRow> before) {
        List<ResourceSteps.Replaced> replaced = ResourceSteps.replacedList();
        Outcome first = outcome(DagRunner.run(requires(template), parallel,
                name -> steps.update(stackId, template.resource(name), replaced), stop));
        if (first instanceof Failed) {
            return first;
        }
        Set<String> removed = new LinkedHashSet<>();
        before.forEach(r -> {
            if (!template.resources().containsKey(r.name())) {
                removed.add(r.name());
            }
        });
        Outcome deleted = deleteAll(removed, before, false);
        if (deleted instanceof Failed) {
            return deleted;
        }
        for (ResourceSteps.Replaced r : replaced) {
            try {
                steps.deleteReplaced(r);
            } catch (ResourceSteps.StepFailed e) {
                return new Failed("Resource DELETE failed: " + e.getMessage());
            }
        }
        return new Succeeded();
    }

    /**
     * Runs SUSPEND (dependants first), RESUME (in dependency order) or CHECK on every resource the
     * rows name.
     */
    Outcome act(String action, List<ResourceRow> rows) {
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        rows.forEach(r -> requires.put(r.name(), new LinkedHashSet<>(r.requires())));
        Map<String, Set<String>> order = action.equals("SUSPEND") ? reverse(requires, rows) : requires;
        return outcome(DagRunner.run(order, parallel, name -> steps.act(name, action), stop));
    }

    /** Deletes every resource the rows name, dependents first. */
    Outcome delete(List<ResourceRow> rows, boolean keepRows) {
        Set<String> all = new LinkedHashSet<>();
        rows.forEach(r -> all.add(r.name()));
        return deleteAll(all, rows, keepRows);
    }

    private Outcome deleteAll(Set<String> names, List<ResourceRow> rows, boolean keepRows) {
        Map<String, Set<String>> chosen = new LinkedHashMap<>();
        names.forEach(n -> chosen.put(n, Set.of()));
        return outcome(DagRunner.run(reverse(chosen, rows), parallel, name -> steps.delete(name, keepRows)));
    }

    /** The keys of {@code nodes}, each after every row that requires it (dependants first). */
    private static Map<String, Set<String>> reverse(Map<String, Set<String>> nodes, List<ResourceRow> rows) {
        Map<String, Set<String>> after = new LinkedHashMap<>();
        nodes.keySet().forEach(n -> after.put(n, new LinkedHashSet<>()));
        for (ResourceRow r : rows) {
            if (!after.containsKey(r.name())) {
                continue;
            }
            for (String needed : r.requires()) {
                if (after.containsKey(needed)) {
                    after.get(needed).add(r.name());
                }
            }
        }
        return after;
    }

    private static Map<String, Set<String>> requires(Template template) {
        Map<String, Set<String>> requires = new LinkedHashMap<>();
        for (String name : template.dependencies().createOrder()) {
            requires.put(name, template.dependencies().requires(name));
        }
        return requires;
    }

    private static Outcome outcome(DagRunner.Result result) {
        if (result.succeeded()) {
            return new Succeeded();
        }
        if (result.failure().isEmpty()) {
            return new Failed("Stack action stopped");
        }
        Exception e = result.failure().values().iterator().next();
        if (e instanceof ResourceSteps.StepFailed f) {
            return new Failed("Resource " + f.action + " failed: " + f.getMessage());
        }
        String name = result.failure().keySet().iterator().next();
        return new Failed("Resource failed: " + ResourceSteps.reason(name,
                e instanceof RuntimeException r ? r : new RuntimeException(e)));
    }

    StackContext context() {
        return context;
    }
}
