package dev.overcast.identity.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import dev.overcast.identity.project.ProjectApi;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OS-EP-FILTER extension: endpoint groups (a saved filter over service, region and
 * interface) and the associations of groups and single endpoints with projects.
 *
 * <p>Only the associations are kept here; a token's catalog is not yet narrowed by them
 * (Keystone narrows a project-scoped token's catalog to the associated endpoints when any
 * exist). {@link Catalog} is where that filtering would go.
 */
final class EndpointFilterApi {
    private static final String BASE = "/v3/OS-EP-FILTER";

    private final IdentityContext ctx;

    EndpointFilterApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        String group = BASE + "/endpoint_groups/{endpoint_group_id}";
        r.get(BASE + "/endpoint_groups", this::listGroups)
                .post(BASE + "/endpoint_groups", this::createGroup)
                .get(group, this::getGroup)
                .patch(group, this::updateGroup)
                .delete(group, this::deleteGroup)
                .get(group + "/projects", this::projectsOfGroup)
                .get(group + "/endpoints", this::endpointsOfGroup)
                .get(group + "/projects/{project_id}", this::getGroupProject)
                .put(group + "/projects/{project_id}", this::addGroupProject)
                .delete(group + "/projects/{project_id}", this::removeGroupProject)
                .get(BASE + "/projects/{project_id}/endpoint_groups", this::groupsOfProject)
                .get(BASE + "/projects/{project_id}/endpoints", this::endpointsOfProject)
                .get(BASE + "/projects/{project_id}/endpoints/{endpoint_id}", this::checkEndpointProject)
                .put(BASE + "/projects/{project_id}/endpoints/{endpoint_id}", this::addEndpointProject)
                .delete(BASE + "/projects/{project_id}/endpoints/{endpoint_id}", this::removeEndpointProject)
                .get(BASE + "/endpoints/{endpoint_id}/projects", this::projectsOfEndpoint);
    }

    // ---- endpoint groups ----

    private Response listGroups(Request req) {
        ctx.enforce(req, "identity:list_endpoint_groups", Map.of());
        var name = req.query("name");
        List<ObjectNode> out = new ArrayList<>();
        for (EndpointGroupRow row : ctx.jdbi().withExtension(EndpointFilterStore.class, EndpointFilterStore::groups)) {
            if (name.isEmpty() || name.get().equals(row.name())) {
                out.add(groupJson(req, row));
            }
        }
        return Response.ok(Entity.collection("endpoint_groups", out, req.serviceUrl() + BASE + "/endpoint_groups"));
    }

    private Response createGroup(Request req) {
        ctx.enforce(req, "identity:create_endpoint_group", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("endpoint_group_create", req.json()).get("endpoint_group");
        EndpointGroupRow row = new EndpointGroupRow(Ids.newId(), body.get("name").asString(),
                Entity.text(body, "description"), body.get("filters").toString());
        ctx.jdbi().useExtension(EndpointFilterStore.class, s -> s.insertGroup(row));
        return Response.created(Json.object().set("endpoint_group", groupJson(req, row)));
    }

    private Response getGroup(Request req) {
        ctx.enforce(req, "identity:get_endpoint_group", Map.of());
        return Response.ok(Json.object().set("endpoint_group", groupJson(req, group(req.param("endpoint_group_id")))));
    }

    private Response updateGroup(Request req) {
        ctx.enforce(req, "identity:update_endpoint_group", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("endpoint_group_update", req.json()).get("endpoint_group");
        EndpointGroupRow row = group(req.param("endpoint_group_id"));
        EndpointGroupRow updated = new EndpointGroupRow(row.id(),
                body.has("name") ? body.get("name").asString() : row.name(),
                body.has("description") ? Entity.text(body, "description") : row.description(),
                body.has("filters") ? body.get("filters").toString() : row.filters());
        ctx.jdbi().useExtension(EndpointFilterStore.class, s -> s.updateGroup(updated));
        return Response.ok(Json.object().set("endpoint_group", groupJson(req, updated)));
    }

    private Response deleteGroup(Request req) {
        ctx.enforce(req, "identity:delete_endpoint_group", Map.of());
        String id = req.param("endpoint_group_id");
        if (ctx.jdbi().withExtension(EndpointFilterStore.class, s -> s.deleteGroup(id)) == 0) {
            throw groupNotFound(id);
        }
        return Response.noContent();
    }

    private Response endpointsOfGroup(Request req) {
        ctx.enforce(req, "identity:list_endpoints_associated_with_endpoint_group", Map.of());
        EndpointGroupRow row = group(req.param("endpoint_group_id"));
        JsonNode filters = Json.parse(row.filters());
        List<ObjectNode> out = new ArrayList<>();
        for (EndpointRow e : ctx.jdbi().withExtension(CatalogStore.class, CatalogStore::endpoints)) {
            if (matches(filters, e)) {
                out.add(CatalogApi.endpointJson(req, e));
            }
        }
        return Response.ok(Entity.collection("endpoints", out,
                req.serviceUrl() + BASE + "/endpoint_groups/" + row.id() + "/endpoints"));
    }

    /** Whether an endpoint passes every filter of a group. */
    static boolean matches(JsonNode filters, EndpointRow e) {
        return matches(filters, "service_id", e.serviceId())
                && matches(filters, "region_id", e.regionId())
                && matches(filters, "interface", e.interfaceName());
    }

    private static boolean matches(JsonNode filters, String key, String value) {
        JsonNode wanted = filters.get(key);
        return wanted == null || wanted.isNull() || wanted.asString().equals(value);
    }

    // ---- endpoint group ↔ project ----

    private Response projectsOfGroup(Request req) {
        ctx.enforce(req, "identity:list_projects_associated_with_endpoint_group", Map.of());
        EndpointGroupRow row = group(req.param("endpoint_group_id"));
        List<String> ids = ctx.jdbi().withExtension(EndpointFilterStore.class, s -> s.projectsOfGroup(row.id()));
        return Response.ok(Entity.collection("projects", projectsJson(req, ids),
                req.serviceUrl() + BASE + "/endpoint_groups/" + row.id() + "/projects"));
    }

    private Response getGroupProject(Request req) {
        ctx.enforce(req, "identity:get_endpoint_group_in_project", Map.of());
        EndpointGroupRow row = group(req.param("endpoint_group_id"));
        ProjectRow project = project(req.param("project_id"));
        if (ctx.jdbi().withExtension(EndpointFilterStore.class, s -> s.countGroupProject(row.id(), project.id())) == 0) {
            throw ApiException.notFound("Could not find endpoint group " + row.id() + " in project " + project.id() + ".");
        }
        return Response.ok(Json.object().set("project", ProjectApi.projectJson(req, project, tags(project.id()))));
    }

    private Response addGroupProject(Request req) {
        ctx.enforce(req, "identity:add_endpoint_group_to_project", Map.of());
        EndpointGroupRow row = group(req.param("endpoint_group_id"));
        ProjectRow project = project(req.param("project_id"));
        ctx.jdbi().useTransaction(h -> {
            EndpointFilterStore store = h.attach(EndpointFilterStore.class);
            if (store.countGroupProject(row.id(), project.id()) == 0) {
                store.addGroupProject(row.id(), project.id());
            }
        });
        return Response.noContent();
    }

    private Response removeGroupProject(Request req) {
        ctx.enforce(req, "identity:remove_endpoint_group_from_project", Map.of());
        String groupId = req.param("endpoint_group_id");
        String projectId = req.param("project_id");
        if (ctx.jdbi().withExtension(EndpointFilterStore.class, s -> s.removeGroupProject(groupId, projectId)) == 0) {
            throw ApiException.notFound("Could not find endpoint group " + groupId + " in project " + projectId + ".");
        }
        return Response.noContent();
    }

    private Response groupsOfProject(Request req) {
        ctx.enforce(req, "identity:list_endpoint_groups_for_project", Map.of());
        ProjectRow project = project(req.param("project_id"));
        List<ObjectNode> out = new ArrayList<>();
        ctx.jdbi().useExtension(EndpointFilterStore.class, s -> {
            for (String id : s.groupsOfProject(project.id())) {
                s.findGroup(id).ifPresent(g -> out.add(groupJson(req, g)));
            }
        });
        return Response.ok(Entity.collection("endpoint_groups", out,
                req.serviceUrl() + BASE + "/projects/" + project.id() + "/endpoint_groups"));
    }

    // ---- endpoint ↔ project ----

    private Response endpointsOfProject(Request req) {
        ctx.enforce(req, "identity:list_endpoints_for_project", Map.of());
        ProjectRow project = project(req.param("project_id"));
        List<ObjectNode> out = new ArrayList<>();
        ctx.jdbi().useHandle(h -> {
            EndpointFilterStore filters = h.attach(EndpointFilterStore.class);
            CatalogStore catalog = h.attach(CatalogStore.class);
            for (String id : filters.endpointsOfProject(project.id())) {
                catalog.findEndpoint(id).ifPresent(e -> out.add(CatalogApi.endpointJson(req, e)));
            }
        });
        return Response.ok(Entity.collection("endpoints", out,
                req.serviceUrl() + BASE + "/projects/" + project.id() + "/endpoints"));
    }

    private Response projectsOfEndpoint(Request req) {
        ctx.enforce(req, "identity:list_projects_for_endpoint", Map.of());
        EndpointRow endpoint = endpoint(req.param("endpoint_id"));
        List<String> ids = ctx.jdbi().withExtension(EndpointFilterStore.class, s -> s.projectsOfEndpoint(endpoint.id()));
        return Response.ok(Entity.collection("projects", projectsJson(req, ids),
                req.serviceUrl() + BASE + "/endpoints/" + endpoint.id() + "/projects"));
    }

    private Response checkEndpointProject(Request req) {
        ctx.enforce(req, "identity:check_endpoint_in_project", Map.of());
        ProjectRow project = project(req.param("project_id"));
        EndpointRow endpoint = endpoint(req.param("endpoint_id"));
        if (ctx.jdbi().withExtension(EndpointFilterStore.class,
                s -> s.countEndpointProject(endpoint.id(), project.id())) == 0) {
            throw endpointNotInProject(endpoint.id(), project.id());
        }
        return Response.noContent();
    }

    private Response addEndpointProject(Request req) {
        ctx.enforce(req, "identity:add_endpoint_to_project", Map.of());
        ProjectRow project = project(req.param("project_id"));
        EndpointRow endpoint = endpoint(req.param("endpoint_id"));
        ctx.jdbi().useTransaction(h -> {
            EndpointFilterStore store = h.attach(EndpointFilterStore.class);
            if (store.countEndpointProject(endpoint.id(), project.id()) == 0) {
                store.addEndpointProject(endpoint.id(), project.id());
            }
        });
        return Response.noContent();
    }

    private Response removeEndpointProject(Request req) {
        ctx.enforce(req, "identity:remove_endpoint_from_project", Map.of());
        String projectId = req.param("project_id");
        String endpointId = req.param("endpoint_id");
        if (ctx.jdbi().withExtension(EndpointFilterStore.class,
                s -> s.removeEndpointProject(endpointId, projectId)) == 0) {
            throw endpointNotInProject(endpointId, projectId);
        }
        return Response.noContent();
    }

    // ---- helpers ----

    private EndpointGroupRow group(String id) {
        return ctx.jdbi().withExtension(EndpointFilterStore.class, s -> s.findGroup(id))
                .orElseThrow(() -> groupNotFound(id));
    }

    private ProjectRow project(String id) {
        return ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(id))
                .filter(p -> !p.isDomain())
                .orElseThrow(() -> ApiException.notFound("Could not find project: " + id + "."));
    }

    private EndpointRow endpoint(String id) {
        return ctx.jdbi().withExtension(CatalogStore.class, s -> s.findEndpoint(id))
                .orElseThrow(() -> CatalogApi.endpointNotFound(id));
    }

    private List<String> tags(String projectId) {
        return ctx.jdbi().withExtension(ProjectStore.class, s -> s.tags(projectId));
    }

    private List<ObjectNode> projectsJson(Request req, List<String> ids) {
        List<ObjectNode> out = new ArrayList<>();
        if (!ids.isEmpty()) {
            ctx.jdbi().useExtension(ProjectStore.class, s -> {
                for (ProjectRow p : s.findAll(ids)) {
                    out.add(ProjectApi.projectJson(req, p, s.tags(p.id())));
                }
            });
        }
        return out;
    }

    private static ApiException groupNotFound(String id) {
        return ApiException.notFound("Could not find endpoint group: " + id + ".");
    }

    private static ApiException endpointNotInProject(String endpointId, String projectId) {
        return ApiException.notFound("Endpoint " + endpointId + " not found in project " + projectId + ".");
    }

    private static ObjectNode groupJson(Request req, EndpointGroupRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("description", row.description() == null ? "" : row.description());
        out.set("filters", Json.parse(row.filters()));
        return Entity.self(out, req.serviceUrl() + BASE + "/endpoint_groups/" + row.id());
    }
}
