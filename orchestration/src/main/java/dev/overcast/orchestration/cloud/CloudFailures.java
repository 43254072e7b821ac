package dev.overcast.orchestration.cloud;

import dev.overcast.core.json.Json;
import dev.overcast.orchestration.resources.ResourceFailure;
import tools.jackson.databind.JsonNode;

/**
 * Turns another service's refusal into the failure a resource reports, named as the OpenStack
 * clients name their exceptions (heat shows {@code BadRequest: resources.server: Flavor m1.huge
 * could not be found.}), with the service's own message taken from whichever fault body it uses:
 * Nova's {@code {"badRequest": {"message": ...}}}, Keystone's {@code {"error": {...}}}, Neutron's
 * {@code {"NeutronError": {...}}} or a bare {@code {"message": ...}}.
 */
final class CloudFailures {
    private CloudFailures() {
    }

    static ResourceFailure of(int status, String body) {
        return new ResourceFailure(typeOf(status), messageOf(status, body));
    }

    /** @return the exception name python-novaclient, keystoneauth and neutronclient give a status */
    static String typeOf(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 409 -> "Conflict";
            case 413 -> "OverLimit";
            case 501 -> "HTTPNotImplemented";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalServerError" : "ClientException";
        };
    }

    static String messageOf(int status, String body) {
        String message = null;
        try {
            JsonNode parsed = Json.parse(body);
            message = text(parsed.get("message"));
            if (message == null && parsed.isObject() && parsed.size() == 1) {
                JsonNode fault = parsed.iterator().next();
                message = fault.isObject() ? text(fault.get("message")) : null;
            }
        } catch (RuntimeException notJson) {
            // Not a JSON fault: fall back to the raw text below.
        }
        if (message == null) {
            message = body == null || body.isBlank() ? "HTTP " + status : body.strip();
        }
        return message;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
