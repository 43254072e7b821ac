package dev.overcast.placement;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.RequestIds;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Placement's errors: {@code {"errors": [{"status", "title", "detail", "request_id", "code"}]}},
 * with {@code placement.undefined_code} when an error has no more specific code.
 */
final class PlacementFaults implements FaultFormat {
    static final String UNDEFINED_CODE = "placement.undefined_code";

    @Override
    public JsonNode render(int status, String message) {
        return render(status, message, null, UNDEFINED_CODE);
    }

    @Override
    public JsonNode render(ApiException error, RequestIds ids) {
        return render(error.status(), error.getMessage(), ids.local(),
                error.code() == null ? UNDEFINED_CODE : error.code());
    }

    private static JsonNode render(int status, String message, String requestId, String code) {
        ObjectNode out = Json.object();
        ObjectNode e = out.putArray("errors").addObject();
        e.put("status", status);
        e.put("title", FaultFormat.title(status));
        e.put("detail", message);
        e.put("request_id", requestId);
        e.put("code", code);
        return out;
    }
}
