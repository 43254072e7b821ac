package dev.overcast.orchestration.template.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.orchestration.template.TemplateException;

/**
 * Turns raw template data into a parsed snippet: every single-key map whose key names a function
 * of the template's version becomes that {@link Function}, as Heat's {@code template.parse} does.
 * A map whose key names no function stays data.
 *
 * <p>Argument-shape errors come out as Heat's StackValidationFailed prefixed with the path of the
 * function, e.g. {@code resources.server.properties.name.list_join: Incorrect arguments ...}.
 */
public final class SnippetParser {

    /** Where a snippet sits: the template body, or the {@code conditions} section. */
    public enum Context { TEMPLATE, CONDITION }

    private final TemplateScope scope;
    private final Context context;

    /**
     * @param scope   the template the snippets belong to
     * @param context which function set applies
     */
    public SnippetParser(TemplateScope scope, Context context) {
        this.scope = scope;
        this.context = context;
    }

    /** @return a parser over the same template for conditions ({@code if}, {@code condition:}) */
    public SnippetParser forConditions() {
        return context == Context.CONDITION ? this : new SnippetParser(scope, Context.CONDITION);
    }

    /** @return the template scope */
    public TemplateScope scope() {
        return scope;
    }

    /** @return which function set applies */
    public Context context() {
        return context;
    }

    /**
     * Parses {@code snippet}.
     *
     * @param path where it sits, e.g. {@code resources.server.properties}
     * @return the parsed snippet; {@link Snippets#ABSENT} when it is an {@code if} that leaves it out
     */
    public Object parse(Object snippet, String path) {
        if (snippet instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String name = (String) only.getKey();
                FunctionTable.Lookup lookup = FunctionTable.lookup(name, scope.version(), context);
                if (!(lookup instanceof FunctionTable.Lookup.NotAFunction)) {
                    return call(lookup, name, only.getValue(), path);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object parsed = parse(v, path + "." + k);
                if (parsed != Snippets.ABSENT) {
                    out.put((String) k, parsed);
                }
            });
            return out;
        }
        if (snippet instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object parsed = parse(list.get(i), path + "[" + i + "]");
                if (parsed != Snippets.ABSENT) {
                    out.add(parsed);
                }
            }
            return out;
        }
        return snippet;
    }

    private Object call(FunctionTable.Lookup lookup, String name, Object rawArgs, String path) {
        String fnPath = path.isEmpty() ? name : path + "." + name;
        try {
            return switch (lookup) {
                case FunctionTable.Lookup.Available available -> {
                    FunctionTable.Entry entry = available.entry();
                    Object args = entry.macro() ? rawArgs : parse(rawArgs, fnPath);
                    yield entry.factory().create(new FunctionCall(name, args, scope, this, fnPath));
                }
                case FunctionTable.Lookup.Unavailable u -> new Unavailable(name, parse(rawArgs, fnPath));
                case FunctionTable.Lookup.InvalidHere i ->
                        throw new ArgumentException("The function \"" + name + "\" is invalid in this context");
                case FunctionTable.Lookup.NotAFunction n -> throw new IllegalStateException(name);
            };
        } catch (ArgumentException e) {
            throw TemplateException.validation(null, fnPath, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw TemplateException.validation(null, fnPath, e.getMessage());
        }
    }

    /**
     * What a function factory is given.
     *
     * @param name   the function name as written
     * @param args   parsed arguments (raw for macros such as {@code if})
     * @param scope  the template
     * @param parser the parser (macros parse the branch they choose)
     * @param path   the function's path, for messages
     */
    public record FunctionCall(String name, Object args, TemplateScope scope, SnippetParser parser, String path) {
    }
}
