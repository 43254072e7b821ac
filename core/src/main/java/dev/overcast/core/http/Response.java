package dev.overcast.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.core.json.Json;

/**
 * What a handler answers: a status, extra headers and an optional JSON body (any value
 * Jackson can write). Immutable; {@link #header} returns a copy.
 */
public record Response(int status, Map<String, String> headers, Object body) {

    /**
     * A body streamed from {@code in} rather than held in memory (an image download, say);
     * the host closes the stream.
     *
     * @param length the byte count for Content-Length, or -1 if unknown
     */
    public record Stream(java.io.InputStream in, long length, String contentType) {
    }

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response ok(Object body) {
        return new Response(200, Map.of(), body);
    }

    public static Response created(Object body) {
        return new Response(201, Map.of(), body);
    }

    public static Response accepted(Object body) {
        return new Response(202, Map.of(), body);
    }

    public static Response noContent() {
        return new Response(204, Map.of(), null);
    }

    public static Response status(int status, Object body) {
        return new Response(status, Map.of(), body);
    }

    public Response header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    byte[] bodyBytes() {
        if (body == null || body instanceof Stream) {
            return new byte[0];
        }
        return body instanceof byte[] raw ? raw : Json.bytes(body);
    }
}
