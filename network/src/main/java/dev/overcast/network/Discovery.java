package dev.overcast.network;

import java.util.List;
import java.util.Optional;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Version and extension discovery: {@code /network} lists v2.0, {@code /network/v2.0} its
 * collections and {@code /v2.0/extensions} the extensions the features declare.
 */
final class Discovery {
    /** Neutron gives every extension an updated time; clients show it but do not use it. */
    private static final String UPDATED = "2013-01-01T10:00:00-00:00";

    private final List<NetworkFeature> features;

    Discovery(List<NetworkFeature> features) {
        this.features = features;
    }

    void routes(Routes r) {
        r.publicRoute("GET", "/", req -> Response.ok(versions(req)))
                .get("/v2.0", req -> Response.ok(collections(req)))
                .get("/v2.0/extensions", req -> Response.ok(extensions()))
                .get("/v2.0/extensions/{alias}", this::extension);
    }

    private static ObjectNode versions(Request req) {
        ObjectNode out = Json.object();
        ObjectNode v = out.putArray("versions").addObject();
        v.put("id", "v2.0");
        v.put("status", "CURRENT");
        v.putArray("links").addObject().put("href", req.serviceUrl() + "/v2.0/").put("rel", "self");
        return out;
    }

    private ObjectNode collections(Request req) {
        ObjectNode out = Json.object();
        ArrayNode resources = out.putArray("resources");
        for (NetworkFeature feature : features) {
            for (NetworkFeature.Collection c : feature.collections()) {
                ObjectNode item = resources.addObject();
                item.putArray("links").addObject().put("href", req.serviceUrl() + "/v2.0/" + c.collection())
                        .put("rel", "self");
                item.put("name", c.name());
                item.put("collection", c.collection());
            }
        }
        return out;
    }

    private ObjectNode extensions() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("extensions");
        all().forEach(e -> list.add(render(e)));
        return out;
    }

    private Response extension(Request req) {
        String alias = req.param("alias");
        Optional<NetworkFeature.Extension> found = all().stream().filter(e -> e.alias().equals(alias)).findFirst();
        return found.map(e -> Response.ok(Json.object().set("extension", render(e))))
                .orElseThrow(() -> NeutronErrors.of(404, "HTTPNotFound",
                        "Extension with alias " + alias + " does not exist"));
    }

    private List<NetworkFeature.Extension> all() {
        // Standard attributes (tags, timestamps, ...) span features, and more than one may declare them.
        java.util.Map<String, NetworkFeature.Extension> byAlias = new java.util.TreeMap<>();
        features.stream().flatMap(f -> f.extensions().stream()).forEach(e -> byAlias.putIfAbsent(e.alias(), e));
        return List.copyOf(byAlias.values());
    }

    private static ObjectNode render(NetworkFeature.Extension e) {
        ObjectNode item = Json.object();
        item.put("alias", e.alias());
        item.put("name", e.name());
        item.put("description", e.description());
        item.put("updated", UPDATED);
        item.putArray("links");
        return item;
    }
}
