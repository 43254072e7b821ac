package dev.overcast.identity.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import tools.jackson.databind.node.ObjectNode;

/**
 * Regions, services and endpoints, as Keystone serves them. Where Keystone's answers
 * surprise, this follows Keystone: an endpoint naming a region by the legacy {@code region}
 * attribute creates that region if it is missing, while one naming a missing service or
 * {@code region_id} is a 400; deleting a region deletes its child regions too, unless it or
 * one of them still has endpoints (a 403). The OS-EP-FILTER extension is in
 * {@link EndpointFilterApi}.
 */
public final class CatalogApi {
    private static final Set<String> REGION_FIELDS = Set.of("id", "description", "parent_region_id", "links");
    private static final Set<String> SERVICE_FIELDS = Set.of("id", "type", "enabled", "links");
    private static final Set<String> ENDPOINT_FIELDS = Set.of("id", "service_id", "interface", "url",
            "region_id", "region", "enabled", "links");

    private final IdentityContext ctx;

    public CatalogApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v3/regions", this::listRegions)
                .post("/v3/regions", this::createRegion)
                .get("/v3/regions/{region_id}", this::getRegion)
                .put("/v3/regions/{region_id}", this::putRegion)
                .patch("/v3/regions/{region_id}", this::updateRegion)
                .delete("/v3/regions/{region_id}", this::deleteRegion)
                .get("/v3/services", this::listServices)
                .post("/v3/services", this::createService)
                .get("/v3/services/{service_id}", this::getService)
                .patch("/v3/services/{service_id}", this::updateService)
                .delete("/v3/services/{service_id}", this::deleteService)
                .get("/v3/endpoints", this::listEndpoints)
                .post("/v3/endpoints", this::createEndpoint)
                .get("/v3/endpoints/{endpoint_id}", this::getEndpoint)
                .patch("/v3/endpoints/{endpoint_id}", this::updateEndpoint)
                .delete("/v3/endpoints/{endpoint_id}", this::deleteEndpoint);
        new EndpointFilterApi(ctx).routes(r);
    }

    // ---- regions ----

    private Response listRegions(Request req) {
        ctx.enforce(req, "identity:list_regions", Map.of());
        Optional<String> parent = req.query("parent_region_id");
        List<ObjectNode> out = new ArrayList<>();
        for (RegionRow row : store(CatalogStore::regions)) {
            if (parent.isEmpty() || parent.get().equals(row.parentRegionId())) {
                out.add(regionJson(req, row));
            }
        }
        return Response.ok(Entity.collection("regions", out, req.serviceUrl() + "/v3/regions"));
    }

    private Response createRegion(Request req) {
        ctx.enforce(req, "identity:create_region", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("region_create", req.json()).get("region");
        String id = Entity.text(body, "id");
        return insertRegion(req, id == null || id.isEmpty() ? Ids.newId() : id, body);
    }

    private Response putRegion(Request req) {
        ctx.enforce(req, "identity:create_region", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("region_create", req.json()).get("region");
        String id = req.param("region_id");
        String given = Entity.text(body, "id");
        if (given != null && !given.equals(id)) {
            throw ApiException.badRequest("The region id in the body (" + given + ") must match the URL (" + id + ").");
        }
        return insertRegion(req, id, body);
    }

    private Response insertRegion(Request req, String id, ObjectNode body) {
        RegionRow row = new RegionRow(id, Entity.text(body, "description"), Entity.text(body, "parent_region_id"),
                Entity.extra(body, REGION_FIELDS));
        ctx.jdbi().useTransaction(h -> {
            CatalogStore store = h.attach(CatalogStore.class);
            if (store.findRegion(id).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store region - Duplicate ID, " + id + ".");
            }
            checkParent(store, id, row.parentRegionId());
            store.insertRegion(row);
        });
        return Response.created(Json.object().set("region", regionJson(req, row)));
    }

    private Response getRegion(Request req) {
        ctx.enforce(req, "identity:get_region", Map.of());
        return Response.ok(Json.object().set("region", regionJson(req, region(req.param("region_id")))));
    }

    private Response updateRegion(Request req) {
        ctx.enforce(req, "identity:update_region", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("region_update", req.json()).get("region");
        String id = req.param("region_id");
        String given = Entity.text(body, "id");
        if (given != null && !given.equals(id)) {
            throw ApiException.badRequest("The id of a region cannot be updated.");
        }
        RegionRow updated = ctx.jdbi().inTransaction(h -> {
            CatalogStore store = h.attach(CatalogStore.class);
            RegionRow row = store.findRegion(id).orElseThrow(() -> regionNotFound(id));
            RegionRow next = new RegionRow(id,
                    body.has("description") ? Entity.text(body, "description") : row.description(),
                    body.has("parent_region_id") ? Entity.text(body, "parent_region_id") : row.parentRegionId(),
                    Entity.mergeExtra(row.extra(), body, REGION_FIELDS));
            checkParent(store, id, next.parentRegionId());
            store.updateRegion(next);
            return next;
        });
        return Response.ok(Json.object().set("region", regionJson(req, updated)));
    }

    private Response deleteRegion(Request req) {
        ctx.enforce(req, "identity:delete_region", Map.of());
        String id = req.param("region_id");
        ctx.jdbi().useTransaction(h -> {
            CatalogStore store = h.attach(CatalogStore.class);
            store.findRegion(id).orElseThrow(() -> regionNotFound(id));
            Set<String> subtree = subtree(store.regions(), id);
            if (store.endpoints().stream().anyMatch(e -> subtree.contains(e.regionId()))) {
                throw ApiException.forbidden("Unable to delete region " + id
                        + " because it or its child regions have associated endpoints.");
            }
            subtree.forEach(store::deleteRegion);
        });
        return Response.noContent();
    }

    /** A missing parent is a 404 and a parent that is the region itself or below it a 400, as in Keystone. */
    private static void checkParent(CatalogStore store, String id, String parentId) {
        if (parentId == null) {
            return;
        }
        store.findRegion(parentId).orElseThrow(() -> regionNotFound(parentId));
        if (subtree(store.regions(), id).contains(parentId)) {
            throw ApiException.badRequest("The specified parent region " + parentId
                    + " would create a circular region hierarchy.");
        }
    }

    /** The region and all regions below it. */
    private static Set<String> subtree(List<RegionRow> regions, String id) {
        Set<String> out = new HashSet<>(Set.of(id));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (RegionRow r : regions) {
                if (r.parentRegionId() != null && out.contains(r.parentRegionId()) && out.add(r.id())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    private RegionRow region(String id) {
        return ctx.jdbi().withExtension(CatalogStore.class, s -> s.findRegion(id)).orElseThrow(() -> regionNotFound(id));
    }

    private static ApiException regionNotFound(String id) {
        return ApiException.notFound("Could not find region: " + id + ".");
    }

    private static ObjectNode regionJson(Request req, RegionRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("description", row.description() == null ? "" : row.description());
        out.put("parent_region_id", row.parentRegionId());
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/regions/" + row.id());
    }

    // ---- services ----

    private Response listServices(Request req) {
        ctx.enforce(req, "identity:list_services", Map.of());
        Optional<String> type = req.query("type");
        Optional<String> name = req.query("name");
        List<ObjectNode> out = new ArrayList<>();
        for (ServiceRow row : store(CatalogStore::services)) {
            ObjectNode json = serviceJson(req, row);
            if ((type.isEmpty() || type.get().equals(row.type()))
                    && (name.isEmpty() || name.get().equals(json.path("name").asString(null)))) {
                out.add(json);
            }
        }
        return Response.ok(Entity.collection("services", out, req.serviceUrl() + "/v3/services"));
    }

    private Response createService(Request req) {
        ctx.enforce(req, "identity:create_service", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("service_create", req.json()).get("service");
        ServiceRow row = new ServiceRow(Ids.newId(), body.get("type").asString(), Entity.bool(body, "enabled", true),
                Entity.extra(body, SERVICE_FIELDS));
        ctx.jdbi().useExtension(CatalogStore.class, s -> s.insertService(row));
        return Response.created(Json.object().set("service", serviceJson(req, row)));
    }

    private Response getService(Request req) {
        ctx.enforce(req, "identity:get_service", Map.of());
        return Response.ok(Json.object().set("service", serviceJson(req, service(req.param("service_id")))));
    }

    private Response updateService(Request req) {
        ctx.enforce(req, "identity:update_service", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("service_update", req.json()).get("service");
        ServiceRow row = service(req.param("service_id"));
        String given = Entity.text(body, "id");
        if (given != null && !given.equals(row.id())) {
            throw ApiException.badRequest("The id of a service cannot be updated.");
        }
        ServiceRow updated = new ServiceRow(row.id(), body.has("type") ? body.get("type").asString() : row.type(),
                Entity.bool(body, "enabled", row.enabled()), Entity.mergeExtra(row.extra(), body, SERVICE_FIELDS));
        ctx.jdbi().useExtension(CatalogStore.class, s -> s.updateService(updated));
        return Response.ok(Json.object().set("service", serviceJson(req, updated)));
    }

    /** Deleting a service deletes its endpoints (the table cascades), as Keystone does. */
    private Response deleteService(Request req) {
        ctx.enforce(req, "identity:delete_service", Map.of());
        String id = req.param("service_id");
        if (ctx.jdbi().withExtension(CatalogStore.class, s -> s.deleteService(id)) == 0) {
            throw serviceNotFound(id);
        }
        return Response.noContent();
    }

    private ServiceRow service(String id) {
        return ctx.jdbi().withExtension(CatalogStore.class, s -> s.findService(id)).orElseThrow(() -> serviceNotFound(id));
    }

    private static ApiException serviceNotFound(String id) {
        return ApiException.notFound("Could not find service: " + id + ".");
    }

    private static ObjectNode serviceJson(Request req, ServiceRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("type", row.type());
        out.put("enabled", row.enabled());
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/services/" + row.id());
    }

    // ---- endpoints ----

    private Response listEndpoints(Request req) {
        ctx.enforce(req, "identity:list_endpoints", Map.of());
        Optional<String> iface = req.query("interface");
        Optional<String> serviceId = req.query("service_id");
        Optional<String> regionId = req.query("region_id");
        List<ObjectNode> out = new ArrayList<>();
        for (EndpointRow row : store(CatalogStore::endpoints)) {
            if ((iface.isEmpty() || iface.get().equals(row.interfaceName()))
                    && (serviceId.isEmpty() || serviceId.get().equals(row.serviceId()))
                    && (regionId.isEmpty() || regionId.get().equals(row.regionId()))) {
                out.add(endpointJson(req, row));
            }
        }
        return Response.ok(Entity.collection("endpoints", out, req.serviceUrl() + "/v3/endpoints"));
    }

    private Response createEndpoint(Request req) {
        ctx.enforce(req, "identity:create_endpoint", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("endpoint_create", req.json()).get("endpoint");
        EndpointRow created = ctx.jdbi().inTransaction(h -> {
            EndpointRow row = new EndpointRow(Ids.newId(), body.get("service_id").asString(),
                    body.get("interface").asString(), body.get("url").asString(), resolveRegion(h, body, null),
                    Entity.bool(body, "enabled", true), Entity.extra(body, ENDPOINT_FIELDS));
            CatalogStore store = h.attach(CatalogStore.class);
            requireService(store, row.serviceId());
            store.insertEndpoint(row);
            return row;
        });
        return Response.created(Json.object().set("endpoint", endpointJson(req, created)));
    }

    private Response getEndpoint(Request req) {
        ctx.enforce(req, "identity:get_endpoint", Map.of());
        return Response.ok(Json.object().set("endpoint", endpointJson(req, endpoint(req.param("endpoint_id")))));
    }

    private Response updateEndpoint(Request req) {
        ctx.enforce(req, "identity:update_endpoint", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("endpoint_update", req.json()).get("endpoint");
        String id = req.param("endpoint_id");
        String given = Entity.text(body, "id");
        if (given != null && !given.equals(id)) {
            throw ApiException.badRequest("The id of an endpoint cannot be updated.");
        }
        EndpointRow updated = ctx.jdbi().inTransaction(h -> {
            CatalogStore store = h.attach(CatalogStore.class);
            EndpointRow row = store.findEndpoint(id).orElseThrow(() -> endpointNotFound(id));
            EndpointRow next = new EndpointRow(id,
                    body.has("service_id") ? body.get("service_id").asString() : row.serviceId(),
                    body.has("interface") ? body.get("interface").asString() : row.interfaceName(),
                    body.has("url") ? body.get("url").asString() : row.url(),
                    resolveRegion(h, body, row.regionId()),
                    Entity.bool(body, "enabled", row.enabled()),
                    Entity.mergeExtra(row.extra(), body, ENDPOINT_FIELDS));
            requireService(store, next.serviceId());
            store.updateEndpoint(next);
            return next;
        });
        return Response.ok(Json.object().set("endpoint", endpointJson(req, updated)));
    }

    private Response deleteEndpoint(Request req) {
        ctx.enforce(req, "identity:delete_endpoint", Map.of());
        String id = req.param("endpoint_id");
        if (ctx.jdbi().withExtension(CatalogStore.class, s -> s.deleteEndpoint(id)) == 0) {
            throw endpointNotFound(id);
        }
        return Response.noContent();
    }

    /**
     * The endpoint's region: {@code region_id} must name an existing region (a 400 otherwise);
     * the legacy {@code region}, used only when {@code region_id} is absent, is created if missing.
     */
    private static String resolveRegion(Handle h, ObjectNode body, String current) {
        CatalogStore store = h.attach(CatalogStore.class);
        String regionId = Entity.text(body, "region_id");
        if (regionId != null) {
            if (store.findRegion(regionId).isEmpty()) {
                throw ApiException.badRequest("Expecting to find endpoint region_id in region table; region "
                        + regionId + " not found.");
            }
            return regionId;
        }
        String legacy = Entity.text(body, "region");
        if (legacy != null) {
            if (store.findRegion(legacy).isEmpty()) {
                store.insertRegion(new RegionRow(legacy, "", null, "{}"));
            }
            return legacy;
        }
        return body.has("region_id") || body.has("region") ? null : current;
    }

    private static void requireService(CatalogStore store, String serviceId) {
        if (store.findService(serviceId).isEmpty()) {
            throw ApiException.badRequest("Expecting to find endpoint service_id in service table; service "
                    + serviceId + " not found.");
        }
    }

    private EndpointRow endpoint(String id) {
        return ctx.jdbi().withExtension(CatalogStore.class, s -> s.findEndpoint(id)).orElseThrow(() -> endpointNotFound(id));
    }

    static ApiException endpointNotFound(String id) {
        return ApiException.notFound("Could not find endpoint: " + id + ".");
    }

    /** An endpoint as Keystone shows it, with the legacy {@code region} beside {@code region_id}. */
    static ObjectNode endpointJson(Request req, EndpointRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("service_id", row.serviceId());
        out.put("interface", row.interfaceName());
        out.put("url", row.url());
        out.put("region_id", row.regionId());
        out.put("region", row.regionId());
        out.put("enabled", row.enabled());
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/endpoints/" + row.id());
    }

    private <T> T store(java.util.function.Function<CatalogStore, T> query) {
        return ctx.jdbi().withExtension(CatalogStore.class, query::apply);
    }
}
