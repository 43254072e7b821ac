package dev.overcast.orchestration.nested;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.resources.Applied;
import dev.overcast.orchestration.resources.AttributeSchema;
import dev.overcast.orchestration.resources.DeclaredResource;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PropertyConstraint;
import dev.overcast.orchestration.resources.PropertySchema;
import dev.overcast.orchestration.resources.PropertyType;
import dev.overcast.orchestration.resources.ResourceFailure;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.template.functions.Py;

/**
 * OS::Heat::AutoScalingGroup: between {@code min_size} and {@code max_size} copies of
 * {@code resource} in a nested stack, with random member names; it starts at
 * {@code desired_capacity} (or {@code min_size}), and a scaling policy's signal resizes it
 * ({@link #adjust}). Shrinking removes the oldest members. With {@code rolling_updates}, a
 * change of {@code resource} reaches the members in batches ({@link Capacity#batchSize}), with
 * {@code pause_time} seconds between them.
 */
final class AutoScalingGroup extends DeclaredResource {
    static final String TYPE = "OS::Heat::AutoScalingGroup";
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("desired_capacity", PropertySchema.of(PropertyType.INTEGER, "Desired initial number of resources.")
                .updatable());
        p.put("max_size", PropertySchema.of(PropertyType.INTEGER, "Maximum number of resources in the group.")
                .asRequired().updatable().constrained(new PropertyConstraint.Range(0, null)));
        p.put("min_size", PropertySchema.of(PropertyType.INTEGER, "Minimum number of resources in the group.")
                .asRequired().updatable().constrained(new PropertyConstraint.Range(0, null)));
        p.put("cooldown", PropertySchema.of(PropertyType.INTEGER, "Cooldown period, in seconds.").updatable());
        p.put("resource", PropertySchema.of(PropertyType.MAP, "Resource definition for the resources in the group, "
                + "in HOT format.").asRequired().updatable().withEntries(Map.of(
                        "type", PropertySchema.of(PropertyType.STRING, "The type of the resources.").asRequired(),
                        "properties", PropertySchema.of(PropertyType.MAP, "Property values for the resources."),
                        "metadata", PropertySchema.of(PropertyType.MAP, "Metadata for the resources."))));
        p.put("rolling_updates", PropertySchema.of(PropertyType.MAP, "Policy for rolling updates for this scaling "
                + "group.").updatable().withEntries(Map.of(
                        "min_in_service", PropertySchema.of(PropertyType.INTEGER, "The minimum number of resources "
                                + "in service while rolling updates are being executed.").withDefault(0),
                        "max_batch_size", PropertySchema.of(PropertyType.INTEGER, "The maximum number of resources "
                                + "to replace at once.").withDefault(1)
                                .constrained(new PropertyConstraint.Range(1, null)),
                        "pause_time", PropertySchema.of(PropertyType.NUMBER, "The number of seconds to wait between "
                                + "batches of updates.").withDefault(0))));
        return java.util.Collections.unmodifiableMap(p);
    }

    AutoScalingGroup() {
        super(TYPE, "An autoscaling group that can scale arbitrary resources.",
                PROPERTIES, attributeSchema());
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("outputs", new AttributeSchema("A map of resource names to the specified attribute of each "
                + "individual resource.", PropertyType.MAP));
        a.put("outputs_list", new AttributeSchema("A list of the specified attribute of each individual resource.",
                PropertyType.LIST));
        a.put("current_size", new AttributeSchema("The current size of AutoscalingResourceGroup.",
                PropertyType.INTEGER));
        a.put("refs", new AttributeSchema("A list of resource IDs for the resources in the group.", PropertyType.LIST));
        a.put("refs_map", new AttributeSchema("A map of resource names to IDs for the resources in the group.",
                PropertyType.MAP));
        return java.util.Collections.unmodifiableMap(a);
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        int min = checkedMin(properties);
        NestedStacks nested = context.services().require(NestedStacks.class);
        int capacity = desired(properties) == null ? min : desired(properties);
        List<String> names = Capacity.resized(List.of(), capacity, () -> memberName(context));
        String id = nested.create(name, new NestedStacks.Definition(
                GroupMembers.template(resource(properties), names, null), Map.of(), null), context);
        return new Applied(id, data(nested, id, names));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        int min = checkedMin(properties);
        int max = integer(properties, "max_size");
        NestedStacks nested = context.services().require(NestedStacks.class);
        List<String> before = names(current);
        // A desired capacity resizes when it changes; otherwise the size a policy set stays.
        Integer desired = java.util.Objects.equals(desired(current.properties()), desired(properties)) ? null
                : desired(properties);
        int capacity = Capacity.afterUpdate(before.size(), desired, min, max);
        List<String> after = Capacity.resized(before, capacity, () -> memberName(context));
        Map<String, Object> oldDef = resource(current.properties());
        Map<String, Object> newDef = resource(properties);
        if (properties.get("rolling_updates") instanceof Map<?, ?> rolling && !oldDef.equals(newDef)) {
            rollOut(current.physicalId(), oldDef, newDef, after, before, rolling, context);
        }
        nested.update(current.physicalId(), new NestedStacks.Definition(
                GroupMembers.template(newDef, after, null), Map.of(), null), context);
        return new Applied(current.physicalId(), data(nested, current.physicalId(), after));
    }

    /** The members that stay get the new definition a batch at a time. */
    private static void rollOut(String id, Map<String, Object> oldDef, Map<String, Object> newDef, List<String> after,
            List<String> before, Map<?, ?> rolling, PluginContext context) {
        NestedStacks nested = context.services().require(NestedStacks.class);
        double pause = Py.toNumber(rolling.get("pause_time")).doubleValue();
        List<String> staying = after.stream().filter(before::contains).toList();
        int batch = Capacity.batchSize(Py.toNumber(rolling.get("max_batch_size")).intValue(),
                Py.toNumber(rolling.get("min_in_service")).intValue(), staying.size());
        Set<String> updated = new LinkedHashSet<>();
        for (int from = 0; from < staying.size(); from += batch) {
            if (from > 0 && pause > 0) {
                context.sleeper().sleep(java.time.Duration.ofMillis((long) (pause * 1000)));
            }
            updated.addAll(staying.subList(from, Math.min(staying.size(), from + batch)));
            nested.update(id, new NestedStacks.Definition(GroupMembers.template(
                    n -> updated.contains(n) ? newDef : oldDef, staying, null), Map.of(), null), context);
        }
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        context.services().require(NestedStacks.class).delete(current.physicalId(), context);
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        return switch (attribute) {
            case "current_size" -> names(state).size();
            case "outputs" -> GroupAttributes.attribute(state, "attributes");
            case "outputs_list" -> GroupAttributes.byAttribute(state, true);
            default -> GroupAttributes.attribute(state, attribute);
        };
    }

    /**
     * Resizes the group a scaling policy names, within its bounds.
     *
     * @return the group's new data (unchanged when the size stays)
     */
    static Map<String, Object> adjust(ResourceState group, String adjustmentType, double adjustment, int minStep,
            PluginContext context) {
        List<String> names = names(group);
        int capacity = Capacity.next(names.size(), adjustmentType, adjustment, minStep,
                integer(group.properties(), "min_size"), integer(group.properties(), "max_size"));
        if (capacity == names.size()) {
            return group.data();
        }
        List<String> after = Capacity.resized(names, capacity, () -> memberName(context));
        NestedStacks nested = context.services().require(NestedStacks.class);
        nested.update(group.physicalId(), new NestedStacks.Definition(
                GroupMembers.template(resource(group.properties()), after, null), Map.of(), null), context);
        return data(nested, group.physicalId(), after);
    }

    /** @return {@code min_size}, once the bounds and the desired capacity are found consistent */
    private static int checkedMin(Map<String, Object> properties) {
        int min = integer(properties, "min_size");
        int max = integer(properties, "max_size");
        Integer desired = desired(properties);
        if (min > max) {
            throw new ResourceFailure("StackValidationFailed", "min_size can not be greater than max_size");
        }
        if (desired != null && (desired < min || desired > max)) {
            throw new ResourceFailure("StackValidationFailed", "desired_capacity must be between min_size and "
                    + "max_size");
        }
        return min;
    }

    private static List<String> names(ResourceState state) {
        List<String> out = new ArrayList<>();
        if (state.data().get("order") instanceof List<?> list) {
            list.forEach(n -> out.add(Py.str(n)));
        }
        return out;
    }

    private static Map<String, Object> data(NestedStacks nested, String id, List<String> names) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order", names);
        data.put("members", GroupAttributes.snapshot(nested.members(id), names));
        return data;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(Map<String, Object> properties) {
        return (Map<String, Object>) properties.get("resource");
    }

    private static Integer desired(Map<String, Object> properties) {
        return properties.get("desired_capacity") == null ? null : integer(properties, "desired_capacity");
    }

    private static int integer(Map<String, Object> properties, String key) {
        return Py.toNumber(properties.get(key)).intValue();
    }

    /** A member's name: 12 random characters, as Heat names them. */
    private static String memberName(PluginContext context) {
        String physical = context.physicalName("");
        return physical.substring(physical.length() - 12);
    }
}
