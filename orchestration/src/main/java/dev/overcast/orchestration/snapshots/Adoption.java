package dev.overcast.orchestration.snapshots;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.engine.Events;
import dev.overcast.orchestration.engine.StackContext;
import dev.overcast.orchestration.resources.Properties;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.orchestration.template.ResourceDefinition;
import dev.overcast.orchestration.template.Template;
import dev.overcast.orchestration.template.TemplateException;

/**
 * Heat's stack adopt: a new stack whose resources take the physical ids, data and metadata of
 * adopt data instead of being created. No plugin runs, so it is done before the request answers
 * and needs no engine: the stack is stored ADOPT_IN_PROGRESS (either engine's recovery fails it
 * if the process dies now), each resource in dependency order goes ADOPT_IN_PROGRESS then
 * ADOPT_COMPLETE with its properties resolved as a create would resolve them, then the stack
 * ADOPT_COMPLETE. A resource the data does not name fails the adopt ("Resource ID was not
 * provided.", as Heat); with rollback enabled the stack then rolls back by forgetting its
 * resources, again without deleting anything.
 */
public final class Adoption {
    static final String CHANGED = "state changed";
    private final StackStore store;
    private final ResourceTypes types;
    private final Clock clock;
    private final Events events;

    public Adoption(StackStore store, ResourceTypes types, Clock clock) {
        this.store = store;
        this.types = types;
        this.clock = clock;
        this.events = new Events(store, clock);
    }

    /**
     * Stores {@code stack} (action ADOPT, IN_PROGRESS) and adopts its resources.
     *
     * @throws StackStore.NameTaken when the project has a live stack of that name
     */
    public void adopt(StackRow stack, Template template, AdoptRequest request) {
        store.insert(stack, List.of());
        events.stack(stack, "ADOPT", "IN_PROGRESS", "Stack ADOPT started");
        StackContext context = new StackContext(types, List.of());
        List<ResourceRow> adopted = new ArrayList<>();
        for (String name : template.dependencies().createOrder()) {
            ResourceDefinition def = template.resource(name);
            ResourceRow row = new ResourceRow(UUID.randomUUID().toString(), stack.id(), name, def.type(), null,
                    "ADOPT", "IN_PROGRESS", CHANGED, Map.of(), Map.of(), Map.of(),
                    List.copyOf(def.dependencies()), clock.instant(), null);
            store.insertResource(row);
            events.resource(row);
            adopted.add(row);
            try {
                row = adopted(row, def, context, request.resource(name));
            } catch (ResourceFailure | TemplateException | HeatError e) {
                String reason = reason(name, e);
                ResourceRow failed = row.withState("ADOPT", "FAILED", reason, clock.instant());
                store.updateResource(failed);
                events.resource(failed);
                fail(stack, adopted, "Resource ADOPT failed: " + reason);
                return;
            }
            store.updateResource(row);
            events.resource(row);
            context.put(row);
        }
        mark(stack, "ADOPT", "COMPLETE", "Stack ADOPT completed successfully");
    }

    private ResourceRow adopted(ResourceRow row, ResourceDefinition def, StackContext context,
            StackData.ResourceData data) {
        ResourcePlugin plugin = types.require(def.type());
        Map<String, Object> given = def.resolveProperties(context);
        Map<String, Object> properties = Properties.validate(def.name(), plugin,
                given == null ? Map.of() : given, false);
        if (data == null || data.resourceId() == null || data.resourceId().isEmpty()) {
            throw new ResourceFailure("Exception", "Resource ID was not provided.");
        }
        Map<String, Object> metadata = data.metadata() == null ? def.resolveMetadata(context) : data.metadata();
        return row.withApplied(def.type(), data.resourceId(), properties,
                data.resourceData() == null ? Map.of() : data.resourceData(), metadata, row.requires())
                .withState("ADOPT", "COMPLETE", CHANGED, clock.instant());
    }

    private void fail(StackRow stack, List<ResourceRow> adopted, String reason) {
        mark(stack, "ADOPT", "FAILED", reason);
        if (stack.disableRollback()) {
            return;
        }
        // Heat rolls a failed adopt back as an abandon: the stack forgets what it adopted.
        mark(stack, "ROLLBACK", "IN_PROGRESS", reason);
        adopted.forEach(r -> store.deleteResource(r.id()));
        mark(stack, "ROLLBACK", "COMPLETE", "Stack ROLLBACK completed successfully");
    }

    private void mark(StackRow stack, String action, String status, String reason) {
        store.setStatus(stack.id(), action, status, reason, clock.instant());
        events.stack(stack, action, status, reason);
    }

    private static String reason(String name, RuntimeException e) {
        String type = switch (e) {
            case ResourceFailure f -> f.errorType();
            case TemplateException t -> t.type().name();
            case HeatError h -> h.type();
            default -> "Error";
        };
        return type + ": resources." + name + ": " + e.getMessage();
    }
}
