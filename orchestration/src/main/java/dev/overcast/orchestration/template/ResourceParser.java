package dev.overcast.orchestration.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.functions.Function;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.functions.SnippetParser;
import dev.overcast.orchestration.template.functions.Snippets;

/**
 * Builds {@link ResourceDefinition}s from the {@code resources} section, field by field as Heat's
 * {@code _rsrc_defn_args} does, leaving out the resources whose condition is false.
 */
final class ResourceParser {

    private final TemplateVersion version;
    private final SnippetParser parser;
    private final ConditionSet conditions;

    ResourceParser(TemplateVersion version, SnippetParser parser, ConditionSet conditions) {
        this.version = version;
        this.parser = parser;
        this.conditions = conditions;
    }

    /** Parsed definitions of every resource, enabled or not, and which are enabled. */
    record Parsed(Map<String, ResourceDefinition> all, Map<String, ResourceDefinition> enabled) {
    }

    Parsed parse(Map<String, Object> section) {
        Map<String, ResourceDefinition> all = new LinkedHashMap<>();
        Map<String, ResourceDefinition> enabled = new LinkedHashMap<>();
        section.forEach((name, data) -> {
            Map<?, ?> fields = (Map<?, ?>) data;
            if (name.contains("/")) {
                throw TemplateException.validation("Resource name may not contain \"/\"");
            }
            if (!Py.truthy(fields.get("type"))) {
                throw TemplateException.validation("Each Resource must contain a Type key.");
            }
            ResourceDefinition definition = definition(name, fields);
            all.put(name, definition);
            if (enabled(name, definition.condition())) {
                enabled.put(name, definition);
            }
        });
        Map<String, ResourceDefinition> withDependsOn = new LinkedHashMap<>();
        enabled.forEach((name, d) -> withDependsOn.put(name, keepExisting(d, enabled, all)));
        return new Parsed(all, withDependsOn);
    }

    private boolean enabled(String name, Object condition) {
        if (condition == null) {
            return true;
        }
        try {
            Object decided = Snippets.resolve(condition, ResolutionContext.STATIC);
            return conditions.isEnabled(decided);
        } catch (IllegalArgumentException e) {
            throw TemplateException.validation(null, "resources." + name + ".condition", e.getMessage());
        }
    }

    private ResourceDefinition definition(String name, Map<?, ?> data) {
        String path = "resources." + name;
        Object type = field(name, data, "type");
        if (!(type instanceof String)) {
            throw typeError(name, "type", "string");
        }
        Object properties = mapField(name, data, "properties");
        Object metadata = mapField(name, data, "metadata");
        List<String> dependsOn = dependsOn(name, data.get("depends_on"), data.containsKey("depends_on"));
        DeletionPolicy deletion = deletionPolicy(name, data);
        Object updatePolicy = mapField(name, data, "update_policy");
        Object description = data.get("description");
        if (description != null && !(description instanceof String)) {
            throw typeError(name, "description", "string");
        }
        String externalId = null;
        Object condition = null;
        if (version.hasConditions()) {
            Object external = field(name, data, "external_id");
            if (external != null && !(external instanceof String) && !(external instanceof Function)) {
                throw typeError(name, "external_id", "string");
            }
            externalId = external == null ? null : Py.str(Snippets.resolve(external, ResolutionContext.STATIC));
            if (data.containsKey("condition")) {
                condition = parser.forConditions().parse(data.get("condition"), path + ".condition");
                if (!(condition instanceof String) && !(condition instanceof Boolean) && !(condition instanceof Function)) {
                    throw typeError(name, "condition", "string_or_boolean");
                }
            }
        }
        return new ResourceDefinition(name, (String) type, properties, metadata, dependsOn, deletion, updatePolicy,
                (String) description, externalId, condition);
    }

    private Object field(String name, Map<?, ?> data, String key) {
        if (!data.containsKey(key)) {
            return null;
        }
        return parser.parse(data.get(key), "resources." + name + "." + key);
    }

    private Object mapField(String name, Map<?, ?> data, String key) {
        Object value = field(name, data, key);
        if (value != null && !(value instanceof Map<?, ?>) && !(value instanceof Function)) {
            throw typeError(name, key, "object");
        }
        return value;
    }

    private static TemplateException typeError(String name, String key, String typename) {
        return TemplateException.validation("Resource " + name + " " + key + " type must be " + typename);
    }

    private static List<String> dependsOn(String name, Object value, boolean present) {
        if (!present || value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (!(value instanceof List<?> list)) {
            throw typeError(name, "depends_on", "list or string");
        }
        List<String> names = new ArrayList<>();
        for (Object dep : list) {
            if (!(dep instanceof String s)) {
                throw TemplateException.validation("Resource " + name + " depends_on must be a list of strings");
            }
            names.add(s);
        }
        return List.copyOf(names);
    }

    private DeletionPolicy deletionPolicy(String name, Map<?, ?> data) {
        Object parsed = field(name, data, "deletion_policy");
        if (parsed == null) {
            return DeletionPolicy.DELETE;
        }
        if (!(parsed instanceof String) && !(parsed instanceof Function)) {
            throw typeError(name, "deletion_policy", "string");
        }
        Object policy = Snippets.resolve(parsed, ResolutionContext.STATIC);
        if (!(policy instanceof String p) || !version.deletionPolicies().contains(p)) {
            throw TemplateException.validation("Invalid deletion policy \"" + Py.str(policy) + "\"");
        }
        return DeletionPolicy.fromTemplate(p);
    }

    /**
     * Heat drops a {@code depends_on} naming a resource that a condition leaves out; naming one
     * the template does not have is an error.
     */
    private static ResourceDefinition keepExisting(ResourceDefinition d, Map<String, ResourceDefinition> enabled,
                                                   Map<String, ResourceDefinition> all) {
        List<String> kept = new ArrayList<>();
        for (String dep : d.dependsOn()) {
            if (enabled.containsKey(dep)) {
                kept.add(dep);
            } else if (!all.containsKey(dep)) {
                throw TemplateException.invalidReference(dep, d.name());
            }
        }
        if (d.externalId() != null && !d.dependsOn().isEmpty()) {
            throw new TemplateException(TemplateException.Type.InvalidExternalResourceDependency,
                    "Invalid dependency with external " + d.type() + " resource: " + d.externalId());
        }
        return new ResourceDefinition(d.name(), d.type(), d.properties(), d.metadata(), List.copyOf(kept),
                d.deletionPolicy(), d.updatePolicy(), d.description(), d.externalId(), d.condition());
    }
}
