package dev.overcast.orchestration.nested;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.resources.ResourceState;

/**
 * A group's attributes, read from the members it stored when it last changed
 * ({@link #snapshot}): {@code refs}, {@code refs_map}, {@code attributes} (see
 * {@link #byAttribute}), {@code resource.<n>} (member n's attributes),
 * {@code resource.<n>.<attr>}, and any other name as the list of that attribute over the
 * members, in order.
 */
final class GroupAttributes {
    private GroupAttributes() {
    }

    /** @return the members as a group stores them: name, ref and attributes each, in {@code order} */
    static List<Map<String, Object>> snapshot(List<NestedStacks.Member> members, List<String> order) {
        Map<String, NestedStacks.Member> byName = new LinkedHashMap<>();
        members.forEach(m -> byName.put(m.name(), m));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : order) {
            NestedStacks.Member m = byName.get(name);
            if (m != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", m.name());
                entry.put("ref", m.referenceId());
                entry.put("attributes", m.attributes());
                out.add(entry);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> members(ResourceState state) {
        return state.data().get("members") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** @return member name to reference */
    static Map<String, String> refs(ResourceState state) {
        Map<String, String> out = new LinkedHashMap<>();
        members(state).forEach(m -> out.put(String.valueOf(m.get("name")), String.valueOf(m.get("ref"))));
        return out;
    }

    /**
     * Heat's {@code attributes} (and an AutoScalingGroup's {@code outputs}), read with a path
     * naming the attribute: {@code get_attr: [group, attributes, x]} gives each member's
     * {@code x} by member name ({@code asList}: in a list, as {@code outputs_list}).
     */
    static Map<String, Object> byAttribute(ResourceState state, boolean asList) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> m : members(state)) {
            ((Map<?, ?>) m.get("attributes")).forEach((attr, value) -> {
                String key = String.valueOf(attr);
                if (asList) {
                    @SuppressWarnings("unchecked")
                    List<Object> values = (List<Object>) out.computeIfAbsent(key, k -> new ArrayList<>());
                    values.add(value);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> values = (Map<String, Object>) out.computeIfAbsent(key,
                            k -> new LinkedHashMap<>());
                    values.put(String.valueOf(m.get("name")), value);
                }
            });
        }
        return out;
    }

    static Object attribute(ResourceState state, String attribute) {
        List<Map<String, Object>> members = members(state);
        switch (attribute) {
            case "refs" -> {
                return members.stream().map(m -> m.get("ref")).toList();
            }
            case "refs_map" -> {
                return new LinkedHashMap<>(refs(state));
            }
            case "attributes" -> {
                return byAttribute(state, false);
            }
            default -> {
            }
        }
        if (attribute.startsWith("resource.")) {
            String[] parts = attribute.split("\\.", 3);
            Map<String, Object> member = members.stream().filter(m -> parts[1].equals(m.get("name"))).findFirst()
                    .orElse(null);
            if (member == null) {
                return null;
            }
            Map<?, ?> attrs = (Map<?, ?>) member.get("attributes");
            return parts.length == 3 ? attrs.get(parts[2]) : attrs;
        }
        List<Object> values = new ArrayList<>();
        members.forEach(m -> values.add(((Map<?, ?>) m.get("attributes")).get(attribute)));
        return values;
    }
}
