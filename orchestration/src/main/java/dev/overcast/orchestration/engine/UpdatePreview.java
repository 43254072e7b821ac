package dev.overcast.orchestration.engine;

import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.resources.Properties;
import dev.overcast.orchestration.resources.ResourcePlugin;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.template.ResourceDefinition;
import dev.overcast.orchestration.template.Template;

/**
 * What an update does to each resource, decided the same way for the engines' update steps and
 * for Heat's update preview ({@code PUT .../preview}).
 */
public final class UpdatePreview {
    private UpdatePreview() {
    }

    /** What an update does to a resource (Heat's update preview names the same four). */
    public enum Change { ADDED, UNCHANGED, UPDATED, REPLACED }

    /**
     * What updating {@code old} (null when the stack has no such resource) to a definition of
     * {@code type} with these resolved properties and metadata does: nothing when nothing changed
     * on a healthy resource, an update in place when every changed property allows it, else a
     * replacement.
     */
    static Change change(ResourceRow old, String type, ResourcePlugin plugin, Map<String, Object> properties,
            Map<String, Object> metadata) {
        if (createsAgain(old)) {
            return Change.ADDED;
        }
        boolean sameType = old.type().equals(type);
        boolean healthy = old.status().equals("COMPLETE");
        if (sameType && healthy && ResourceSteps.same(old.properties(), properties)
                && ResourceSteps.same(old.metadata(), metadata)) {
            return Change.UNCHANGED;
        }
        return sameType && healthy && ResourceSteps.updatable(plugin, old.properties(), properties)
                && !plugin.replaceOnUpdate(old.properties(), properties) ? Change.UPDATED : Change.REPLACED;
    }

    /**
     * Whether an update creates the resource rather than updating or replacing it: there is none,
     * it was deleted or never got a physical resource, or its create never finished (the create
     * runs again and its plugin takes over what it made).
     */
    static boolean createsAgain(ResourceRow old) {
        return old == null || old.physicalId() == null || old.action().equals("DELETE")
                || old.action().equals("CREATE") && !old.status().equals("COMPLETE");
    }

    /**
     * What an update of the stack whose resources are {@code context}'s to {@code template} would
     * do to each resource, by resource name: the template's resources as {@link #change}
     * decides, and the stack's other resources {@code null} (deleted).
     *
     * @throws RuntimeException what resolving or validating a resource's properties throws
     */
    public static Map<String, Change> preview(ResourceTypes types, StackContext context, List<ResourceRow> rows,
            Template template) {
        Map<String, Change> changes = new java.util.LinkedHashMap<>();
        for (String name : template.dependencies().createOrder()) {
            ResourceDefinition def = template.resource(name);
            ResourcePlugin plugin = types.require(def.type());
            Map<String, Object> given = def.resolveProperties(context);
            Map<String, Object> properties = Properties.validate(name, plugin,
                    given == null ? Map.of() : given, false);
            changes.put(name, change(context.row(name), def.type(), plugin, properties,
                    def.resolveMetadata(context)));
        }
        rows.forEach(r -> changes.putIfAbsent(r.name(), null));
        return changes;
    }

}
