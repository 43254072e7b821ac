package dev.overcast.network.l3;

import java.util.List;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.NeutronErrors;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v2.0/auto-allocated-topology/{project_id}}: show (building on first use) and delete. */
final class AutoAllocationApi {
    private final L3Context l3;
    private final AutoAllocation allocation;

    AutoAllocationApi(L3Context l3) {
        this.l3 = l3;
        this.allocation = new AutoAllocation(l3);
    }

    void routes(Routes r) {
        r.get("/v2.0/auto-allocated-topology/{project_id}", this::show)
                .delete("/v2.0/auto-allocated-topology/{project_id}", this::delete);
    }

    private Response show(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        String project = project(caller, req.param("project_id"));
        caller.enforce("get_auto_allocated_topology", project);
        List<String> fields = req.queryParams().getOrDefault("fields", List.of());
        if (fields.contains("dry-run")) {
            l3.network().jdbi().useHandle(allocation::checkRequirements);
            return Response.ok(wrap("dry-run=pass", project));
        }
        if (!fields.isEmpty()) {
            throw L3Errors.badRequest("auto_allocate", "Unrecognized field");
        }
        return Response.ok(wrap(allocation.ensure(caller, project), project));
    }

    private Response delete(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        String project = project(caller, req.param("project_id"));
        caller.enforce("delete_auto_allocated_topology", project);
        allocation.delete(caller, project);
        return Response.noContent();
    }

    /** "None" means the caller's project, as clients that know no project send it; others need admin. */
    private static String project(Caller caller, String given) {
        String project = given.equals("None") ? caller.projectId() : given;
        if (project == null || (!caller.admin() && !project.equals(caller.projectId()))) {
            throw NeutronErrors.of(403, "NotAuthorized", "Not authorized.");
        }
        return project;
    }

    private static ObjectNode wrap(String id, String project) {
        ObjectNode out = Json.object();
        out.putObject("auto_allocated_topology").put("id", id).put("tenant_id", project).put("project_id", project);
        return out;
    }
}
