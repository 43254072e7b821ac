package dev.overcast.orchestration.nested;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.engine.StackContext;
import dev.overcast.orchestration.engine.StackEngine;
import dev.overcast.orchestration.engine.StackTemplates;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.TemplateException;

/**
 * {@link NestedStacks} through the stack store and the engines: a child is an ordinary stack
 * whose {@code owner_id} is its parent, run by the parent's engine, named
 * {@code <parent>-<resource>-<12 random characters>} as Heat names it. Waiting polls the
 * child's row through the plugin's sleeper, so it works whichever engine (and process) runs
 * the child.
 *
 * <p>A child whose create fails is deleted (the engine keeps no physical id for a failed
 * create, so nothing else would). A retried create adopts a live child of the same parent and resource that no resource
 * of the parent holds yet: one made by an attempt that died before it stored the physical id.
 * A child some resource holds belongs to that resource (the one a replacement replaces), so it
 * is never adopted.
 */
public final class EngineNestedStacks implements NestedStacks {
    private static final Duration POLL = Duration.ofMillis(200);
    /** How deep stacks nest, the root counting as 0 (Heat's default {@code max_nested_stack_depth}). */
    static final int MAX_DEPTH = 5;
    private final StackStore store;
    private final Map<String, StackEngine> engines;
    private final ResourceTypes types;
    private final Clock clock;

    /**
     * @param engines the engines by name; read when a child is made, so the map may be filled
     *                after this is built (the engines need this service first)
     */
    public EngineNestedStacks(StackStore store, Map<String, StackEngine> engines, ResourceTypes types, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.types = types;
        this.clock = clock;
    }

    @Override
    public String create(String resourceName, Definition definition, PluginContext context) {
        StackRow parent = store.find(context.stack().id()).orElse(context.stack());
        StackRow child = adoptable(parent, resourceName).orElse(null);
        if (child != null && child.stackStatus().equals("CREATE_FAILED")) {
            delete(child.id(), context);
            child = null;
        }
        if (child == null) {
            checkDepth(parent);
            child = childRow(parent, context.physicalName(resourceName), definition);
            engine(parent).create(child, parse(child));
        }
        try {
            await(child.id(), "CREATE", context);
        } catch (ResourceFailure failed) {
            // The engine records no physical id for a failed create, so nothing would delete
            // this child later: it goes now, and its reason lives on in the resource's.
            try {
                delete(child.id(), context);
            } catch (ResourceFailure ignored) {
                // The create's failure is the one to report.
            }
            throw failed;
        }
        return child.id();
    }

    /** Heat's {@code max_nested_stack_depth}: a template that nests itself stops here. */
    private void checkDepth(StackRow parent) {
        int depth = 0;
        for (StackRow s = parent; s != null && s.ownerId() != null; s = store.find(s.ownerId()).orElse(null)) {
            if (++depth >= MAX_DEPTH) {
                throw new ResourceFailure("RequestLimitExceeded", "Recursion depth exceeds " + MAX_DEPTH + ".");
            }
        }
    }

    private Optional<StackRow> adoptable(StackRow parent, String resourceName) {
        String prefix = parent.name() + "-" + resourceName + "-";
        List<String> held = store.resources(parent.id()).stream().map(ResourceRow::physicalId)
                .filter(java.util.Objects::nonNull).toList();
        return store.children(parent.id()).stream()
                .filter(c -> c.name().startsWith(prefix) && c.name().substring(prefix.length()).matches("[a-z0-9]{12}"))
                .filter(c -> c.action().equals("CREATE") && !held.contains(c.id()))
                .findFirst();
    }

    private StackRow childRow(StackRow parent, String name, Definition d) {
        return new StackRow(UUID.randomUUID().toString(), name, parent.projectId(), parent.userId(), parent.id(),
                "CREATE", "IN_PROGRESS", "Stack CREATE started", d.template(), parent.files(),
                childEnvironment(parent), values(d.parameters()), List.of(), true,
                d.timeoutMins() == null ? parent.timeoutMins() : d.timeoutMins(), parent.engine(), null, null,
                clock.instant(), null, null);
    }

    /** Heat's child environment: the parent's registry and parameter defaults, not its parameter values. */
    private static Map<String, Object> childEnvironment(StackRow parent) {
        Map<String, Object> env = new LinkedHashMap<>(parent.environment());
        env.remove("parameters");
        return env;
    }

