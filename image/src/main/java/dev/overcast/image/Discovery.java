package dev.overcast.image;

import java.util.List;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Version discovery: {@code /image} (300) and {@code /image/versions} (200) list the v2 versions. */
final class Discovery {
    /** Glance's v2 minor versions, newest first; the newest is CURRENT, the rest SUPPORTED. */
    static final List<String> VERSIONS = List.of("v2.16", "v2.15", "v2.14", "v2.13", "v2.12", "v2.11", "v2.10",
            "v2.9", "v2.8", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0");

    void routes(Routes r) {
        r.publicRoute("GET", "/", req -> Response.status(300, versions(req)))
                .publicRoute("GET", "/versions", req -> Response.ok(versions(req)));
    }

    private static ObjectNode versions(Request req) {
        ObjectNode out = Json.object();
        ArrayNode values = out.putArray("versions");
        for (String version : VERSIONS) {
            ObjectNode v = values.addObject();
            v.put("id", version);
            v.put("status", version.equals(VERSIONS.getFirst()) ? "CURRENT" : "SUPPORTED");
            v.putArray("links").addObject().put("rel", "self").put("href", req.serviceUrl() + "/v2/");
        }
        return out;
    }
}
