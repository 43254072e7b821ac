package dev.overcast.compute.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A body object's attributes the API does not take at the request's microversion: v2.1 refuses
 * them ({@code additionalProperties: false}), while Nova's v2.0 compatible mode
 * ({@link Request#lenient()}) drops them before the handler reads the body.
 */
final class UnknownAttributes {
    private UnknownAttributes() {
    }

    /**
     * Refuses the first attribute of {@code object} that {@code known} does not accept, with the
     * exception {@code refusal} makes of its name; or, for a lenient request, removes them all.
     */
    static void check(Request req, JsonNode object, Predicate<String> known, Function<String, ApiException> refusal) {
        List<String> unknown = new ArrayList<>();
        for (String field : object.propertyNames()) {
            if (!known.test(field)) {
                if (!req.lenient()) {
                    throw refusal.apply(field);
                }
                unknown.add(field);
            }
        }
        if (!unknown.isEmpty() && object instanceof ObjectNode o) {
            o.remove(unknown);
        }
    }
}
