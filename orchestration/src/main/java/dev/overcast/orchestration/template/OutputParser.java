package dev.overcast.orchestration.template;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.orchestration.template.functions.Function;
import dev.overcast.orchestration.template.functions.Py;
import dev.overcast.orchestration.template.functions.SnippetParser;
import dev.overcast.orchestration.template.functions.Snippets;

/** Builds {@link OutputDefinition}s from the {@code outputs} section. */
final class OutputParser {

    private final TemplateVersion version;
    private final SnippetParser parser;
    private final ConditionSet conditions;

    OutputParser(TemplateVersion version, SnippetParser parser, ConditionSet conditions) {
        this.version = version;
        this.parser = parser;
        this.conditions = conditions;
    }

    Map<String, OutputDefinition> parse(Map<String, Object> section) {
        Map<String, OutputDefinition> outputs = new LinkedHashMap<>();
        section.forEach((name, data) -> {
            Map<?, ?> fields = (Map<?, ?>) data;
            String path = "outputs." + name;
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
