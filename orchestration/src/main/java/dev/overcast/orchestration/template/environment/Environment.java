package dev.overcast.orchestration.template.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.TemplateFormat;
import dev.overcast.orchestration.template.functions.Py;

/**
 * A stack environment.
 *
 * @param parameters          user parameter values ({@code parameters})
 * @param parameterDefaults   defaults that override the template's ({@code parameter_defaults})
 * @param resourceRegistry    the {@code resource_registry}
 * @param encryptedParamNames names of parameters Heat stores encrypted
 * @param mergeStrategies     {@code parameter_merge_strategies} of this file (used when merging)
 */
public record Environment(Map<String, Object> parameters, Map<String, Object> parameterDefaults,
                          ResourceRegistry resourceRegistry, List<String> encryptedParamNames,
                          Map<String, String> mergeStrategies) {

    /** The sections an environment may have. */
    public static final Set<String> SECTIONS = Set.of("parameters", "parameter_defaults", "resource_registry",
            "encrypted_param_names", "event_sinks", "parameter_merge_strategies");

    /** @return an environment with nothing in it */
    public static Environment empty() {
        return new Environment(Map.of(), Map.of(), ResourceRegistry.empty(), List.of(), Map.of());
    }

    /** @return an environment holding only user parameter values (the API's {@code parameters}) */
    public static Environment ofParameters(Map<String, Object> parameters) {
        return new Environment(Map.copyOf(Merging.copy(parameters)), Map.of(), ResourceRegistry.empty(), List.of(),
                Map.of());
    }

    /**
     * Parses an environment file.
     *
     * @throws TemplateException InvalidEnvironment (Heat's {@code environment has wrong section "x"}
     *                           among others), NotSupported for {@code event_sinks}
     */
    public static Environment parse(String text) {
        return fromMap(TemplateFormat.parseEnvironment(text));
    }

    /** As {@link #parse} for an already-read mapping (e.g. the API's {@code environment} object). */
    public static Environment fromMap(Map<String, Object> env) {
        for (String section : env.keySet()) {
            if (!SECTIONS.contains(section)) {
                throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                        "environment has wrong section \"" + section + "\"");
            }
        }
        if (Py.truthy(env.get("event_sinks"))) {
            throw TemplateException.notSupported("event_sinks");
        }
        List<String> encrypted = new ArrayList<>();
        if (env.get("encrypted_param_names") instanceof List<?> names) {
            names.forEach(n -> encrypted.add(Py.str(n)));
        }
        Map<String, String> strategies = new LinkedHashMap<>();
        section(env, "parameter_merge_strategies").forEach((k, v) -> strategies.put(k, Py.str(v)));
        return new Environment(section(env, "parameters"), section(env, "parameter_defaults"),
                ResourceRegistry.parse(env.get("resource_registry")), List.copyOf(encrypted), strategies);
    }

    private static Map<String, Object> section(Map<String, Object> env, String name) {
        Object value = env.get(name);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                    "The " + name + " section of an environment must be a map.");
        }
        return Merging.copy(map);
    }

    /**
     * @return the environment as a user gave it (Heat's {@code user_env_as_dict}, what template
     *         validation answers): no encrypted parameter names, and a registry that always has
     *         its {@code resources} section
     */
    public Map<String, Object> userView() {
        Map<String, Object> out = asMap();
        out.remove("encrypted_param_names");
        @SuppressWarnings("unchecked")
        Map<String, Object> registry = (Map<String, Object>) out.get("resource_registry");
        registry.putIfAbsent("resources", new LinkedHashMap<>());
        return out;
    }

    /** @return the environment as it would be written (Heat's {@code env_as_dict}) */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameters", Merging.copy(parameters));
        out.put("parameter_defaults", Merging.copy(parameterDefaults));
        out.put("resource_registry", resourceRegistry.asMap());
        out.put("encrypted_param_names", new ArrayList<>(encryptedParamNames));
        out.put("event_sinks", new ArrayList<>());
        return out;
    }
}
