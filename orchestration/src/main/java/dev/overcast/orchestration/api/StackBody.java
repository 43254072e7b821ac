package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.HeatError;

/**
 * The fields of a stack create, preview, update or validate body, as Heat reads them.
 *
 * @param name            {@code stack_name}, or null
 * @param template        the template text, or null when the body has none
 * @param files           {@code files}
 * @param environment     {@code environment} (a map; text is parsed as YAML by the template layer)
 * @param parameters      {@code parameters}
 * @param disableRollback {@code disable_rollback}, or null when absent
 * @param timeoutMins     {@code timeout_mins}, or null
 * @param tags            {@code tags}, or null when absent
 * @param clearParameters {@code clear_parameters} (PATCH)
 */
record StackBody(String name, String template, Map<String, String> files, Map<String, Object> environment,
                 Map<String, Object> parameters, Boolean disableRollback, Integer timeoutMins, List<String> tags,
                 List<String> clearParameters) {

    @SuppressWarnings("unchecked")
    static StackBody parse(JsonNode body) {
        if (!body.isObject()) {
            throw HeatError.badRequest("The request body must be a JSON object.");
        }
        if (body.hasNonNull("template_url") && !body.hasNonNull("template")) {
            throw new HeatError(501, "NotSupported", "template_url is not supported; send the template itself.");
        }
        String template = null;
        JsonNode t = body.get("template");
        if (t != null && !t.isNull()) {
            template = t.isString() ? t.asString() : Json.write(t);
        }
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode f = body.get("files");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                throw HeatError.badRequest("files must be a map of file names to contents.");
            }
            f.properties().forEach(e -> files.put(e.getKey(), e.getValue().isString() ? e.getValue().asString()
                    : Json.write(e.getValue())));
        }
        Map<String, Object> environment = map(body, "environment");
        Map<String, Object> parameters = map(body, "parameters");
        Boolean rollback = null;
        if (body.hasNonNull("disable_rollback")) {
            rollback = bool(body.get("disable_rollback"), "disable_rollback");
        }
        Integer timeout = null;
        if (body.hasNonNull("timeout_mins")) {
            JsonNode n = body.get("timeout_mins");
            try {
                timeout = n.isNumber() ? n.asInt() : Integer.parseInt(n.asString());
            } catch (NumberFormatException e) {
                throw HeatError.badRequest("Only integer is acceptable by 'timeout_mins'.");
            }
        }
        List<String> tags = null;
        if (body.has("tags")) {
            JsonNode tg = body.get("tags");
            tags = new ArrayList<>();
            if (tg.isArray()) {
                for (JsonNode x : tg) {
                    tags.add(x.asString());
                }
            } else if (!tg.isNull() && !tg.asString().isEmpty()) {
                tags.addAll(List.of(tg.asString().split(",")));
            }
        }
        List<String> clear = new ArrayList<>();
        if (body.hasNonNull("clear_parameters")) {
            body.get("clear_parameters").forEach(x -> clear.add(x.asString()));
        }
        String name = body.hasNonNull("stack_name") ? body.get("stack_name").asString() : null;
        return new StackBody(name, template, files, environment, parameters, rollback, timeout, tags, clear);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return new LinkedHashMap<>();
        }
        if (n.isString() && field.equals("environment")) {
            // Heat reads an environment given as text as YAML, with its own errors.
            return new LinkedHashMap<>(dev.overcast.orchestration.template.environment.Environment.parse(n.asString())
                    .asMap());
        }
        if (!n.isObject()) {
            throw HeatError.badRequest("The " + field + " must be a map.");
        }
        return new LinkedHashMap<>(Json.convert(n, Map.class));
    }

    private static boolean bool(JsonNode n, String field) {
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return switch (n.asString().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "1", "yes", "y", "on" -> true;
            case "false", "f", "0", "no", "n", "off" -> false;
            default -> throw HeatError.badRequest("Unrecognized value \"" + n.asString() + "\" for \"" + field
                    + "\", acceptable values are: true, false");
        };
    }

    /** @return the template text, or Heat's 400 when the body has none */
    String requireTemplate() {
        if (template == null) {
            throw HeatError.badRequest("No template specified");
        }
        return template;
    }
}
