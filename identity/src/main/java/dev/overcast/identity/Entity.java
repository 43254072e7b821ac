package dev.overcast.identity;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keystone entities have fixed attributes plus any extra ones a client sends (a user's
 * {@code email}, say), which are stored as JSON and shown back. These helpers split a
 * request object into the two and merge them for a response.
 */
public final class Entity {
    private Entity() {
    }

    /** The request body's {@code wrapper} object; a 400 if it is missing or not an object. */
    public static ObjectNode body(JsonNode json, String wrapper) {
        JsonNode node = json.get(wrapper);
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("Invalid input for field '" + wrapper + "': an object is required.");
        }
        return (ObjectNode) node;
    }

    /** The attributes of {@code node} that are not in {@code known}, as JSON text. */
    public static String extra(ObjectNode node, Set<String> known) {
        ObjectNode extra = Json.object();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey())) {
                extra.set(field.getKey(), field.getValue());
            }
        }
        return extra.toString();
    }

    /** Merges updated extra attributes into stored ones; a JSON null removes one. */
    public static String mergeExtra(String stored, ObjectNode update, Set<String> known) {
        ObjectNode merged = (ObjectNode) Json.parse(stored == null ? "{}" : stored);
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            if (!known.contains(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged.toString();
    }

    /** Copies the stored extra attributes into a response object, under the fixed ones. */
    public static ObjectNode withExtra(ObjectNode out, String extra) {
        if (extra != null && !extra.isEmpty()) {
            ObjectNode stored = (ObjectNode) Json.parse(extra);
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!out.has(field.getKey())) {
                    out.set(field.getKey(), field.getValue());
                }
            }
        }
        return out;
    }

    /** Adds {@code "links": {"self": url}}. */
    public static ObjectNode self(ObjectNode out, String url) {
        out.putObject("links").put("self", url);
        return out;
    }

    /** A collection response: {@code {"<name>": [...], "links": {"self", "previous", "next"}}}. */
    public static ObjectNode collection(String name, Iterable<? extends JsonNode> items, String selfUrl) {
        ObjectNode out = Json.object();
        var array = out.putArray(name);
        items.forEach(array::add);
        ObjectNode links = out.putObject("links");
        links.put("self", selfUrl);
        links.putNull("previous");
        links.putNull("next");
        return out;
    }

    /** A string attribute or null; a 400 naming it if present with another type. */
    public static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("Invalid input for field '" + field + "': a string is required.");
        }
        return value.asString();
    }

    /** A boolean attribute, {@code fallback} when absent; a 400 naming it if not a boolean. */
    public static boolean bool(ObjectNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("Invalid input for field '" + field + "': a boolean is required.");
        }
        return value.asBoolean();
    }
}
