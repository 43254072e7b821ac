package dev.overcast.compute.flavors;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.flavors.FlavorStore.FlavorRow;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.core.listing.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flavor APIs: {@code /flavors} (list, details, show; create, describe and delete for
 * admins), their extra specs and their access lists.
 */
public final class FlavorApi {
    private final ComputeContext ctx;
    private final FlavorStore store;

    public FlavorApi(ComputeContext ctx) {
        this.ctx = ctx;
        this.store = new FlavorStore(ctx);
    }

    public void routes(Routes r) {
        r.get("/v2.1/flavors", this::index)
                .get("/v2.1/flavors/detail", this::detail)
                .post("/v2.1/flavors", this::create)
                .get("/v2.1/flavors/{flavor_id}", this::show)
                .put("/v2.1/flavors/{flavor_id}", this::update)
                .delete("/v2.1/flavors/{flavor_id}", this::delete);
        new FlavorExtraSpecsApi(ctx, store).routes(r);
        new FlavorAccessApi(ctx, store).routes(r);
    }

    private Response index(Request req) {
        Page<FlavorRow> page = list(req);
        return Response.ok(listBody(req, page, page.items().stream().map(row -> FlavorViews.basic(req,
                row.flavor())).toList(), "/v2.1/flavors"));
    }

    private Response detail(Request req) {
        Page<FlavorRow> page = list(req);
        boolean specs = mayReadExtraSpecs(req);
        return Response.ok(listBody(req, page, page.items().stream().map(row -> FlavorViews.show(req, row.flavor(),
                specs)).toList(), "/v2.1/flavors/detail"));
    }

    private Page<FlavorRow> list(Request req) {
        boolean admin = isAdmin(req);
        FlavorQuery query = FlavorQuery.parse(req, admin);
        String project = req.auth().projectId();
        List<FlavorRow> all = store.all();
        Set<Long> accessible = store.accessibleIds(project);
        var order = query.order();
        List<FlavorRow> rows = all.stream().filter(r -> query.matches(r, accessible)).sorted(order).toList();
        if (query.marker() != null) {
            // The marker may be any flavor the caller can see, even one the filters leave out.
            FlavorRow marker = all.stream()
                    .filter(r -> r.flavor().flavorId().equals(query.marker()))
                    .filter(r -> admin || r.flavor().isPublic() || accessible.contains(r.flavor().id()))
                    .findFirst()
                    .orElseThrow(() -> ApiException.badRequest("marker [" + query.marker() + "] not found"));
            rows = rows.stream().filter(r -> order.compare(r, marker) > 0).toList();
        }
        return Page.of(rows.subList(0, Math.min(rows.size(), query.limit() + 1)), query.limit(),
                r -> r.flavor().flavorId());
    }

    private static ObjectNode listBody(Request req, Page<FlavorRow> page, List<ObjectNode> items, String path) {
        ObjectNode out = Json.object();
        ArrayNode flavors = out.putArray("flavors");
        items.forEach(flavors::add);
        var links = page.links(req.serviceUrl() + path, req.queryParams());
        if (!links.isEmpty()) {
            out.set("flavors_links", Json.tree(links));
        }
        return out;
    }

    private Response show(Request req) {
        Flavor f = store.visible(req.param("flavor_id"), req.auth().projectId(), isAdmin(req));
        return Response.ok(FlavorViews.wrapped(FlavorViews.show(req, f, mayReadExtraSpecs(req))));
    }

    private Response create(Request req) {
        ctx.enforce(req, FlavorPolicy.CREATE, Map.of());
        boolean described = req.versionAtLeast(2, FlavorViews.DESCRIPTION);
        JsonNode body = ctx.schemas().validateObject(described ? "flavor_create_v2_55" : "flavor_create_v2_1",
                req.json());
        Flavor f = store.create(FlavorInput.create(body.get("flavor"), described));
        // A new flavor has no extra specs; from 2.61 it shows them as {} like the other views.
        return Response.ok(FlavorViews.wrapped(FlavorViews.show(req, f, mayReadExtraSpecs(req))));
    }

    private Response update(Request req) {
        if (!req.versionAtLeast(2, FlavorViews.DESCRIPTION)) {
            // Nova answers a method its microversion does not have as an unknown resource.
            throw ApiException.notFound("The resource could not be found.");
        }
        ctx.enforce(req, FlavorPolicy.UPDATE, Map.of());
        String flavorId = req.param("flavor_id");
        JsonNode body = ctx.schemas().validateObject("flavor_update_v2_55", req.json());
        JsonNode description = body.get("flavor").get("description");
        String text = description.isNull() ? null : description.asString();
        if (text != null) {
            FlavorInput.requireDescription(text);
        }
        store.setDescription(flavorId, text);
        Flavor f = store.find(flavorId).orElseThrow(() -> FlavorStore.notFound(flavorId));
        return Response.ok(FlavorViews.wrapped(FlavorViews.show(req, f, mayReadExtraSpecs(req))));
    }

    private Response delete(Request req) {
        ctx.enforce(req, FlavorPolicy.DELETE, Map.of());
        String flavorId = req.param("flavor_id");
        if (!store.delete(flavorId)) {
            throw FlavorStore.notFound(flavorId);
        }
        return Response.accepted(null);
    }

    private boolean isAdmin(Request req) {
        return ctx.allows(req, "context_is_admin", Map.of());
    }

    /** From 2.61 flavor views carry extra specs when the caller may list them. */
    private boolean mayReadExtraSpecs(Request req) {
        return req.versionAtLeast(2, FlavorViews.EXTRA_SPECS)
                && ctx.allows(req, FlavorPolicy.SPECS_INDEX, FlavorExtraSpecsApi.target(req));
    }
}
