package dev.overcast.orchestration.template;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.template.functions.Function;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.functions.SnippetParser;
import dev.overcast.orchestration.template.functions.Snippets;

/** Builds {@link OutputDefinition}s from the {@code outputs} section. */
final class OutputParser {

    private static final String ERROR = "Output validation error";

    private final TemplateVersion version;
    private final SnippetParser parser;
    private final ConditionSet conditions;

    OutputParser(TemplateVersion version, SnippetParser parser, ConditionSet conditions) {
        this.version = version;
        this.parser = parser;
        this.conditions = conditions;
    }

    /** Parses the section as written (null when absent). */
    Map<String, OutputDefinition> parse(Object section) {
        Map<String, OutputDefinition> outputs = new LinkedHashMap<>();
        if (!Py.truthy(section)) {
            return outputs;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw TemplateException.validation(ERROR, "outputs", "Output definitions must be a map. Found a "
                    + Py.shortTypeName(section) + " instead");
        }
        map.forEach((key, data) -> {
            String name = Py.str(key);
            String path = "outputs." + name;
            Map<?, ?> fields = check(data, path);
            Object description = fields.get("description");
            String text = description == null ? null : Py.str(description);
            if (!enabled(fields, path)) {
                outputs.put(name, new OutputDefinition(name, null, text, false));
                return;
            }
            Object value = parser.parse(fields.get("value"), path + ".value");
            outputs.put(name, new OutputDefinition(name, value == Snippets.ABSENT ? null : value, text, true));
        });
        return outputs;
    }

    private Map<?, ?> check(Object data, String path) {
        if (!(data instanceof Map<?, ?> fields)) {
            throw TemplateException.validation(ERROR, path, "Output definitions must be a map. Found a "
                    + Py.shortTypeName(data) + " instead");
        }
        for (Object key : fields.keySet()) {
            if (!version.outputKeys().contains(key)) {
                throw TemplateException.validation("\"" + key + "\" is not a valid keyword inside a output definition");
            }
        }
        if (!fields.containsKey("value")) {
            throw TemplateException.validation(ERROR, path, "Each output definition must contain a value key.");
        }
        return fields;
    }

    private boolean enabled(Map<?, ?> fields, String path) {
        if (!version.hasConditions() || !fields.containsKey("condition")) {
            return true;
        }
        Object condition = parser.forConditions().parse(fields.get("condition"), path + ".condition");
        try {
            Object decided = condition instanceof Function ? Snippets.resolve(condition, ResolutionContext.STATIC)
                    : condition;
            return conditions.isEnabled(decided);
        } catch (IllegalArgumentException e) {
            throw TemplateException.validation(null, path + ".condition", e.getMessage());
        }
    }
}
