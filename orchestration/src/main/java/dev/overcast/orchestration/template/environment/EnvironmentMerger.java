package dev.overcast.orchestration.template.environment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.parameters.ParameterType;

/**
 * Merges environments in the order given, as Heat merges {@code environment_files}: a later
 * file's registry is merged deeply over the earlier ones; a later parameter value replaces the
 * earlier one unless the file's {@code parameter_merge_strategies} asks to {@code merge} or
 * {@code deep_merge} it (joining strings and lists, adding numbers, merging JSON maps).
 */
public final class EnvironmentMerger {

    private static final Set<String> STRATEGIES = Set.of("overwrite", "merge", "deep_merge");

    private EnvironmentMerger() {
    }

    /**
     * @param environments the environments, earliest first
     * @param types        the template's parameter types (merging needs them)
     * @return one environment
     * @throws TemplateException ConflictingMergeStrategyForParam or InvalidMergeStrategyForParam
     */
    public static Environment merge(List<Environment> environments, Map<String, ParameterType> types) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        ResourceRegistry registry = ResourceRegistry.empty();
        List<String> encrypted = new ArrayList<>();
        Map<String, String> chosen = new HashMap<>();
        for (int i = 0; i < environments.size(); i++) {
            Environment env = environments.get(i);
            String file = "environment " + (i + 1);
            mergeParameters(parameters, env.parameters(), env.mergeStrategies(), chosen, types, file);
            mergeParameters(defaults, env.parameterDefaults(), env.mergeStrategies(), chosen, types, file);
            registry = registry.merge(env.resourceRegistry());
            env.encryptedParamNames().stream().filter(n -> !encrypted.contains(n)).forEach(encrypted::add);
        }
        return new Environment(parameters, defaults, registry, List.copyOf(encrypted), Map.of());
    }

    private static void mergeParameters(Map<String, Object> into, Map<String, Object> later,
                                        Map<String, String> strategies, Map<String, String> chosen,
                                        Map<String, ParameterType> types, String file) {
        later.forEach((name, value) -> {
            String strategy = strategy(strategies, name, chosen, file);
            ParameterType type = types.get(name);
            if (strategy.equals("overwrite") || !into.containsKey(name) || type == null) {
                into.put(name, value);
            } else {
                into.put(name, combine(into.get(name), value, type, strategy, name));
            }
        });
    }

    private static String strategy(Map<String, String> strategies, String name, Map<String, String> chosen,
                                   String file) {
        if (strategies.isEmpty() && !chosen.containsKey(name)) {
            return "overwrite";
        }
        String strategy = strategies.getOrDefault(name, strategies.getOrDefault("default", "overwrite"));
        String earlier = chosen.get(name);
        if (earlier != null && !strategies.isEmpty() && !earlier.equals(strategy)) {
            throw new TemplateException(TemplateException.Type.ConflictingMergeStrategyForParam,
                    "Conflicting merge strategy '" + strategy + "' for parameter '" + name + "' in file '" + file + "'.");
        }
        chosen.put(name, strategy);
        return STRATEGIES.contains(strategy) ? strategy : "overwrite";
    }

    private static Object combine(Object earlier, Object later, ParameterType type, String strategy, String name) {
        switch (type) {
            case JSON -> {
                if (earlier instanceof Map<?, ?> a && later instanceof Map<?, ?> b) {
                    if (strategy.equals("deep_merge")) {
                        return Merging.deepMerge(a, b);
                    }
                    Map<String, Object> out = Merging.copy(a);
                    b.forEach((k, v) -> out.put(String.valueOf(k), v));
                    return out;
                }
                return later;
            }
            case COMMA_DELIMITED_LIST -> {
                return listText(earlier) + "," + listText(later);
            }
            case STRING -> {
                return Py.str(earlier) + Py.str(later);
            }
            case NUMBER -> {
                Number a = Py.toNumber(earlier);
                Number b = Py.toNumber(later);
                return a instanceof Double || b instanceof Double ? (Object) (a.doubleValue() + b.doubleValue())
                        : (Object) (a.longValue() + b.longValue());
            }
            default -> throw new TemplateException(TemplateException.Type.InvalidMergeStrategyForParam,
                    "Invalid merge strategy '" + strategy + "' for parameter '" + name + "'.");
        }
    }

    private static String listText(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(Py::str).toList());
        }
        return Py.str(value);
    }
}
