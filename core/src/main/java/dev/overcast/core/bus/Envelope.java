package dev.overcast.core.bus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The JSON body of every call, cast and fanout:
 * {@code {"method": "build_and_run_instance", "version": "5.1", "args": {...}, "context": {...}}}.
 * Routing (topic, server, reply queue) is the transport's business and not in here.
 *
 * @param method  the method name
 * @param version the message version
 * @param args    the args record as a JSON tree; a JSON null when there are none
 * @param context who asked; {@link RequestContext#EMPTY} when nobody did
 */
public record Envelope(String method, Version version, JsonNode args, RequestContext context) {
    public Envelope {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("an envelope needs a method");
        }
        if (version == null) {
            throw new IllegalArgumentException("an envelope needs a version");
        }
        args = args == null ? NullNode.instance : args;
        context = context == null ? RequestContext.EMPTY : context;
    }
}
