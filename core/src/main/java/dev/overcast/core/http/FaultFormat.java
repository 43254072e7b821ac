package dev.overcast.core.http;

import tools.jackson.databind.JsonNode;

/**
 * Renders an error as one service's OpenStack fault body. Each service has exactly one,
 * so errors are mapped in one place (Keystone: {@code {"error": {"code", "title", "message"}}},
 * Nova: {@code {"itemNotFound": {"code", "message"}}}, ...).
 */
@FunctionalInterface
public interface FaultFormat {
    JsonNode render(int status, String message);

    /**
     * Renders {@code error}; formats that carry more than status and message (Placement's
     * error {@code code} and {@code request_id}) override this.
     */
    default JsonNode render(ApiException error, RequestIds ids) {
        return render(error.status(), error.getMessage());
    }

    /** The standard reason phrase for a status, e.g. "Not Found". */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
