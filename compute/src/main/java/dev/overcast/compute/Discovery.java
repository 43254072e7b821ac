package dev.overcast.compute;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Version discovery: {@code GET /compute/} lists the API versions, v2.0 first as Nova does, and
 * {@code GET /compute/v2.1} and {@code /compute/v2} show each. v2.0 is Nova's v2.0 compatible
 * mode: the v2.1 API at its oldest microversion, without microversion headers, ignoring body
 * attributes it does not know ({@link ComputeService#olderApi()}).
 */
final class Discovery {
    private static final String UPDATED = "2013-07-23T11:33:21Z";
    private static final String UPDATED_V20 = "2011-01-21T11:33:21Z";

    void routes(Routes r) {
        r.publicRoute("GET", "/", req -> {
            ObjectNode out = Json.object();
            out.putArray("versions").add(v20(req)).add(v21(req));
            return Response.ok(out);
        });
        r.publicRoute("GET", "/v2.1", req -> one(v21(req), "2.1"));
        r.publicRoute("GET", "/v2.1/", req -> one(v21(req), "2.1"));
        r.publicRoute("GET", "/v2", req -> one(v20(req), "2"));
        r.publicRoute("GET", "/v2/", req -> one(v20(req), "2"));
    }

    private static Response one(ObjectNode v, String mediaVersion) {
        v.withArray("links").addObject().put("rel", "describedby").put("type", "text/html")
                .put("href", "http://docs.openstack.org/");
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=" + mediaVersion);
        ObjectNode out = Json.object();
        out.set("version", v);
        return Response.ok(out);
    }

    private static ObjectNode v21(Request req) {
        return version(req, "v2.1", "CURRENT", ComputeVersions.HISTORY.max().toString(),
                ComputeVersions.HISTORY.min().toString(), UPDATED);
    }

    private static ObjectNode v20(Request req) {
        return version(req, "v2.0", "SUPPORTED", "", "", UPDATED_V20);
    }

    private static ObjectNode version(Request req, String id, String status, String max, String min,
                                      String updated) {
        ObjectNode v = Json.object();
        v.put("id", id);
        v.put("status", status);
        v.put("version", max);
        v.put("min_version", min);
        v.put("updated", updated);
        String path = id.equals("v2.0") ? "/v2/" : "/v2.1/";
        v.putArray("links").addObject().put("rel", "self").put("href", req.serviceUrl() + path);
        return v;
    }
}
