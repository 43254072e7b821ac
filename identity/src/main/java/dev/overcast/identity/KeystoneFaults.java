package dev.overcast.identity;

import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Keystone's error body: {@code {"error": {"code": 404, "title": "Not Found", "message": "..."}}}. */
final class KeystoneFaults implements FaultFormat {
    @Override
    public JsonNode render(int status, String message) {
        ObjectNode error = Json.object();
        error.put("code", status);
        error.put("title", FaultFormat.title(status));
        error.put("message", message);
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }
}
