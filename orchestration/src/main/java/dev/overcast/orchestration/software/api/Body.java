package dev.overcast.orchestration.software.api;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.HeatError;

/** Reads the fields of a software config or deployment request body; a wrong type is a 400 naming the field. */
final class Body {
    private final JsonNode node;

    private Body(JsonNode node) {
        this.node = node;
    }

    static Body of(JsonNode node) {
        if (!node.isObject()) {
            throw HeatError.badRequest("The request body must be a JSON object.");
        }
        return new Body(node);
    }

    /** @return whether the field is there with a value other than null */
    boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** @return the field's text, or null when absent or null */
    String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw HeatError.badRequest("The value of " + field + " must be a string.");
        }
        return v.asString();
    }

    /** @return the field's text */
    String requiredString(String field) {
        String v = string(field);
        if (v == null || v.isEmpty()) {
            throw HeatError.badRequest(field + " must be specified.");
        }
        return v;
    }

    /** @return the field as a map, or null when absent or null */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw HeatError.badRequest("The value of " + field + " must be a map.");
        }
        return Json.convert(v, Map.class);
    }

    /** @return the field as plain Java values (maps, lists, text, numbers), or null */
    Object any(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Json.convert(v, Object.class);
    }
}
