package dev.overcast.compute.extensions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /extensions} and {@code GET /extensions/{alias}}: the records of the v2.1 API's
 * extensions, the same list Nova answers (its {@code EXTENSION_LIST}), kept as data in
 * {@code extensions.json} beside this class. Every record shares Nova's namespace, date and
 * empty links.
 */
public final class ExtensionApi {
    private static final String NAMESPACE = "http://docs.openstack.org/compute/ext/fake_xml";
    private static final String UPDATED = "2014-12-03T00:00:00Z";
    private static final List<ObjectNode> EXTENSIONS = load();

    private final ComputeContext ctx;

    public ExtensionApi(ComputeContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v2.1/extensions", this::list)
                .get("/v2.1/extensions/{alias}", this::show);
    }

    private Response list(Request req) {
        ctx.enforce(req, ExtensionPolicy.EXTENSIONS, Map.of());
        ObjectNode out = Json.object();
        var list = out.putArray("extensions");
        EXTENSIONS.forEach(e -> list.add(e.deepCopy()));
        return Response.ok(out);
    }

    private Response show(Request req) {
        ctx.enforce(req, ExtensionPolicy.EXTENSIONS, Map.of());
        String alias = req.param("alias");
        for (ObjectNode e : EXTENSIONS) {
            if (e.path("alias").asString().equals(alias)) {
                ObjectNode out = Json.object();
                out.set("extension", e.deepCopy());
                return Response.ok(out);
            }
        }
        throw ApiException.notFound("The resource could not be found.");
    }

    /** The records, from rows of alias, name and description. */
    private static List<ObjectNode> load() {
        try (InputStream in = ExtensionApi.class.getResourceAsStream("extensions.json")) {
            if (in == null) {
                throw new IllegalStateException("extensions.json is missing from the classpath");
            }
            List<ObjectNode> out = new ArrayList<>();
            for (JsonNode row : Json.mapper().readTree(in)) {
                ObjectNode e = Json.object();
                e.put("alias", row.get(0).asString());
                e.put("description", row.get(2).asString());
                e.putArray("links");
                e.put("name", row.get(1).asString());
                e.put("namespace", NAMESPACE);
                e.put("updated", UPDATED);
                out.add(e);
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
