package dev.overcast.core.http;

/**
 * An error a client caused or must be told about, carrying its HTTP status and a message
 * that is safe to show. Every service maps these to its own OpenStack fault body in one
 * place ({@link FaultFormat}); anything else thrown by a handler becomes a 500 whose
 * message never reaches the client.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** @param code a machine-readable error code, as Placement's {@code placement.concurrent_update}, or null */
    public ApiException(int status, String message, String code) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The machine-readable error code, or null when the error has none. */
    public String code() {
        return code;
    }

    /** 400: the request is malformed or names a field wrongly. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** 401: no valid credentials. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    /** 403: authenticated, but policy does not allow it. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    /** 404: no such resource (or one the caller may not know exists). */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** 405: the resource exists but not with this method. */
    public static ApiException methodNotAllowed(String message) {
        return new ApiException(405, message);
    }

    /** 406: e.g. a microversion outside the supported range. */
    public static ApiException notAcceptable(String message) {
        return new ApiException(406, message);
    }

    /** 409: conflicts with the current state (duplicate name, resource in use). */
    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    /** 413: the body is larger than the server accepts. */
    public static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }

    /** 415: the body is not JSON. */
    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, message);
    }

    /** 501: a feature Overcast does not implement; never a silent success. */
    public static ApiException notImplemented(String message) {
        return new ApiException(501, message);
    }
}
