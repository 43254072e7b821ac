package dev.overcast.orchestration.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.Properties;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.orchestration.template.ResourceDefinition;
import dev.overcast.orchestration.template.TemplateException;

/**
 * One resource's create, update (in place or by replacement) and delete, each recorded as rows
 * and events the way Heat records them: IN_PROGRESS and COMPLETE with "state changed", FAILED
 * with {@code <ErrorType>: resources.<name>: <message>}.
 */
final class ResourceSteps {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceSteps.class);
    static final String CHANGED = "state changed";

    /** A step failed; the message is the resource's status reason. */
    static final class StepFailed extends RuntimeException {
        final String action;

        StepFailed(String action, String reason) {
            super(reason, null, false, false);
            this.action = action;
        }
    }

    /** What a replacement left to delete once the update succeeds. */
    record Replaced(ResourceRow old) {
    }

    private final StackStore store;
    private final ResourceTypes types;
    private final Clock clock;
    private final Events events;
    private final PluginContext plugins;
    private final StackContext context;

    /** The resources whose deletion policy is Retain: deleting them leaves the physical resource. */
    private final java.util.Set<String> retained;

    ResourceSteps(StackStore store, ResourceTypes types, Clock clock, PluginContext plugins, StackContext context) {
        this(store, types, clock, plugins, context, java.util.Set.of());
    }

    ResourceSteps(StackStore store, ResourceTypes types, Clock clock, PluginContext plugins, StackContext context,
            java.util.Set<String> retained) {
        this.retained = java.util.Set.copyOf(retained);
        this.store = store;
        this.types = types;
        this.clock = clock;
        this.events = new Events(store, clock);
        this.plugins = plugins;
        this.context = context;
    }

    /** Creates the resource (its row may exist as INIT, or as a failed earlier attempt). */
    void create(String stackId, ResourceDefinition def) {
        ResourceRow row = context.row(def.name());
        if (row == null) {
            row = new ResourceRow(UUID.randomUUID().toString(), stackId, def.name(), def.type(), null, "INIT",
                    "COMPLETE", "", Map.of(), Map.of(), Map.of(), List.copyOf(def.dependencies()), clock.instant(),
                    null);
            store.insertResource(row);
        }
        row = transition(row.withApplied(def.type(), row.physicalId(), row.properties(), row.data(), row.metadata(),
                List.copyOf(def.dependencies())), "CREATE", "IN_PROGRESS", CHANGED);
        ResourceRow started = row;
        PluginContext recording = plugins.recording(id -> {
            ResourceRow withId = started.withApplied(started.type(), id, started.properties(), started.data(),
                    started.metadata(), started.requires());
            store.updateResource(withId);
            context.put(withId);
        });
        try {
            ResourcePlugin plugin = types.require(def.type());
            Map<String, Object> properties = properties(def, plugin);
            Applied applied = plugin.create(def.name(), properties, recording);
            row = row.withApplied(def.type(), applied.physicalId(), properties, applied.data(),
                    def.resolveMetadata(context), row.requires());
        } catch (RuntimeException e) {
            fail(row, "CREATE", e);
        }
        transition(row, "CREATE", "COMPLETE", CHANGED);
    }

    /**
     * Brings an existing resource to its new definition: nothing when nothing changed, an update
     * in place when every changed property allows it, else a replacement (a new resource now,
     * the old one deleted by the caller once the whole update succeeded).
     */
    void update(String stackId, ResourceDefinition def, List<Replaced> replaced) {
        ResourceRow old = context.row(def.name());
        if (UpdatePreview.createsAgain(old)) {
            if (old != null && old.action().equals("DELETE")) {
                store.deleteResource(old.id());
                context.remove(old.name());
            }
            create(stackId, def);
            return;
        }
        ResourcePlugin plugin;
        Map<String, Object> properties;
        Map<String, Object> metadata;
        try {
            plugin = types.require(def.type());
            properties = properties(def, plugin);
            metadata = def.resolveMetadata(context);
        } catch (RuntimeException e) {
            fail(transition(old, "UPDATE", "IN_PROGRESS", CHANGED), "UPDATE", e);
            return;
        }
        UpdatePreview.Change change = UpdatePreview.change(old, def.type(), plugin, properties, metadata);
        if (change == UpdatePreview.Change.UNCHANGED) {
            if (!old.requires().equals(List.copyOf(def.dependencies()))) {
                ResourceRow row = old.withApplied(old.type(), old.physicalId(), old.properties(), old.data(),
                        old.metadata(), List.copyOf(def.dependencies()));
                store.updateResource(row);
                context.put(row);
            }
            return;
        }
        boolean inPlace = change == UpdatePreview.Change.UPDATED;
        ResourceRow row = transition(old, "UPDATE", "IN_PROGRESS", CHANGED);
        try {
            Applied applied = inPlace ? plugin.update(StackContext.state(old), properties, plugins)
                    : plugin.create(def.name(), properties, plugins);
            row = row.withApplied(def.type(), applied.physicalId(), properties, applied.data(), metadata,
                    List.copyOf(def.dependencies()));
        } catch (RuntimeException e) {
            fail(row, "UPDATE", e);
        }
        if (!inPlace) {
            replaced.add(new Replaced(old));
        }
        transition(row, "UPDATE", "COMPLETE", CHANGED);
    }

    /** Deletes the resource; {@code keepRow} leaves a DELETE COMPLETE row (a deleted stack's resources). */
    void delete(String name, boolean keepRow) {
        ResourceRow row = context.row(name);
        if (row == null) {
            return;
        }
        if (row.physicalId() == null && !row.status().equals("IN_PROGRESS") && !row.action().equals("CREATE")) {
            forget(row, keepRow);
            return;
        }
        if (row.action().equals("DELETE") && row.status().equals("COMPLETE")) {
            forget(row, keepRow);
            return;
        }
        row = transition(row, "DELETE", "IN_PROGRESS", CHANGED);
        if (!retained.contains(name)) {
            deletePhysical(row);
        }
        row = transition(row, "DELETE", "COMPLETE", CHANGED);
        forget(row, keepRow);
    }

    /**
     * Runs a stack-wide SUSPEND, RESUME or CHECK on one resource; a resource that never got a
     * physical resource is left alone, a type without a check completes with Heat's "CHECK not
     * supported for <type>".
     */
    void act(String name, String action) {
        ResourceRow row = context.row(name);
        if (row == null || row.physicalId() == null) {
            return;
        }
        ResourcePlugin plugin = types.find(row.type()).orElse(null);
        row = transition(row, action, "IN_PROGRESS", CHANGED);
        String reason = CHANGED;
        try {
            if (plugin != null) {
                switch (action) {
                    case "SUSPEND" -> plugin.suspend(StackContext.state(row), plugins);
                    case "RESUME" -> plugin.resume(StackContext.state(row), plugins);
                    case "CHECK" -> {
                        if (plugin.checks()) {
                            plugin.check(StackContext.state(row), plugins);
                        } else {
                            reason = "CHECK not supported for " + row.type();
                        }
                    }
                    default -> throw new IllegalArgumentException("no resource action " + action);
                }
            }
        } catch (RuntimeException e) {
            fail(row, action, e);
        }
        transition(row, action, "COMPLETE", reason);
    }

    /** Deletes what a replacement left behind, recording events under its old physical id. */
    void deleteReplaced(Replaced replaced) {
        ResourceRow old = replaced.old();
        ResourceRow shown = old.withState("DELETE", "IN_PROGRESS", CHANGED, clock.instant());
        events.resource(shown);
        deletePhysical(old);
        events.resource(shown.withState("DELETE", "COMPLETE", CHANGED, clock.instant()));
    }

    private void deletePhysical(ResourceRow row) {
        if (row.physicalId() == null) {
            return;
        }
        try {
            types.find(row.type()).ifPresent(p -> p.delete(StackContext.state(row), plugins));
        } catch (RuntimeException e) {
            fail(row, "DELETE", e);
        }
    }

    private void forget(ResourceRow row, boolean keepRow) {
        if (!keepRow) {
            store.deleteResource(row.id());
            context.remove(row.name());
        }
    }

    private Map<String, Object> properties(ResourceDefinition def, ResourcePlugin plugin) {
        Map<String, Object> given = def.resolveProperties(context);
        return Properties.validate(def.name(), plugin, given == null ? Map.of() : given, false);
    }

    static boolean updatable(ResourcePlugin plugin, Map<String, Object> before, Map<String, Object> after) {
        for (Map.Entry<String, PropertySchema> e : plugin.properties().entrySet()) {
            if (!e.getValue().updateAllowed() && !same(before.get(e.getKey()), after.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Equality as JSON, so a number read back from the database equals the one resolved now. */
    static boolean same(Object a, Object b) {
        return Json.parse(Json.write(a)).equals(Json.parse(Json.write(b)));
    }

    private ResourceRow transition(ResourceRow row, String action, String status, String reason) {
        ResourceRow next = row.withState(action, status, reason, clock.instant());
        store.updateResource(next);
        context.put(next);
        events.resource(next);
        return next;
    }

    private void fail(ResourceRow row, String action, RuntimeException e) {
        String reason = reason(row.name(), e);
        transition(row, action, "FAILED", reason);
        throw new StepFailed(action, reason);
    }

    /** Heat's resource failure reason: the error's kind, the resource path and the message. */
    static String reason(String name, RuntimeException e) {
        return switch (e) {
            case ResourceFailure f -> f.errorType() + ": resources." + name + (f.path() == null ? "" : "." + f.path())
                    + ": " + f.getMessage();
            case TemplateException t -> t.type().name() + ": resources." + name + ": " + t.getMessage();
            default -> {
                LOG.error("resource {} failed unexpectedly", name, e);
                yield "Error: resources." + name + ": An unexpected error occurred.";
            }
        };
    }

    /** Copies the list, so callers can collect replacements from parallel steps. */
    static List<Replaced> replacedList() {
        return java.util.Collections.synchronizedList(new ArrayList<>());
    }
}
