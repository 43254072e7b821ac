package dev.overcast.orchestration.template.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.overcast.orchestration.template.ResolutionContext;
import dev.overcast.orchestration.template.TemplateException;

/**
 * Operations over parsed snippets: plain data (maps, lists, scalars) with {@link Function}s
 * anywhere inside.
 */
public final class Snippets {

    /**
     * The value of an {@code if} whose condition is false and which has no false branch
     * (2021-04-16): the enclosing list item or map entry is left out, as if not written.
     */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "Ellipsis";
        }
    };

    private Snippets() {
    }

    /**
     * Resolves every function in {@code snippet}.
     *
     * @throws TemplateException StackValidationFailed with the function's message when a function
     *                           refuses its resolved arguments
     */
    public static Object resolve(Object snippet, ResolutionContext context) {
        try {
            return resolveRaw(snippet, context);
        } catch (ArgumentException e) {
            throw TemplateException.validation(e.getMessage());
        }
    }

    static Object resolveRaw(Object snippet, ResolutionContext context) {
        if (snippet instanceof Function f) {
            return f.resolve(context);
        }
        if (snippet instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object value = resolveRaw(v, context);
                if (value != ABSENT) {
                    out.put((String) k, value);
                }
            });
            return out;
        }
        if (snippet instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object value = resolveRaw(item, context);
                if (value != ABSENT) {
                    out.add(value);
                }
            }
            return out;
        }
        return snippet;
    }

    /**
     * Resolves a snippet that needs no run-time facts (parameters, files, literals).
     *
     * @return the value, or empty when the snippet needs a resource
     */
    public static Optional<Object> staticValue(Object snippet) {
        try {
            return Optional.ofNullable(resolveRaw(snippet, ResolutionContext.STATIC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Validates every function in {@code snippet} (Heat's {@code function.validate}): an error
     * names the path of the function that failed, e.g.
     * {@code resources.r.properties.url.make_url: Invalid arguments to "make_url": colour}.
     *
     * @param path where the snippet sits, e.g. {@code resources.r.properties}
     */
    public static void validate(Object snippet, ValidationScope scope, String path) {
        if (snippet instanceof Function f) {
            String fnPath = path + "." + f.name();
            try {
                f.validate(scope);
            } catch (ArgumentException | TemplateException e) {
                throw TemplateException.validation(null, fnPath, e.getMessage());
            }
            validate(f.args(), scope, fnPath);
            if (scope.resolveStatic() && !needsEngine(f)) {
                // Heat finds these while validating properties; resolving now shows them at once.
                try {
                    resolveRaw(f, ResolutionContext.STATIC);
                } catch (ArgumentException | TemplateException e) {
                    throw TemplateException.validation(null, fnPath, e.getMessage());
                }
            }
        } else if (snippet instanceof Map<?, ?> map) {
            map.forEach((k, v) -> validate(v, scope, path + "." + k));
        } else if (snippet instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                validate(list.get(i), scope, path + "[" + i + "]");
            }
        }
    }

    /**
     * Checks that every resource named by get_resource or get_attr exists, as Heat does while
     * computing dependencies: {@code The specified reference "net" (in
     * server.Properties.networks[0].network) is incorrect.}
     *
     * @param path where the snippet sits, e.g. {@code server.Properties}
     */
    public static void checkReferences(Object snippet, Set<String> resources, String path) {
        if (snippet instanceof Function f) {
            f.reference().ifPresent(name -> {
                if (!resources.contains(name)) {
                    throw TemplateException.invalidReference(name, path);
                }
            });
            checkReferences(f.args(), resources, path + "." + f.name());
        } else if (snippet instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkReferences(v, resources, path + "." + k));
        } else if (snippet instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkReferences(list.get(i), resources, path + "[" + i + "]");
            }
        }
    }

    /** @return whether any function in {@code snippet} needs the engine to resolve */
    public static boolean needsEngine(Object snippet) {
        if (snippet instanceof Function f) {
            return f.needsEngine() || needsEngine(f.args());
        }
        if (snippet instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Snippets::needsEngine);
        }
        if (snippet instanceof List<?> list) {
            return list.stream().anyMatch(Snippets::needsEngine);
        }
        return false;
    }

    /** @return the resources {@code snippet} refers to with get_resource or get_attr */
    public static Set<String> dependencies(Object snippet) {
        Set<String> names = new LinkedHashSet<>();
        collectDependencies(snippet, names);
        return names;
    }

    static void collectDependencies(Object snippet, Set<String> into) {
        if (snippet instanceof Function f) {
            f.dependencies(into);
        } else if (snippet instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectDependencies(v, into));
        } else if (snippet instanceof List<?> list) {
            list.forEach(v -> collectDependencies(v, into));
        }
    }

    /** @return whether {@code snippet} contains any function */
    public static boolean hasFunctions(Object snippet) {
        if (snippet instanceof Function) {
            return true;
        }
        if (snippet instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Snippets::hasFunctions);
        }
        if (snippet instanceof List<?> list) {
            return list.stream().anyMatch(Snippets::hasFunctions);
        }
        return false;
    }
}
