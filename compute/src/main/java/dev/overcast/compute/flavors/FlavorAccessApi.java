package dev.overcast.compute.flavors;

import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which projects may use a private flavor: {@code GET /flavors/{id}/os-flavor-access} and the
 * {@code addTenantAccess} and {@code removeTenantAccess} actions, all for admins. Giving access
 * to a public flavor is a 409 from 2.7 (before, it was stored and meant nothing).
 */
final class FlavorAccessApi {
    private static final int PUBLIC_FLAVOR_CONFLICT = 7;

    private final ComputeContext ctx;
    private final FlavorStore store;

    FlavorAccessApi(ComputeContext ctx, FlavorStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void routes(Routes r) {
        r.get("/v2.1/flavors/{flavor_id}/os-flavor-access", this::index)
                .post("/v2.1/flavors/{flavor_id}/action", this::action);
    }

    private Response index(Request req) {
        ctx.enforce(req, FlavorPolicy.ACCESS_LIST);
        Flavor f = flavor(req);
        if (f.isPublic()) {
            throw ApiException.notFound("Access list not available for public flavors.");
        }
        return Response.ok(access(f));
    }

    private Response action(Request req) {
        JsonNode body = req.json();
        if (!body.isObject() || body.size() != 1) {
            throw ApiException.badRequest("Malformed request body");
        }
        String action = body.propertyNames().iterator().next();
        return switch (action) {
            case "addTenantAccess" -> add(req, body);
            case "removeTenantAccess" -> remove(req, body);
            default -> throw ApiException.badRequest("There is no such action: " + action);
        };
    }

    private Response add(Request req, JsonNode body) {
        ctx.enforce(req, FlavorPolicy.ACCESS_ADD, Map.of());
        ctx.schemas().validateObject("flavor_add_tenant_access", body);
        String tenant = body.get("addTenantAccess").get("tenant").asString();
        Flavor f = flavor(req);
        if (f.isPublic() && req.versionAtLeast(2, PUBLIC_FLAVOR_CONFLICT)) {
            throw ApiException.conflict("Can not add access to a public flavor.");
        }
        if (!store.addAccess(f.flavorId(), tenant)) {
            throw ApiException.conflict("Flavor access already exists for flavor " + f.flavorId() + " and project "
                    + tenant + " combination.");
        }
        return Response.ok(access(f));
    }

    private Response remove(Request req, JsonNode body) {
        ctx.enforce(req, FlavorPolicy.ACCESS_REMOVE, Map.of());
        ctx.schemas().validateObject("flavor_remove_tenant_access", body);
        String tenant = body.get("removeTenantAccess").get("tenant").asString();
        Flavor f = flavor(req);
        if (!store.removeAccess(f.flavorId(), tenant)) {
            throw ApiException.notFound("Flavor access not found for " + f.flavorId() + " / " + tenant
                    + " combination.");
        }
        return Response.ok(access(f));
    }

    private Flavor flavor(Request req) {
        return store.visible(req.param("flavor_id"), req.auth().projectId(),
                ctx.allows(req, "context_is_admin", Map.of()));
    }

    private ObjectNode access(Flavor f) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("flavor_access");
        for (String project : store.projects(f.id())) {
            list.addObject().put("flavor_id", f.flavorId()).put("tenant_id", project);
        }
        return out;
    }
}
