package dev.overcast.orchestration.nested;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.template.functions.Py;

/**
 * OS::Heat::ResourceGroup: {@code count} copies of {@code resource_def} in a nested stack,
 * named 0, 1, 2, ... with {@code index_var} replaced by each one's name. An update regenerates
 * the nested template and updates the nested stack, so members that stay are left alone:
 * growing adds the next names, shrinking removes the highest, and {@code removal_policies}
 * remove chosen members (by name or physical id) for good.
 */
final class ResourceGroup extends DeclaredResource {
    private static final Map<String, PropertySchema> PROPERTIES = schema();

    private static Map<String, PropertySchema> schema() {
        Map<String, PropertySchema> p = new LinkedHashMap<>();
        p.put("count", PropertySchema.of(PropertyType.INTEGER, "The number of resources to create.").withDefault(1)
                .constrained(new PropertyConstraint.Range(0, null)).updatable());
        p.put("index_var", PropertySchema.of(PropertyType.STRING, "A variable that this resource will use to replace "
                + "with the current index of a given resource in the group.").withDefault("%index%").updatable());
        p.put("resource_def", PropertySchema.of(PropertyType.MAP, "Resource definition for the resources in the group.")
                .asRequired().updatable().withEntries(Map.of(
                        "type", PropertySchema.of(PropertyType.STRING, "The type of the resources in the group.")
                                .asRequired(),
                        "properties", PropertySchema.of(PropertyType.MAP,
                                "Property values for the resources in the group."),
                        "metadata", PropertySchema.of(PropertyType.MAP,
                                "Supplied metadata for the resources in the group."))));
        p.put("removal_policies", PropertySchema.of(PropertyType.LIST, "Policies for removal of resources on update.")
                .withDefault(List.of()).updatable().withEntries(Map.of("resource_list",
                        PropertySchema.of(PropertyType.LIST, "List of resources to be removed when doing an update "
                                + "which requires removal of specific resources.").withDefault(List.of()))));
        p.put("removal_policies_mode", PropertySchema.of(PropertyType.STRING, "How to handle changes to "
                        + "removal_policies on update.").withDefault("append").updatable()
                .constrained(new PropertyConstraint.AllowedValues(List.of("append", "update"))));
        return java.util.Collections.unmodifiableMap(p);
    }

    ResourceGroup() {
        super("OS::Heat::ResourceGroup", "Creates one or more identically configured nested resources.",
                PROPERTIES, attributeSchema());
    }

    private static Map<String, AttributeSchema> attributeSchema() {
        Map<String, AttributeSchema> a = new LinkedHashMap<>();
        a.put("refs", new AttributeSchema("A list of resource IDs for the resources in the group.", PropertyType.LIST));
        a.put("refs_map", new AttributeSchema("A map of resource names to IDs for the resources in the group.",
                PropertyType.MAP));
        a.put("attributes", new AttributeSchema("A map of resource names to the attributes of each resource in "
                + "the group.", PropertyType.MAP));
        a.put("removed_rsrc_list", new AttributeSchema("A list of removed resource names.", PropertyType.LIST));
        return java.util.Collections.unmodifiableMap(a);
    }

    /** Members' attributes ({@code resource.0.x}, or {@code x} over all members) are attributes too. */
    @Override
    public boolean acceptsAttribute(String attribute) {
        return true;
    }

    @Override
    public Applied create(String name, Map<String, Object> properties, PluginContext context) {
        NestedStacks nested = context.services().require(NestedStacks.class);
        List<String> removed = List.copyOf(GroupMembers.removed(properties.get("removal_policies"), Map.of(),
                List.of(), true));
        List<String> names = GroupMembers.indexNames(count(properties), removed);
        String id = nested.create(name, definition(properties, names), context);
        return new Applied(id, data(nested, id, names, removed));
    }

    @Override
    public Applied update(ResourceState current, Map<String, Object> properties, PluginContext context) {
        NestedStacks nested = context.services().require(NestedStacks.class);
        boolean append = !"update".equals(properties.get("removal_policies_mode"));
        Set<String> removed = GroupMembers.removed(properties.get("removal_policies"),
                GroupAttributes.refs(current), removedBefore(current), append);
        List<String> names = GroupMembers.indexNames(count(properties), removed);
        nested.update(current.physicalId(), definition(properties, names), context);
        return new Applied(current.physicalId(), data(nested, current.physicalId(), names, List.copyOf(removed)));
    }

    @Override
    public void delete(ResourceState current, PluginContext context) {
        context.services().require(NestedStacks.class).delete(current.physicalId(), context);
    }

    @Override
    public Object attribute(ResourceState state, String attribute) {
        if (attribute.equals("removed_rsrc_list")) {
            return removedBefore(state);
        }
        return GroupAttributes.attribute(state, attribute);
    }

    private static List<String> removedBefore(ResourceState state) {
        List<String> out = new ArrayList<>();
        if (state.data().get("removed") instanceof List<?> list) {
            list.forEach(n -> out.add(Py.str(n)));
        }
        return out;
    }

    private static int count(Map<String, Object> properties) {
        return Py.toNumber(properties.get("count")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static NestedStacks.Definition definition(Map<String, Object> properties, List<String> names) {
        Map<String, Object> def = (Map<String, Object>) properties.get("resource_def");
        return new NestedStacks.Definition(GroupMembers.template(def, names, Py.str(properties.get("index_var"))),
                Map.of(), null);
    }

    private static Map<String, Object> data(NestedStacks nested, String id, List<String> names, List<String> removed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("members", GroupAttributes.snapshot(nested.members(id), GroupMembers.inIndexOrder(names)));
        data.put("removed", removed);
        return data;
    }
}
