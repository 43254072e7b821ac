package dev.overcast.network;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.RequestIds;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Neutron's errors as its API renders them:
 * {@code {"NeutronError": {"type": "NetworkNotFound", "message": "...", "detail": ""}}}.
 * The type is the error's code ({@link NeutronErrors}); errors raised without one (bad JSON,
 * policy, unknown routes) get the generic type Neutron's WSGI layer gives their status.
 */
final class NeutronFaults implements FaultFormat {
    @Override
    public JsonNode render(int status, String message) {
        return body(genericType(status), message);
    }

    @Override
    public JsonNode render(ApiException error, RequestIds ids) {
        return body(error.code() != null ? error.code() : genericType(error.status()), error.getMessage());
    }

    private static JsonNode body(String type, String message) {
        ObjectNode out = Json.object();
        ObjectNode fault = out.putObject("NeutronError");
        fault.put("type", type);
        fault.put("message", message);
        fault.put("detail", "");
        return out;
    }

    private static String genericType(int status) {
        return switch (status) {
            case 400 -> "HTTPBadRequest";
            case 401 -> "HTTPUnauthorized";
            case 403 -> "PolicyNotAuthorized";
            case 404 -> "HTTPNotFound";
            case 405 -> "HTTPMethodNotAllowed";
            case 409 -> "HTTPConflict";
            case 413 -> "HTTPRequestEntityTooLarge";
            case 415 -> "HTTPUnsupportedMediaType";
            case 501 -> "HTTPNotImplemented";
            case 503 -> "HTTPServiceUnavailable";
            default -> "HTTPInternalServerError";
        };
    }
}
