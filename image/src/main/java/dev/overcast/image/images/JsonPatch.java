package dev.overcast.image.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.overcast.core.http.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Glance's two JSON-patch dialects, read into one list of changes with Glance's messages:
 * {@code application/openstack-images-v2.1-json-patch} (draft 10: {@code {"op": "add",
 * "path": "/name", "value": ...}}) and {@code application/openstack-images-v2.0-json-patch}
 * (draft 4: {@code {"add": "/name", "value": ...}}). Glance accepts only single-level
 * pointers, except into {@code locations}.
 */
public final class JsonPatch {
    private JsonPatch() {
    }

    public static final String V2_0 = "application/openstack-images-v2.0-json-patch";
    public static final String V2_1 = "application/openstack-images-v2.1-json-patch";
    private static final Map<String, Integer> DRAFTS = Map.of(V2_0, 4, V2_1, 10);
    private static final List<String> OPERATIONS = List.of("add", "remove", "replace");
    private static final Pattern ADJACENT_SLASHES = Pattern.compile("/\\s*?/");
    private static final Pattern BAD_ESCAPE = Pattern.compile("~[^01]");

    /**
     * One change.
     *
     * @param op    add, remove or replace
     * @param path  the decoded pointer, one token per level
     * @param value the value; null for remove
     * @param draft 4 (v2.0) or 10 (v2.1); v2.0's add refuses to overwrite
     */
    public record Change(String op, List<String> path, JsonNode value, int draft) {
        public String root() {
            return path.getFirst();
        }
    }

    /** The draft a content type names; a 415 for any other content type. */
    public static int draft(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase();
        Integer draft = DRAFTS.get(type);
        if (draft == null) {
            throw ApiException.unsupportedMediaType("The request has a MIME type of '" + contentType
                    + "'; only " + V2_0 + " and " + V2_1 + " are allowed.");
        }
        return draft;
    }

    public static List<Change> parse(JsonNode body, int draft) {
        if (!body.isArray()) {
            throw ApiException.badRequest("Request body must be a JSON array of operation objects.");
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode raw : body) {
            if (!raw.isObject()) {
                throw ApiException.badRequest("Operations must be JSON objects.");
            }
            String op = draft == 10 ? opDraft10(raw) : opDraft4(raw);
            JsonNode pointer = draft == 10 ? raw.get("path") : raw.get(op);
            if (pointer == null) {
                throw ApiException.badRequest("Unable to find 'path' in JSON Schema change");
            }
            List<String> path = decode(pointer.asString());
            validateDepth(op, path);
            JsonNode value = null;
            if (!op.equals("remove")) {
                if (!raw.has("value")) {
                    throw ApiException.badRequest("Operation \"" + op + "\" requires a member named \"value\".");
                }
                value = raw.get("value");
            }
            changes.add(new Change(op, path, value, draft));
        }
        return changes;
    }

    private static String opDraft10(JsonNode raw) {
        JsonNode op = raw.get("op");
        if (op == null) {
            throw ApiException.badRequest("Unable to find `op` in JSON Schema change. It must be one of the "
                    + "following: add, remove, replace.");
        }
        if (!op.isString() || !OPERATIONS.contains(op.asString())) {
            throw ApiException.badRequest("Invalid operation: `" + op.asString() + "`. It must be one of the "
                    + "following: add, remove, replace.");
        }
        return op.asString();
    }

    private static String opDraft4(JsonNode raw) {
        String found = null;
        for (String op : OPERATIONS) {
            if (raw.has(op)) {
                if (found != null) {
                    throw ApiException.badRequest("Operation objects must contain only one member named "
                            + "\"add\", \"remove\", or \"replace\".");
                }
                found = op;
            }
        }
        if (found == null) {
            throw ApiException.badRequest("Operation objects must contain exactly one member named "
                    + "\"add\", \"remove\", or \"replace\".");
        }
        return found;
    }

    static List<String> decode(String pointer) {
        if (!pointer.startsWith("/")) {
            throw ApiException.badRequest("Pointer `" + pointer + "` does not start with \"/\".");
        }
        if (ADJACENT_SLASHES.matcher(pointer.substring(1)).find()) {
            throw ApiException.badRequest("Pointer `" + pointer + "` contains adjacent \"/\".");
        }
        if (pointer.length() > 1 && pointer.endsWith("/")) {
            throw ApiException.badRequest("Pointer `" + pointer + "` end with \"/\".");
        }
        if (BAD_ESCAPE.matcher(pointer).find() || pointer.endsWith("~")) {
            throw ApiException.badRequest("Pointer `" + pointer + "` contains \"~\" not part of a recognized "
                    + "escape sequence.");
        }
        List<String> parts = new ArrayList<>();
        for (String part : pointer.substring(1).split("/", -1)) {
            parts.add(part.replace("~1", "/").replace("~0", "~").strip());
        }
        return List.copyOf(parts);
    }

    private static void validateDepth(String op, List<String> path) {
        int allowed = path.getFirst().equals("locations") ? (op.equals("replace") ? 1 : 2) : 1;
        if (path.size() != allowed) {
            throw ApiException.badRequest("Invalid JSON pointer for this resource: '/" + String.join("/", path) + "'");
        }
    }
}
