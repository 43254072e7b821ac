package dev.overcast.compute.servers;

import java.util.ArrayList;
import java.util.List;
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

/** {@code /servers/{id}/tags} (2.26): a server's tags. */
final class ServerTagApi {
    private static final Set<VmState> WRITABLE = Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED,
            VmState.STOPPED, VmState.SHELVED, VmState.SHELVED_OFFLOADED, VmState.ERROR);

    private final ComputeContext ctx;
    private final ServerLookup lookup;

    ServerTagApi(ComputeContext ctx, ServerLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    void routes(Routes r) {
        r.get("/v2.1/servers/{id}/tags", req -> Response.ok(Map.of("tags", read(req, "index").tags())));
        r.put("/v2.1/servers/{id}/tags", this::replace);
        r.delete("/v2.1/servers/{id}/tags", req -> {
            ServerRecord s = writable(req, "delete_all");
            store(s).replaceTags(s.uuid(), List.of());
            return Response.noContent();
        });
        r.get("/v2.1/servers/{id}/tags/{tag}", req -> {
            String tag = req.param("tag");
            if (!read(req, "show").tags().contains(tag)) {
                throw ApiException.notFound("Tag " + tag + " could not be found.");
            }
            return Response.noContent();
        });
        r.put("/v2.1/servers/{id}/tags/{tag}", this::add);
        r.delete("/v2.1/servers/{id}/tags/{tag}", req -> {
            ServerRecord s = writable(req, "delete");
            String tag = req.param("tag");
            if (!store(s).deleteTag(s.uuid(), tag)) {
                throw ApiException.notFound("Tag " + tag + " could not be found.");
            }
            return Response.noContent();
        });
    }

    private ServerRecord read(Request req, String op) {
        if (!req.versionAtLeast(2, 26)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ServerRecord s = lookup.require(req, req.param("id"));
        ctx.enforce(req, "os_compute_api:os-server-tags:" + op, Map.of("project_id", s.instance().projectId()));
        return s;
    }

    private ServerRecord writable(Request req, String op) {
        ServerRecord s = read(req, op);
        if (s.cell() == null || !WRITABLE.contains(s.instance().state().vm())) {
            throw new ApiException(409, "Cannot 'update tag' instance " + s.uuid() + " while it is in vm_state "
                    + s.instance().state().vm().value());
        }
        return s;
    }

    private InstanceStore store(ServerRecord s) {
        return new InstanceStore(ctx.cells().db(s.cell()));
    }

    private Response replace(Request req) {
        JsonNode tags = req.json().get("tags");
        if (tags == null || !tags.isArray()) {
            throw ApiException.badRequest("Invalid input for field/attribute tags. 'tags' is a required property");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode t : tags) {
            String tag = TagRules.check(t);
            if (!values.contains(tag)) {
                values.add(tag);
            }
        }
        if (values.size() > TagRules.MAX_TAGS) {
            throw ApiException.badRequest("The number of tags exceeded the per-server limit " + TagRules.MAX_TAGS);
        }
        ServerRecord s = writable(req, "update_all");
        store(s).replaceTags(s.uuid(), values);
        return Response.ok(Map.of("tags", store(s).tags(s.uuid())));
    }

    private Response add(Request req) {
        String tag = TagRules.check(req.param("tag"));
        ServerRecord s = writable(req, "update");
        if (s.tags().contains(tag)) {
            return Response.noContent();
        }
        if (s.tags().size() >= TagRules.MAX_TAGS) {
            throw ApiException.badRequest("The number of tags exceeded the per-server limit " + TagRules.MAX_TAGS);
        }
        store(s).addTag(s.uuid(), tag);
        return new Response(201, Map.of("Location", req.serviceUrl() + "/v2.1/servers/" + s.uuid() + "/tags/" + tag),
                null);
    }
}
