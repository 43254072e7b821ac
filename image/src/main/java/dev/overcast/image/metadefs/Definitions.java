package dev.overcast.image.metadefs;

import java.time.Instant;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adding definitions to a namespace, shared by the namespace's own create (which may carry
 * all of them) and the per-kind APIs: rows built from validated bodies, and a 409 for a name
 * the namespace already holds.
 */
final class Definitions {
    private Definitions() {
    }

    static Rows.MetadefObject object(Rows.Namespace ns, JsonNode body, Instant now) {
        JsonNode required = body.get("required");
        JsonNode properties = body.get("properties");
        return new Rows.MetadefObject(ns.id(), Views.text(body, "name"), Views.text(body, "description"),
                Json.write(required == null || required.isNull() ? Json.array() : required),
                Json.write(properties == null || properties.isNull() ? Json.object() : properties), now, now);
    }

    /** A property row from its definition; the name is the row's key, not part of the definition. */
    static Rows.Property property(Rows.Namespace ns, String name, JsonNode definition, Instant now) {
        ObjectNode stored = ((ObjectNode) definition).deepCopy();
        stored.remove("name");
        return new Rows.Property(ns.id(), name, Json.write(stored), now, now);
    }

    static void add(MetadefStore store, Rows.Namespace ns, Rows.MetadefObject row) {
        if (store.object(ns.id(), row.name()).isPresent()) {
            throw objectExists(ns, row.name());
        }
        store.insert(row);
    }

    static void add(MetadefStore store, Rows.Namespace ns, Rows.Property row) {
        if (store.property(ns.id(), row.name()).isPresent()) {
            throw propertyExists(ns, row.name());
        }
        store.insert(row);
    }

    static void add(MetadefStore store, Rows.Namespace ns, Rows.Tag row) {
        if (store.tag(ns.id(), row.name()).isPresent()) {
            throw tagExists(ns, row.name());
        }
        store.insert(row);
    }

    /** Associates a resource type, registering the type first if the catalog has not seen it. */
    static Rows.Association associate(MetadefStore store, Rows.Namespace ns, JsonNode body, Instant now) {
        String type = Views.text(body, "name");
        if (store.resourceType(type).isEmpty()) {
            store.insert(new Rows.ResourceType(type, false, now, now));
        }
        if (store.association(ns.id(), type).isPresent()) {
            throw ApiException.conflict("The metadata definition resource-type association of resource-type="
                    + type + " to namespace=" + ns.name() + ", already exists.");
        }
        Rows.Association row = new Rows.Association(ns.id(), type, Views.text(body, "prefix"),
                Views.text(body, "properties_target"), now, now);
        store.insert(row);
        return row;
    }

    static ApiException objectExists(Rows.Namespace ns, String name) {
        return ApiException.conflict("A metadata definition object with name=" + name
                + " already exists in namespace=" + ns.name() + ".");
    }

    static ApiException propertyExists(Rows.Namespace ns, String name) {
        return ApiException.conflict("A metadata definition property with name=" + name
                + " already exists in namespace=" + ns.name() + ".");
    }

    static ApiException tagExists(Rows.Namespace ns, String name) {
        return ApiException.conflict("A metadata tag with name=" + name
                + " already exists in namespace=" + ns.name() + ".");
    }
}
