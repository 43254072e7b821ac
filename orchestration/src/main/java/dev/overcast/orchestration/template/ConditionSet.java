package dev.overcast.orchestration.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.template.functions.Function;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.functions.SnippetParser;
import dev.overcast.orchestration.template.functions.Snippets;

/**
 * The {@code conditions} section (2016-10-14): every definition parsed with the condition
 * functions when the template is parsed; each evaluated when first asked about (as Heat does, so
 * an unused condition is never evaluated), with circular definitions detected. Evaluation
 * caches, so it is synchronized: a parsed template is shared by an engine's workers.
 */
final class ConditionSet {

    private static final String ERROR = "Condition validation error";

    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final Map<String, Object> parsed = new HashMap<>();
    private final Map<String, Boolean> resolved = new HashMap<>();
    private final Map<String, Boolean> inProgress = new HashMap<>();
    private SnippetParser parser;

    /** @param section the section as written (null when absent) */
    ConditionSet(Object section) {
        if (section == null) {
            return;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw TemplateException.validation("Conditions validation error", null,
                    "Condition definitions must be a map. Found a " + Py.shortTypeName(section) + " instead");
        }
        map.forEach((name, definition) -> raw.put(Py.str(name), definition));
    }

    /**
     * Parses every definition with the condition functions and checks each is a boolean or a
     * function (Heat's {@code Conditions.validate}).
     *
     * @param conditionParser a parser in condition context over the template (which must already
     *                        answer condition questions from this set)
     */
    void parseAll(SnippetParser conditionParser) {
        this.parser = conditionParser;
        raw.keySet().forEach(this::definition);
    }

    private Object definition(String name) {
        if (!parsed.containsKey(name)) {
            Object definition = parser.parse(raw.get(name), "conditions." + name);
            if (!(definition instanceof Boolean) && !(definition instanceof Function)) {
                throw invalidDefinition(name, definition);
            }
            parsed.put(name, definition);
        }
        return parsed.get(name);
    }

    private static TemplateException invalidDefinition(String name, Object definition) {
        return TemplateException.validation(ERROR, null,
                "The definition of condition \"" + name + "\" is invalid: " + Py.str(definition));
    }

    /**
     * Heat's {@code Conditions.is_enabled}.
     *
     * @throws IllegalArgumentException {@code Invalid condition "x"} for an unknown name
     * @throws TemplateException        for a circular or non-boolean definition
     */
    synchronized boolean isEnabled(Object condition) {
        if (condition == null) {
            return true;
        }
        if (condition instanceof Boolean b) {
            return b;
        }
        if (!(condition instanceof String name) || !raw.containsKey(name)) {
            throw new IllegalArgumentException("Invalid condition \"" + Py.str(condition) + "\"");
        }
        Boolean known = resolved.get(name);
        if (known != null) {
            return known;
        }
        if (inProgress.containsKey(name)) {
            throw TemplateException.validation(ERROR, null, "Circular definition for condition \"" + name + "\"");
        }
        inProgress.put(name, true);
        try {
            Object value = Snippets.resolve(definition(name), ResolutionContext.STATIC);
            if (!(value instanceof Boolean b)) {
                throw invalidDefinition(name, value);
            }
            resolved.put(name, b);
            return b;
        } finally {
            inProgress.remove(name);
        }
    }

    /** @return every condition's value, evaluating all of them */
    synchronized Map<String, Boolean> evaluateAll() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        raw.keySet().forEach(name -> all.put(name, isEnabled(name)));
        return all;
    }
}
