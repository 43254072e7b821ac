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
     * The items of a create: one under the singular key, or several under the plural one
     * (Neutron's bulk create, {@code {"ports": [{...}, {...}]}}, answered in the plural).
     *
     * @param bulk whether the client used the plural form
     */
    public record Items(List<ObjectNode> items, boolean bulk) {
    }

    /** Reads a create's body, single or bulk; each item checked as {@link #read} checks one. */
    public static Items readCreate(Request request, String resource, String collection, Set<String> allowed) {
        JsonNode body = request.hasBody() ? request.json() : null;
        if (body != null && body.isObject() && body.has(collection) && !body.has(resource)) {
            JsonNode list = body.get(collection);
            if (!list.isArray() || list.isEmpty()) {
                throw NeutronErrors.of(400, "HTTPBadRequest", "Resources required");
            }
            List<ObjectNode> items = new ArrayList<>();
            for (JsonNode item : list) {
                items.add(check(item, allowed));
            }
            return new Items(items, true);
        }
        return new Items(List.of(read(request, resource, allowed)), false);
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
        return check(body.get(resource), allowed);
    }

    private static ObjectNode check(JsonNode item, Set<String> allowed) {
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
