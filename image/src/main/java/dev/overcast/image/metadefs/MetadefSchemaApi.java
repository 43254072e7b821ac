package dev.overcast.image.metadefs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The metadefs schemas under {@code /v2/schemas/metadefs}. The item schemas are the very files
 * request bodies are validated against; the collections wrap them as Glance's
 * {@code CollectionSchema} does, hoisting the item's {@code definitions} to the top so its
 * {@code $ref}s still resolve. Properties are a map, not an array, so their collection is an
 * object of definitions.
 */
final class MetadefSchemaApi {
    private static final String PATH = "/v2/schemas/metadefs/";

    void routes(Routes r) {
        ObjectNode namespace = load("namespace");
        ObjectNode object = load("object");
        ObjectNode property = load("property");
        ObjectNode tag = load("tag");
        ObjectNode resourceType = load("resource_type");
        r.get(PATH + "namespace", req -> serve(req, namespace))
                .get(PATH + "namespaces", req -> serve(req, collection("namespaces", namespace, false)))
                .get(PATH + "object", req -> serve(req, object))
                .get(PATH + "objects", req -> serve(req, collection("objects", object, false)))
                .get(PATH + "property", req -> serve(req, property))
                .get(PATH + "properties", req -> serve(req, collection("properties", property, true)))
                .get(PATH + "tag", req -> serve(req, tag))
                .get(PATH + "tags", req -> serve(req, collection("tags", tag, false)))
                .get(PATH + "resource_type", req -> serve(req, resourceType))
                .get(PATH + "resource_types", req -> serve(req,
                        collection("resource_type_associations", resourceType, false)));
    }

    private static Response serve(Request req, JsonNode schema) {
        req.auth();
        return Response.ok(schema.deepCopy());
    }

    static ObjectNode collection(String name, ObjectNode item, boolean keyedByName) {
        ObjectNode itemSchema = item.deepCopy();
        JsonNode definitions = itemSchema.remove("definitions");
        ObjectNode out = Json.object();
        out.put("name", name);
        ObjectNode properties = out.putObject("properties");
        ObjectNode items = properties.putObject(name);
        if (keyedByName) {
            items.put("type", "object");
            items.set("additionalProperties", itemSchema);
        } else {
            items.put("type", "array");
            items.set("items", itemSchema);
        }
        properties.putObject("first").put("type", "string");
        properties.putObject("next").put("type", "string");
        properties.putObject("schema").put("type", "string");
        var links = out.putArray("links");
        links.addObject().put("rel", "first").put("href", "{first}");
        links.addObject().put("rel", "next").put("href", "{next}");
        links.addObject().put("rel", "describedby").put("href", "{schema}");
        if (definitions != null) {
            out.set("definitions", definitions);
        }
        return out;
    }

    private static ObjectNode load(String name) {
        String path = "/schemas/image/published/metadefs-" + name + ".json";
        try (InputStream in = MetadefSchemaApi.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema resource " + path);
            }
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
