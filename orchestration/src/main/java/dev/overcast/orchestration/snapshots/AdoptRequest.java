package dev.overcast.orchestration.snapshots;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.OrchestrationSettings;

/**
 * A create's {@code adopt_stack_data}: abandon data, given as an object or as text (JSON or YAML,
 * as python-heatclient sends the file it read).
 *
 * @param data        the data
 * @param template    the template text the stack gets when the create names none
 * @param environment the environment it gets when the create gives none
 */
public record AdoptRequest(StackData data, String template, Map<String, Object> environment) {

    /**
     * @return the request's adopt data, or null when it has none
     * @throws HeatError 400 NotSupported when adopt is disabled, 400 when the data is malformed
     */
    public static AdoptRequest of(JsonNode body, OrchestrationSettings settings) {
        if (!body.isObject() || !body.hasNonNull("adopt_stack_data")) {
            return null;
        }
        if (!settings.enableStackAdopt()) {
            throw new HeatError(400, "NotSupported", "Stack Adopt is not supported.");
        }
        JsonNode data = tree(body.get("adopt_stack_data"));
        if (!data.isObject()) {
            throw invalid("adopt_stack_data must be a map");
        }
        JsonNode template = data.get("template");
        if (template == null || template.isNull()) {
            throw invalid("'template'");
        }
        if (!template.isObject()) {
            throw invalid("template must be a map");
        }
        for (String field : new String[] {"environment", "resources", "files"}) {
            if (data.hasNonNull(field) && !data.get(field).isObject()) {
                throw invalid(field + " must be a map");
            }
        }
        if (data.hasNonNull("resources")) {
            for (var e : data.get("resources").properties()) {
                if (!e.getValue().isObject()) {
                    throw invalid("resource " + e.getKey() + " must be a map");
                }
            }
        }
        StackData parsed;
        try {
            parsed = Json.convert(data, StackData.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid(firstLine(e.getMessage()));
        }
        Map<String, Object> environment = parsed.environment() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(parsed.environment());
        return new AdoptRequest(parsed, Json.write(template), environment);
    }

    /** @return the resource's adopt data, or null when the data has none for it */
    StackData.ResourceData resource(String name) {
        return data.resources() == null ? null : data.resources().get(name);
    }

    private static JsonNode tree(JsonNode value) {
        if (!value.isString()) {
            return value;
        }
        String text = value.asString();
        try {
            return Json.parse(text);
        } catch (JacksonException notJson) {
            try {
                return Json.tree(new org.yaml.snakeyaml.Yaml().load(text));
            } catch (RuntimeException notYaml) {
                throw invalid(firstLine(notYaml.getMessage()));
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }

    private static HeatError invalid(String why) {
        return HeatError.badRequest("Invalid adopt data: " + why);
    }
}
