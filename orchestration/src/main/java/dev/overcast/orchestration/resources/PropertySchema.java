package dev.overcast.orchestration.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One property of a resource type.
 *
 * @param type          the property's type
 * @param description   what it is for
 * @param defaultValue  the value when the template gives none, or null
 * @param required      whether the template must give it
 * @param updateAllowed whether a change is applied in place; a change to any other property
 *                      replaces the resource
 * @param constraints   constraints on the value
 * @param entries       for a map of known keys (or a list of such maps): each key's schema; empty
 *                      when free-form
 */
public record PropertySchema(PropertyType type, String description, Object defaultValue, boolean required,
                             boolean updateAllowed, List<PropertyConstraint> constraints,
                             Map<String, PropertySchema> entries) {

    public PropertySchema {
        constraints = List.copyOf(constraints);
        entries = entries == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** An optional property with no default, no constraints, replaced on change. */
    public static PropertySchema of(PropertyType type, String description) {
        return new PropertySchema(type, description, null, false, false, List.of(), Map.of());
    }

    public PropertySchema withDefault(Object value) {
        return new PropertySchema(type, description, value, required, updateAllowed, constraints, entries);
    }

    public PropertySchema asRequired() {
        return new PropertySchema(type, description, defaultValue, true, updateAllowed, constraints, entries);
    }

    public PropertySchema updatable() {
        return new PropertySchema(type, description, defaultValue, required, true, constraints, entries);
    }

    public PropertySchema constrained(PropertyConstraint... more) {
        List<PropertyConstraint> all = new java.util.ArrayList<>(constraints);
        all.addAll(List.of(more));
        return new PropertySchema(type, description, defaultValue, required, updateAllowed, all, entries);
    }

    /** A list or map property whose items (or itself) are maps of these keys. */
    public PropertySchema withEntries(Map<String, PropertySchema> keys) {
        return new PropertySchema(type, description, defaultValue, required, updateAllowed, constraints, keys);
    }

    /** @return the schema as Heat's {@code GET /resource_types/{type}} shows a property */
    public Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", type.heatName().toLowerCase(java.util.Locale.ROOT).replace("any", "any"));
        v.put("description", description);
        if (defaultValue != null) {
            v.put("default", defaultValue);
        }
        v.put("required", required);
        v.put("update_allowed", updateAllowed);
        v.put("immutable", false);
        v.put("constraints", constraints.stream().map(PropertyConstraint::schema).toList());
        if (!entries.isEmpty()) {
            Map<String, Object> nested = new LinkedHashMap<>();
            entries.forEach((k, s) -> nested.put(k, s.view()));
            v.put("schema", type == PropertyType.LIST ? Map.of("*", Map.of("type", "map", "schema", nested)) : nested);
        }
        return v;
    }
}