    private static Map<String, Object> values(Map<String, Object> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Template parse(StackRow child) {
        try {
            return StackTemplates.parse(child);
        } catch (TemplateException e) {
            throw new ResourceFailure(e.type().name(), e.getMessage());
        }
    }

    @Override
    public void update(String stackId, Definition definition, PluginContext context) {
        StackRow current = live(stackId);
        if (current.inProgress()) {
            await(stackId, current.action(), context);
            current = live(stackId);
        }
        StackRow parent = store.find(context.stack().id()).orElse(context.stack());
        StackRow next = new StackRow(current.id(), current.name(), current.projectId(), current.userId(),
                current.ownerId(), current.action(), current.status(), current.statusReason(), definition.template(),
                parent.files(), childEnvironment(parent), values(definition.parameters()), current.tags(), true,
                definition.timeoutMins() == null ? parent.timeoutMins() : definition.timeoutMins(), current.engine(),
                current.lockEngine(), current.lockExpires(), current.createdAt(), current.updatedAt(),
                current.deletedAt());
        try {
            engine(current).update(current, next, parse(next));
        } catch (HeatError e) {
            throw new ResourceFailure("ResourceFailure", e.getMessage());
        }
        await(stackId, "UPDATE", context);
    }

    @Override
    public void delete(String stackId, PluginContext context) {
        Optional<StackRow> found = store.find(stackId);
        if (found.isEmpty() || found.get().deletedAt() != null) {
            return;
        }
        StackRow child = found.get();
        if (!child.stackStatus().equals("DELETE_IN_PROGRESS")) {
            try {
                engine(child).delete(child);
            } catch (HeatError e) {
                throw new ResourceFailure("ResourceFailure", e.getMessage());
            }
        }
        await(stackId, "DELETE", context);
    }

    /** Polls until the child's {@code action} ends; a failure (or a child gone mid-way) throws. */
    private void await(String stackId, String action, PluginContext context) {
        while (true) {
            StackRow child = store.find(stackId).orElse(null);
            if (child == null || (child.deletedAt() != null && action.equals("DELETE"))) {
                return;
            }
            if (!child.inProgress() && !locked(child)) {
                if (!child.action().equals(action)) {
                    throw new ResourceFailure("ResourceFailure", "The nested stack " + child.name()
                            + " is " + child.stackStatus() + " while " + action + " was expected.");
                }
                if (child.status().equals("FAILED")) {
                    throw ChildFailure.of(child.statusReason());
                }
                if (!action.equals("DELETE")) {
                    return;
                }
            }
            context.sleeper().sleep(POLL);
            Thread.yield();
        }
    }

    /**
     * Whether an engine still holds the stack's lock: the legacy engine records the end of an
     * action before it lets go, and the next action on the child needs the lock.
     */
    private boolean locked(StackRow child) {
        return child.lockEngine() != null && child.lockExpires() != null
                && child.lockExpires().isAfter(clock.instant());
    }

    @Override
    public String name(String stackId) {
        return live(stackId).name();
    }

    @Override
    public Map<String, Object> outputs(String stackId) {
        StackRow child = live(stackId);
        Template template = parse(child);
        StackContext resolver = context(child);
        Map<String, Object> out = new LinkedHashMap<>();
        template.outputs().values().forEach(o -> {
            try {
                out.put(o.name(), o.resolve(resolver));
            } catch (TemplateException e) {
                out.put(o.name(), null);
            }
        });
        return out;
    }

    @Override
    public List<Member> members(String stackId) {
        StackRow child = live(stackId);
        StackContext resolver = context(child);
        List<Member> out = new ArrayList<>();
        for (ResourceRow row : store.resources(child.id())) {
            Map<String, Object> attributes = resolver.allAttributes(row.name());
            attributes.remove("show");
            out.add(new Member(row.name(), resolver.resourceRef(row.name()), attributes));
        }
        return out;
    }

    @Override
    public void changeResource(String stackId, String physicalId, Function<ResourceState, Map<String, Object>> change) {
        StackRow stack = live(stackId);
        if (stack.inProgress()) {
            throw new ResourceFailure("ResourceFailure", "The stack " + stack.name() + " is " + stack.stackStatus()
                    + "; its resources change when that ends.");
        }
        ResourceRow row = store.resources(stackId).stream().filter(r -> physicalId.equals(r.physicalId()))
                .findFirst().orElseThrow(() -> new ResourceFailure("ResourceFailure",
                        "The resource " + physicalId + " is not in the stack " + stack.name() + "."));
        Map<String, Object> data = change.apply(new ResourceState(row.name(), row.physicalId(), row.properties(),
                row.data()));
        store.updateResource(row.withApplied(row.type(), row.physicalId(), row.properties(), data, row.metadata(),
                row.requires()).withState(row.action(), row.status(), row.statusReason(), clock.instant()));
    }

    private StackContext context(StackRow child) {
        return new StackContext(types.forStack(child), store.resources(child.id()));
    }

    private StackRow live(String stackId) {
        return store.find(stackId).filter(s -> s.deletedAt() == null).orElseThrow(() -> new ResourceFailure(
                "NotFound", "The nested stack " + stackId + " could not be found."));
    }

    private StackEngine engine(StackRow stack) {
        StackEngine engine = engines.get(stack.engine());
        if (engine == null) {
            throw new ResourceFailure("ResourceFailure", "The " + stack.engine() + " engine is not available.");
        }
        return engine;
    }
}
