package dev.overcast.core.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.json.Json;
import dev.overcast.core.version.ApiVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request as a handler sees it: method, path parameters, query, headers, the body
 * (at most the configured size, read before the handler runs) and who is calling.
 */
public final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final Function<String, Optional<String>> headers;
    private final byte[] body;
    private final java.io.InputStream bodyStream;
    private final AuthContext auth;
    private final RequestIds ids;
    private final String serviceUrl;
    private final ApiVersion version;
    private final boolean lenient;
    private JsonNode json;

    Request(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
            Function<String, Optional<String>> headers, Body body, AuthContext auth, RequestIds ids,
            String serviceUrl, ApiVersion version, boolean lenient) {
        this.method = method;
        this.path = path;
        this.pathParams = pathParams;
        this.query = query;
        this.headers = headers;
        this.body = body.bytes();
        this.bodyStream = body.stream();
        this.auth = auth;
        this.ids = ids;
        this.serviceUrl = serviceUrl;
        this.version = version;
        this.lenient = lenient;
    }

    /**
     * True when the request came through the service's older API ({@link ServiceApi#olderApi()}),
     * whose bodies may carry attributes the handler does not know: it ignores them instead of
     * refusing them.
     */
    public boolean lenient() {
        return lenient;
    }

    /**
     * The microversion negotiated for this request.
     *
     * @throws IllegalStateException when the service has no microversions
     */
    public ApiVersion version() {
        if (version == null) {
            throw new IllegalStateException("this service has no microversions");
        }
        return version;
    }

    /** True when the negotiated microversion is {@code major.minor} or later. */
    public boolean versionAtLeast(int major, int minor) {
        return version().isAtLeast(new ApiVersion(major, minor));
    }

    public String method() {
        return method;
    }

    /** The path below the service prefix, e.g. {@code /v3/projects/abc}. */
    public String path() {
        return path;
    }

    public String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }

    /**
     * A flag in the query, as OpenStack reads them: present without a value ({@code ?nocatalog})
     * or with any value but false/0/no/off.
     */
    public boolean flag(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return false;
        }
        if (values.isEmpty()) {
            return true;
        }
        return switch (values.getLast().toLowerCase(java.util.Locale.ROOT)) {
            case "false", "0", "no", "off" -> false;
            default -> true;
        };
    }

    public Optional<String> header(String name) {
        return headers.apply(name);
    }

    /** The body as read before the handler ran; empty on a streaming route. */
    public byte[] body() {
        return body;
    }

    /** On a {@link Routes#streaming} route, the body as it arrives; null on other routes. */
    public java.io.InputStream bodyStream() {
        return bodyStream;
    }

    /** What the host hands a request: the bytes it read, or the stream a streaming route reads. */
    record Body(byte[] bytes, java.io.InputStream stream) {
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The body as JSON; a missing or malformed body is a 400. */
    public JsonNode json() {
        if (json == null) {
            if (body.length == 0) {
                throw ApiException.badRequest("The request body is empty; a JSON object is expected.");
            }
            header("Content-Type").ifPresent(type -> {
                if (!type.toLowerCase().contains("json")) {
                    throw ApiException.unsupportedMediaType(
                            "Content-Type " + type + " is not supported; send application/json.");
                }
            });
            try {
                json = Json.mapper().readTree(body);
            } catch (JacksonException e) {
                throw ApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
            }
            if (json == null || json.isMissingNode()) {
                throw ApiException.badRequest("The request body is empty; a JSON object is expected.");
            }
        }
        return json;
    }

    /** Who is calling; a 401 when the request carried no valid token. */
    public AuthContext auth() {
        if (auth == null) {
            throw ApiException.unauthorized("The request you have made requires authentication.");
        }
        return auth;
    }

    public Optional<AuthContext> authIfPresent() {
        return Optional.ofNullable(auth);
    }

    /** This request's id and the caller's global request id, if it sent one. */
    public RequestIds ids() {
        return ids;
    }

    /** The public URL of this service (scheme, host, port and prefix), for links. */
    public String serviceUrl() {
        return serviceUrl;
    }
}
