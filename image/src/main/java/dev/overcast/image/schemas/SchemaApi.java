package dev.overcast.image.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.image.ImageContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas Glance publishes under {@code /v2/schemas}. Clients (glanceclient,
 * openstackclient, the SDK) fetch them to validate and to tell base attributes from custom
 * properties, so they are served as Glance serves them: the image schema is permissive
 * (any other property is a string) and the collections wrap the item schemas.
 */
public final class SchemaApi {
    private final ObjectNode image = load("image");
    private final ObjectNode member = load("member");
    private final ImageContext ctx;

    public SchemaApi(ImageContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v2/schemas/image", req -> schema(req, image))
                .get("/v2/schemas/images", req -> schema(req, collection("images", image,
                        Map.of("first", "{first}", "next", "{next}"))))
                .get("/v2/schemas/member", req -> schema(req, member))
                .get("/v2/schemas/members", req -> schema(req, collection("members", member, Map.of())));
    }

    private Response schema(Request req, JsonNode schema) {
        req.auth();
        return Response.ok(schema.deepCopy());
    }

    /** Glance's {@code CollectionSchema}: an array of items, the schema link, and paging links. */
    static ObjectNode collection(String name, ObjectNode item, Map<String, String> pagingLinks) {
        ObjectNode out = Json.object();
        out.put("name", name);
        ObjectNode properties = out.putObject("properties");
        ObjectNode items = properties.putObject(name);
        items.put("type", "array");
        items.set("items", item.deepCopy());
        properties.putObject("schema").put("type", "string");
        pagingLinks.keySet().stream().sorted().forEach(rel -> properties.putObject(rel).put("type", "string"));
        ArrayNode links = out.putArray("links");
        if (pagingLinks.containsKey("first")) {
            links.addObject().put("rel", "first").put("href", pagingLinks.get("first"));
            links.addObject().put("rel", "next").put("href", pagingLinks.get("next"));
        }
        links.addObject().put("rel", "describedby").put("href", "{schema}");
        return out;
    }

    private static ObjectNode load(String name) {
        String path = "/schemas/image/published/" + name + ".json";
        try (InputStream in = SchemaApi.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema resource " + path);
            }
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
