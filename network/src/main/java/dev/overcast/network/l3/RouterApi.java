package dev.overcast.network.l3;

import java.util.List;
import java.util.Set;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.Transactions;
import dev.overcast.network.api.Fields;
import dev.overcast.network.api.NeutronListing;
import dev.overcast.network.api.ResourceBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v2.0/routers}: CRUD and the interface actions. */
final class RouterApi {
    private static final Set<String> ATTRIBUTES = Set.of("id", "name", "description", "project_id", "tenant_id",
            "admin_state_up", "status", "distributed", "ha", "flavor_id", "created_at", "updated_at",
            "revision_number", "external_gateway_info", "availability_zone_hints", "availability_zones", "routes",
            "tags");

    private final L3Context l3;
    private final Routers routers;
    private final RouterInterfaces interfaces;
    private final NeutronListing listing;

    RouterApi(L3Context l3) {
        this.l3 = l3;
        this.routers = new Routers(l3);
        this.interfaces = new RouterInterfaces(l3);
        this.listing = NeutronListing.builder("routers", ATTRIBUTES, l3.network().settings().maxLimit())
                .filter("external_gateway_info:network_id", (item, values) ->
                        values.contains(item.path("external_gateway_info").path("network_id").asString("")))
                .build();
    }

    void routes(Routes r) {
        r.get("/v2.0/routers", this::list)
                .post("/v2.0/routers", this::create)
                .get("/v2.0/routers/{id}", this::show)
                .put("/v2.0/routers/{id}", this::update)
                .delete("/v2.0/routers/{id}", this::delete)
                .put("/v2.0/routers/{id}/add_router_interface", this::addInterface)
                .put("/v2.0/routers/{id}/remove_router_interface", this::removeInterface)
                .put("/v2.0/routers/{id}/add_extraroutes", req -> changeRoutes(req, true))
                .put("/v2.0/routers/{id}/remove_extraroutes", req -> changeRoutes(req, false));
    }

    private Response list(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        List<ObjectNode> items = l3.network().jdbi().inTransaction(h -> {
            RouterStore store = h.attach(RouterStore.class);
            List<RouterRow> rows = caller.admin() ? store.all() : store.ofProject(caller.projectId());
            return rows.stream()
                    .filter(row -> l3.network().allowed(caller.auth(), "get_router", Caller.target(row.projectId())))
                    .map(row -> RouterView.render(h, l3.ports(), row)).toList();
        });
        return Response.ok(listing.render(req, items));
    }

    private Response show(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        String id = req.param("id");
        ObjectNode view = l3.network().jdbi().inTransaction(h -> {
            RouterRow row = routers.visible(h, caller, id);
            if (!l3.network().allowed(caller.auth(), "get_router", Caller.target(row.projectId()))) {
                throw L3Errors.routerNotFound(id);
            }
            return RouterView.render(h, l3.ports(), row);
        });
        return Response.ok(wrap(Fields.project(req, view)));
    }

    private Response create(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        ObjectNode body = ResourceBody.read(req, "router", Routers.CREATE_ATTRIBUTES);
        ObjectNode view = Transactions.write(l3.network().jdbi(), h ->
                RouterView.render(h, l3.ports(), routers.create(h, caller, body)));
        return Response.created(wrap(view));
    }

    private Response update(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        ObjectNode body = ResourceBody.read(req, "router", Routers.UPDATE_ATTRIBUTES);
        String id = req.param("id");
        ObjectNode view = Transactions.write(l3.network().jdbi(), h -> {
            RouterRow row = routers.locked(h, caller, id);
            return RouterView.render(h, l3.ports(), routers.update(h, caller, row, body));
        });
        return Response.ok(wrap(view));
    }

    private Response delete(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        String id = req.param("id");
        Transactions.write(l3.network().jdbi(), h -> {
            routers.delete(h, caller, routers.locked(h, caller, id));
            return null;
        });
        return Response.noContent();
    }

    private Response addInterface(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        ObjectNode body = interfaceBody(req);
        String id = req.param("id");
        ObjectNode out = Transactions.write(l3.network().jdbi(), h -> {
            RouterInterfaces.Info info = interfaces.add(h, caller, routers.locked(h, caller, id), body);
            return RouterInterfaces.render(info, RouterView.tags(h, RouterView.TAG_TYPE, id));
        });
        return Response.ok(out);
    }

    private Response removeInterface(Request req) {
        Caller caller = Caller.of(l3.network(), req);
        ObjectNode body = interfaceBody(req);
        String id = req.param("id");
        ObjectNode out = Transactions.write(l3.network().jdbi(), h -> {
            RouterInterfaces.Info info = interfaces.remove(h, caller, routers.locked(h, caller, id), body);
            return RouterInterfaces.render(info, RouterView.tags(h, RouterView.TAG_TYPE, id));
        });
        return Response.ok(out);
    }

    private Response changeRoutes(Request req, boolean add) {
        Caller caller = Caller.of(l3.network(), req);
        ObjectNode body = ResourceBody.read(req, "router", Set.of("routes"));
        if (!body.has("routes")) {
            throw L3Errors.invalid("routes", "Validation of dictionary's keys failed. Expected keys: {'routes'}");
        }
        String id = req.param("id");
        ObjectNode view = Transactions.write(l3.network().jdbi(), h -> {
            RouterRow row = routers.locked(h, caller, id);
            return RouterView.render(h, l3.ports(), routers.changeRoutes(h, caller, row, body, add));
        });
        return Response.ok(wrap(view));
    }

    private static ObjectNode interfaceBody(Request req) {
        JsonNode body = req.hasBody() ? req.json() : null;
        if (body == null || !body.isObject()) {
            throw L3Errors.badRequest("router", "Either subnet_id or port_id must be specified");
        }
        return (ObjectNode) body;
    }

    private static ObjectNode wrap(ObjectNode router) {
        ObjectNode out = Json.object();
        out.set("router", router);
        return out;
    }
}
