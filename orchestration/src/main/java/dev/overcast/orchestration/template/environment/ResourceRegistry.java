package dev.overcast.orchestration.template.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.functions.Py;

/**
 * An environment's {@code resource_registry}: global type mappings (an alias to another type, a
 * template file, a glob such as {@code "OS::Networking::*": "OS::Neutron::*"}, or null to
 * unregister) and, under {@code resources}, per-resource mappings, hooks and restricted actions.
 */
public final class ResourceRegistry {

    static final List<String> HOOK_TYPES =
            List.of("pre-create", "pre-update", "pre-delete", "post-create", "post-update", "post-delete");
    static final List<String> RESTRICTED_ACTIONS = List.of("update", "replace");
    private static final int MAX_ALIAS_DEPTH = 16;

    private final Map<String, Object> entries;

    private ResourceRegistry(Map<String, Object> entries) {
        this.entries = entries;
    }

    /** @return a registry with no entries */
    public static ResourceRegistry empty() {
        return new ResourceRegistry(Map.of());
    }

    /**
     * Parses and checks a {@code resource_registry} section.
     *
     * @throws TemplateException InvalidEnvironment, InvalidBreakPointHook or InvalidRestrictedAction
     */
    public static ResourceRegistry parse(Object section) {
        if (section == null) {
            return empty();
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                    "The resource_registry section of an environment must be a map.");
        }
        Map<String, Object> entries = Merging.copy(map);
        Object resources = entries.get("resources");
        if (resources != null) {
            if (!(resources instanceof Map<?, ?> perResource)) {
                throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                        "The resources entry of a resource_registry must be a map.");
            }
            perResource.forEach((name, entry) -> checkResourceEntry(Py.str(name), entry));
        }
        entries.forEach((key, value) -> {
            if (!key.equals("resources") && value != null && !(value instanceof String)) {
                throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                        "Invalid resource_registry entry for " + key + ": " + Py.str(value));
            }
        });
        return new ResourceRegistry(entries);
    }

    private static void checkResourceEntry(String name, Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                    "The resource_registry entry for resource " + name + " must be a map.");
        }
        // Heat names the whole value (a list included) in these messages.
        Object hooks = map.get("hooks");
        if (hooks != null && !HOOK_TYPES.containsAll(values(hooks))) {
            throw new TemplateException(TemplateException.Type.InvalidBreakPointHook,
                    "Invalid hook type \"" + Py.str(hooks) + "\" for resource breakpoint, acceptable hook types are: "
                            + tuple(HOOK_TYPES));
        }
        Object actions = map.get("restricted_actions");
        if (actions != null && !RESTRICTED_ACTIONS.containsAll(values(actions))) {
            throw new TemplateException(TemplateException.Type.InvalidRestrictedAction,
                    "Invalid restricted_action type \"" + Py.str(actions)
                            + "\" for resource, acceptable restricted_action types are: " + tuple(RESTRICTED_ACTIONS));
        }
    }

    private static String tuple(List<String> items) {
        return "(" + String.join(", ", items.stream().map(Py::repr).toList()) + ")";
    }

    private static List<?> values(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    /** @return this registry with {@code later}'s entries merged over it (maps merged deeply) */
    public ResourceRegistry merge(ResourceRegistry later) {
        return new ResourceRegistry(Merging.deepMerge(entries, later.entries));
    }

    /** @return the registry as a map, as it would be written in an environment */
    public Map<String, Object> asMap() {
        return Merging.copy(entries);
    }

    /**
     * Resolves {@code type} for the resource {@code resourceName}: its own entry under
     * {@code resources} first, then the global mappings, following aliases.
     *
     * @throws TemplateException InvalidEnvironment when aliases loop
     */
    public ResolvedType resolve(String type, String resourceName) {
        Map<?, ?> own = resourceEntry(resourceName);
        if (own != null && own.containsKey(type)) {
            return follow(type, own.get(type), new ArrayList<>(List.of(type)));
        }
        return resolveGlobal(type, new ArrayList<>());
    }

    private ResolvedType resolveGlobal(String type, List<String> seen) {
        if (seen.size() > MAX_ALIAS_DEPTH || seen.contains(type)) {
            seen.add(type);
            throw new TemplateException(TemplateException.Type.InvalidEnvironment,
                    "The resource_registry maps a type to itself: " + String.join(" -> ", seen));
        }
        seen.add(type);
        if (entries.containsKey(type)) {
            return follow(type, entries.get(type), seen);
        }
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("*") && type.startsWith(key.substring(0, key.length() - 1))) {
                Object target = e.getValue();
                if (target instanceof String s && s.endsWith("*")) {
                    target = s.substring(0, s.length() - 1) + type.substring(key.length() - 1);
                }
                return follow(type, target, seen);
            }
        }
        return isTemplateFile(type) ? new ResolvedType.TemplateResource(type) : new ResolvedType.Plugin(type);
    }

    private ResolvedType follow(String type, Object target, List<String> seen) {
        if (target == null) {
            return new ResolvedType.Unregistered(type);
        }
        String mapped = Py.str(target);
        if (isTemplateFile(mapped)) {
            return new ResolvedType.TemplateResource(mapped);
        }
        if (mapped.equals(type)) {
            return new ResolvedType.Plugin(type);
        }
        return resolveGlobal(mapped, seen);
    }

    /** Heat's test for a template resource: a name ending in .yaml or .template, or a URL. */
    static boolean isTemplateFile(String name) {
        return name.endsWith(".yaml") || name.endsWith(".template") || name.contains("://");
    }

    private Map<?, ?> resourceEntry(String resourceName) {
        if (!(entries.get("resources") instanceof Map<?, ?> resources)) {
            return null;
        }
        if (resources.get(resourceName) instanceof Map<?, ?> exact) {
            return exact;
        }
        for (Map.Entry<?, ?> e : resources.entrySet()) {
            String pattern = Py.str(e.getKey());
            if (pattern.endsWith("*") && resourceName.startsWith(pattern.substring(0, pattern.length() - 1))
                    && e.getValue() instanceof Map<?, ?> m) {
                return m;
            }
        }
        return null;
    }

    /** @return the hooks (breakpoints) set for a resource */
    public List<String> hooks(String resourceName) {
        Map<?, ?> own = resourceEntry(resourceName);
        return own == null ? List.of() : values(own.get("hooks")).stream().map(Py::str).toList();
    }

    /** @return the actions ({@code update}, {@code replace}) the environment forbids for a resource */
    public List<String> restrictedActions(String resourceName) {
        Map<?, ?> own = resourceEntry(resourceName);
        return own == null ? List.of() : values(own.get("restricted_actions")).stream().map(Py::str).toList();
    }

    /** @return every template file the registry maps a type to (the files the stack needs) */
    public Set<String> templateFiles() {
        Set<String> files = new LinkedHashSet<>();
        entries.forEach((k, v) -> {
            if (v instanceof String s && isTemplateFile(s)) {
                files.add(s);
            }
        });
        if (entries.get("resources") instanceof Map<?, ?> resources) {
            resources.values().forEach(entry -> {
                if (entry instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> {
                        if (v instanceof String s && isTemplateFile(s)) {
                            files.add(s);
                        }
                    });
                }
            });
        }
        return files;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceRegistry r && r.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "ResourceRegistry" + new LinkedHashMap<>(entries);
    }
}
