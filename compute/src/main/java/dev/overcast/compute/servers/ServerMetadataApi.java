package dev.overcast.compute.servers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.VmState;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import tools.jackson.databind.JsonNode;

/** {@code /servers/{id}/metadata}: a server's key/value metadata. */
final class ServerMetadataApi {
    private static final Set<VmState> WRITABLE = Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED,
            VmState.STOPPED);

    private final ComputeContext ctx;
    private final ServerLookup lookup;

    ServerMetadataApi(ComputeContext ctx, ServerLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    void routes(Routes r) {
        r.get("/v2.1/servers/{id}/metadata", req -> Response.ok(Map.of("metadata",
                read(req, "index").metadata())));
        r.post("/v2.1/servers/{id}/metadata", req -> write(req, "create", false));
        r.put("/v2.1/servers/{id}/metadata", req -> write(req, "update_all", true));
        r.get("/v2.1/servers/{id}/metadata/{key}", req -> {
            String key = req.param("key");
            String value = read(req, "show").metadata().get(key);
            if (value == null) {
                throw ApiException.notFound("Metadata item was not found");
            }
            return Response.ok(Map.of("meta", Map.of(key, value)));
        });
        r.put("/v2.1/servers/{id}/metadata/{key}", this::putItem);
        r.delete("/v2.1/servers/{id}/metadata/{key}", req -> {
            ServerRecord s = writable(req, "delete");
            if (!store(s).deleteMetadata(s.uuid(), req.param("key"))) {
                throw ApiException.notFound("Metadata item was not found");
            }
            return Response.noContent();
        });
    }

    private ServerRecord read(Request req, String op) {
        ServerRecord s = lookup.require(req, req.param("id"));
        ctx.enforce(req, "os_compute_api:server-metadata:" + op, Map.of("project_id", s.instance().projectId()));
        return s;
    }

    private ServerRecord writable(Request req, String op) {
        ServerRecord s = read(req, op);
        if (s.cell() == null || !WRITABLE.contains(s.instance().state().vm()) || s.instance().state().task() != null) {
            throw new ApiException(409, "Cannot 'update metadata' instance " + s.uuid() + " while it is in "
                    + (s.instance().state().task() != null ? "task_state " + s.instance().state().task().value()
                    : "vm_state " + s.instance().state().vm().value()));
        }
        return s;
    }

    private InstanceStore store(ServerRecord s) {
        return new InstanceStore(ctx.cells().db(s.cell()));
    }

    private Response write(Request req, String op, boolean replace) {
        Map<String, String> values = items(req.json(), "metadata");
        ServerRecord s = writable(req, op);
        Map<String, String> after = new LinkedHashMap<>(replace ? Map.of() : s.metadata());
        after.putAll(values);
        MetadataRules.checkCount(after.size());
        store(s).putMetadata(s.uuid(), values, replace);
        return Response.ok(Map.of("metadata", store(s).metadata(s.uuid())));
    }

    private Response putItem(Request req) {
        String key = req.param("key");
        Map<String, String> values = items(req.json(), "meta");
        if (values.size() > 1) {
            throw ApiException.badRequest("Request body contains too many items");
        }
        if (!values.containsKey(key)) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        ServerRecord s = writable(req, "update");
        Map<String, String> after = new LinkedHashMap<>(s.metadata());
        after.putAll(values);
        MetadataRules.checkCount(after.size());
        store(s).putMetadata(s.uuid(), values, false);
        return Response.ok(Map.of("meta", values));
    }


    private static Map<String, String> items(JsonNode body, String wrapper) {
        JsonNode m = body.get(wrapper);
        if (m == null || !m.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute " + wrapper + ". '" + wrapper
                    + "' is a required property");
        }
        if (wrapper.equals("meta") && m.isEmpty()) {
            throw ApiException.badRequest("Invalid input for field/attribute meta. Value: {}. {} does not have "
                    + "enough properties");
        }
        return MetadataRules.read(wrapper, m);
    }
}
