package dev.overcast.network.api;

import java.util.List;

import dev.overcast.core.http.Request;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Neutron's {@code fields=} on a list or a show: only the named attributes come back. */
public final class Fields {
    private Fields() {
    }

    /** {@code item} reduced to the request's {@code fields}, or whole when it names none. */
    public static ObjectNode project(Request request, ObjectNode item) {
        return project(item, request.queryParams().get("fields"));
    }

    static ObjectNode project(ObjectNode item, List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return item;
        }
        ObjectNode out = Json.object();
        for (String field : fields) {
            if (item.has(field)) {
                out.set(field, item.get(field));
            }
        }
        return out;
    }
}
