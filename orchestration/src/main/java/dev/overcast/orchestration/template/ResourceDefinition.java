package dev.overcast.orchestration.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.functions.Snippets;

/**
 * One resource of a template, as parsed: functions in its properties, metadata and update policy
 * are kept unresolved until an engine resolves them against a {@link ResolutionContext}.
 *
 * @param name           the resource name
 * @param type           its type as written (see the environment's registry for what it maps to)
 * @param properties     parsed properties: a map, or a function giving one; null when absent
 * @param metadata       parsed metadata: a map, or a function giving one; null when absent
 * @param dependsOn      the explicit {@code depends_on} names whose resources exist (those a
 *                       condition leaves out are dropped, as Heat drops them)
 * @param deletionPolicy the deletion policy ({@link DeletionPolicy#DELETE} when unset)
 * @param updatePolicy   parsed update policy, or null
 * @param description    the description, or null
 * @param externalId     the resolved {@code external_id}, or null
 * @param condition      the condition as written (a name, a boolean or an expression), or null
 */
public record ResourceDefinition(String name, String type, Object properties, Object metadata,
                                 List<String> dependsOn, DeletionPolicy deletionPolicy, Object updatePolicy,
                                 String description, String externalId, Object condition) {

    /**
     * @return the properties with every function resolved; properties an {@code if} leaves out
     *         are absent
     * @throws TemplateException StackValidationFailed when a function refuses its arguments
     */
    public Map<String, Object> resolveProperties(ResolutionContext context) {
        return resolveMap(properties, context, "properties");
    }

    /** @return the metadata with every function resolved (empty when unset) */
    public Map<String, Object> resolveMetadata(ResolutionContext context) {
        return resolveMap(metadata, context, "metadata");
    }

    /** @return the update policy with every function resolved (empty when unset) */
    public Map<String, Object> resolveUpdatePolicy(ResolutionContext context) {
        return resolveMap(updatePolicy, context, "update_policy");
    }

    private Map<String, Object> resolveMap(Object snippet, ResolutionContext context, String key) {
        if (snippet == null) {
            return new LinkedHashMap<>();
        }
        Object resolved = Snippets.resolve(snippet, context);
        if (resolved == null) {
            return new LinkedHashMap<>();
        }
        if (!(resolved instanceof Map<?, ?> map)) {
            throw TemplateException.validation("Resource " + name + " " + key + " type must be object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(Py.str(k), v));
        return out;
    }

    /**
     * @return the resources this one needs: its explicit {@code depends_on} and every resource
     *         its properties and metadata refer to with get_resource or get_attr
     */
    public Set<String> dependencies() {
        Set<String> all = new java.util.LinkedHashSet<>(dependsOn);
        all.addAll(Snippets.dependencies(properties));
        all.addAll(Snippets.dependencies(metadata));
        return all;
    }
}
