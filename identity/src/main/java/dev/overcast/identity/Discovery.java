package dev.overcast.identity;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Version discovery: {@code /identity} lists the versions (300), {@code /identity/v3} describes v3. */
final class Discovery {
    static final String VERSION = "v3.14";
    static final String UPDATED = "2020-04-07T00:00:00Z";

    void routes(Routes r) {
        r.publicRoute("GET", "/", this::versions)
                .publicRoute("GET", "/v3", this::v3);
    }

    private Response versions(Request req) {
        ObjectNode out = Json.object();
        out.putObject("versions").putArray("values").add(v3Document(req));
        return Response.status(300, out).header("Location", req.serviceUrl() + "/v3/");
    }

    private Response v3(Request req) {
        ObjectNode out = Json.object();
        out.set("version", v3Document(req));
        return Response.ok(out);
    }

    private static ObjectNode v3Document(Request req) {
        ObjectNode v = Json.object();
        v.put("id", VERSION);
        v.put("status", "stable");
        v.put("updated", UPDATED);
        v.putArray("links").addObject().put("rel", "self").put("href", req.serviceUrl() + "/v3/");
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.identity-v3+json");
        return v;
    }
}
