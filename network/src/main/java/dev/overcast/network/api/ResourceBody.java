package dev.overcast.network.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.overcast.core.http.Request;
import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the body of a create or update, {@code {"network": {...}}}, as Neutron checks it: the
 * resource's key must be there and hold an object, and every attribute must be one the
 * resource accepts ("Unrecognized attribute(s) 'foo'").
 */
public final class ResourceBody {
    private ResourceBody() {
    }

    /**
     * @param resource the singular resource name, e.g. {@code network}
     * @param allowed  the attributes a client may send for this operation
     */
    public static ObjectNode read(Request request, String resource, Set<String> allowed) {
        JsonNode body = request.hasBody() ? request.json() : null;
        if (body == null || !body.isObject() || !body.has(resource)) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Resource body required");
        }
        JsonNode item = body.get(resource);
        if (!item.isObject()) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Resource body required");
        }
        List<String> unknown = new ArrayList<>();
        item.propertyNames().forEach(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw NeutronErrors.of(400, "HTTPBadRequest",
                    "Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
        return (ObjectNode) item;
    }
}
