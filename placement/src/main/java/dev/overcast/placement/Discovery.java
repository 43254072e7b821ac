package dev.overcast.placement;

import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /placement}: the one version document, with the microversion range. */
final class Discovery {
    void routes(Routes r) {
        r.publicRoute("GET", "/", req -> {
            ObjectNode out = Json.object();
            ObjectNode v = out.putArray("versions").addObject();
            v.put("id", "v1.0");
            v.put("max_version", PlacementVersions.HISTORY.max().toString());
            v.put("min_version", PlacementVersions.HISTORY.min().toString());
            v.put("status", "CURRENT");
            v.putArray("links").addObject().put("rel", "self").put("href", "");
            return Response.ok(out);
        });
    }
}
