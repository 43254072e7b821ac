package dev.overcast.compute;

import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Nova's error body: one key named after the fault ({@code itemNotFound}, …) holding code and message. */
final class NovaFaults implements FaultFormat {

    @Override
    public JsonNode render(int status, String message) {
        ObjectNode out = Json.object();
        ObjectNode fault = out.putObject(name(status));
        fault.put("code", status);
        fault.put("message", message);
        return out;
    }

    /** Nova's fault names by status; anything else is a {@code computeFault}. */
    static String name(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 406 -> "notAcceptable";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}
