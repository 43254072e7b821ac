package dev.overcast.orchestration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.RequestIds;
import dev.overcast.core.json.Json;

/**
 * Heat's fault body: {@code {"explanation": ..., "code": 404, "error": {"message": ...,
 * "traceback": null, "type": "EntityNotFound"}, "title": "Not Found"}}. The explanation is
 * webob's text for the status; the type is Heat's exception class name.
 */
final class HeatFaults implements FaultFormat {
    @Override
    public JsonNode render(int status, String message) {
        return body(status, defaultType(status), message);
    }

    @Override
    public JsonNode render(ApiException error, RequestIds ids) {
        String type = error instanceof HeatError heat ? heat.type() : defaultType(error.status());
        return body(error.status(), type, error.getMessage());
    }

    private static JsonNode body(int status, String type, String message) {
        ObjectNode out = Json.object();
        out.put("explanation", explanation(status));
        out.put("code", status);
        ObjectNode error = out.putObject("error");
        error.put("message", message);
        error.putNull("traceback");
        error.put("type", type);
        out.put("title", FaultFormat.title(status));
        return out;
    }

    private static String defaultType(int status) {
        return switch (status) {
            case 400 -> "HTTPBadRequest";
            case 401 -> "HTTPUnauthorized";
            case 403 -> "Forbidden";
            case 404 -> "HTTPNotFound";
            case 405 -> "HTTPMethodNotAllowed";
            case 409 -> "HTTPConflict";
            case 413 -> "RequestLimitExceeded";
            case 415 -> "HTTPUnsupportedMediaType";
            case 501 -> "NotSupported";
            default -> "HTTPInternalServerError";
        };
    }

    private static String explanation(int status) {
        return switch (status) {
            case 400 -> "The server could not comply with the request since it is either malformed or otherwise "
                    + "incorrect.";
            case 401 -> "This server could not verify that you are authorized to access the document you requested.";
            case 403 -> "Access was denied to this resource.";
            case 404 -> "The resource could not be found.";
            case 405 -> "The method is not allowed for this resource.";
            case 409 -> "There was a conflict when trying to complete your request.";
            case 413 -> "The request is larger than the server is willing or able to process.";
            case 415 -> "The request media type is not supported by this server.";
            case 501 -> "The server does not support the action requested by the browser.";
            default -> "The server has either erred or is incapable of performing the requested operation.";
        };
    }
}
