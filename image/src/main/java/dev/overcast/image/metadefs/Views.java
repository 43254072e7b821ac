package dev.overcast.image.metadefs;

import java.util.List;

import dev.overcast.core.json.Json;
import dev.overcast.image.images.ImageView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The catalog's rows as Glance renders them. Like Glance, unset fields are left out. */
final class Views {
    private Views() {
    }

    static final String BASE = "/v2/metadefs/namespaces/";

    /** A namespace as listed: its own fields and its resource type associations. */
    static ObjectNode namespace(Rows.Namespace ns, List<Rows.Association> associations) {
        ObjectNode out = Json.object();
        out.put("namespace", ns.name());
        putIfSet(out, "display_name", ns.displayName());
        putIfSet(out, "description", ns.description());
        out.put("visibility", ns.visibility());
        out.put("protected", ns.isProtected());
        putIfSet(out, "owner", ns.owner());
        out.put("created_at", ImageView.time(ns.createdAt()));
        out.put("updated_at", ImageView.time(ns.updatedAt()));
        if (!associations.isEmpty()) {
            ArrayNode list = out.putArray("resource_type_associations");
            associations.forEach(a -> list.add(association(a)));
        }
        out.put("schema", "/v2/schemas/metadefs/namespace");
        out.put("self", BASE + ns.name());
        return out;
    }

    static ObjectNode object(Rows.Namespace ns, Rows.MetadefObject row) {
        ObjectNode out = Json.object();
        out.put("name", row.name());
        putIfSet(out, "description", row.description());
        out.set("required", Json.parse(row.required()));
        out.set("properties", Json.parse(row.properties()));
        out.put("created_at", ImageView.time(row.createdAt()));
        out.put("updated_at", ImageView.time(row.updatedAt()));
        out.put("schema", "/v2/schemas/metadefs/object");
        out.put("self", BASE + ns.name() + "/objects/" + row.name());
        return out;
    }

    /** A property definition with its name, as shown on its own. */
    static ObjectNode property(Rows.Property row, String shownName) {
        ObjectNode out = Json.object();
        out.put("name", shownName);
        out.setAll((ObjectNode) Json.parse(row.definition()));
        return out;
    }

    /** A property definition without its name, as a value in a map keyed by name. */
    static JsonNode propertyBody(Rows.Property row) {
        return Json.parse(row.definition());
    }

    static ObjectNode tag(Rows.Tag row) {
        ObjectNode out = Json.object();
        out.put("name", row.name());
        out.put("created_at", ImageView.time(row.createdAt()));
        out.put("updated_at", ImageView.time(row.updatedAt()));
        return out;
    }

    static ObjectNode resourceType(Rows.ResourceType row) {
        ObjectNode out = Json.object();
        out.put("name", row.name());
        out.put("created_at", ImageView.time(row.createdAt()));
        out.put("updated_at", ImageView.time(row.updatedAt()));
        return out;
    }

    static ObjectNode association(Rows.Association row) {
        ObjectNode out = Json.object();
        out.put("name", row.resourceType());
        putIfSet(out, "prefix", row.prefix());
        putIfSet(out, "properties_target", row.propertiesTarget());
        out.put("created_at", ImageView.time(row.createdAt()));
        out.put("updated_at", ImageView.time(row.updatedAt()));
        return out;
    }

    private static void putIfSet(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }

    /** A string field of a request body, or null when absent or JSON null. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
