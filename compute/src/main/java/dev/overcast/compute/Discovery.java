package dev.overcast.compute;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Version discovery: {@code GET /compute/} lists the API versions and {@code GET /compute/v2.1}
 * shows the one Overcast serves with its microversion range. The v2.0 API is not served, so
 * it is not listed.
 */
final class Discovery {
    private static final String UPDATED = "2013-07-23T11:33:21Z";

    void routes(Routes r) {
        r.publicRoute("GET", "/", req -> {
            ObjectNode out = Json.object();
            out.putArray("versions").add(version(req));
            return Response.ok(out);
        });
        r.publicRoute("GET", "/v2.1", Discovery::v21);
        r.publicRoute("GET", "/v2.1/", Discovery::v21);
    }

    private static Response v21(Request req) {
        ObjectNode out = Json.object();
        ObjectNode v = version(req);
        v.withArray("links").addObject().put("rel", "describedby").put("type", "text/html")
                .put("href", "http://docs.openstack.org/");
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=2.1");
        out.set("version", v);
        return Response.ok(out);
    }

    private static ObjectNode version(Request req) {
        ObjectNode v = Json.object();
        v.put("id", "v2.1");
        v.put("status", "CURRENT");
        v.put("version", ComputeVersions.HISTORY.max().toString());
        v.put("min_version", ComputeVersions.HISTORY.min().toString());
        v.put("updated", UPDATED);
        v.putArray("links").addObject().put("rel", "self").put("href", req.serviceUrl() + "/v2.1/");
        return v;
    }
}
