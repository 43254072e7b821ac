package dev.overcast.image;

import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Glance's errors as its WSGI stack renders them for JSON clients:
 * {@code {"code": "404 Not Found", "title": "Not Found", "message": "..."}}.
 */
final class GlanceFaults implements FaultFormat {
    @Override
    public JsonNode render(int status, String message) {
        ObjectNode body = Json.object();
        body.put("message", message);
        body.put("code", status + " " + FaultFormat.title(status));
        body.put("title", FaultFormat.title(status));
        return body;
    }
}
