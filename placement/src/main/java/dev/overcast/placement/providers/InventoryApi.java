package dev.overcast.placement.providers;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderWrites;
import tools.jackson.databind.JsonNode;

/**
 * A provider's inventories, all at once ({@code /inventories}) or one resource class at a
 * time ({@code /inventories/{resource_class}}). Every change names the generation the caller
 * read and bumps it.
 */
public final class InventoryApi {
    private final PlacementContext ctx;

    public InventoryApi(PlacementContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        String all = "/resource_providers/{uuid}/inventories";
        String one = all + "/{resource_class}";
        r.get(all, this::list).put(all, this::replaceAll).post(all, this::create).delete(all, this::deleteAll)
                .get(one, this::show).put(one, this::updateOne).delete(one, this::deleteOne);
    }

    private Response list(Request req) {
        ctx.enforce(req, "placement:resource_providers:inventories:list");
        Provider p = ctx.provider(req.param("uuid"));
        return CacheHeaders.apply(req, Response.ok(InventoryJson.inventories(p.inventories(), p.generation())),
                p.updatedAt());
    }

    private Response show(Request req) {
        ctx.enforce(req, "placement:resource_providers:inventories:show");
        Provider p = ctx.provider(req.param("uuid"));
        String rc = req.param("resource_class");
        Inventory i = p.inventories().get(rc);
        if (i == null) {
            throw ApiException.notFound("No inventory of class " + rc + " for " + p.uuid());
        }
        return CacheHeaders.apply(req, Response.ok(InventoryJson.inventory(i)
                .put("resource_provider_generation", p.generation())), p.updatedAt());
    }

    private Response replaceAll(Request req) {
        ctx.enforce(req, "placement:resource_providers:inventories:update");
        Provider p = ctx.provider(req.param("uuid"));
        JsonNode body = ctx.schemas().validateObject("inventories_put", req.json());
        Map<String, Inventory> inventories = new LinkedHashMap<>();
        for (var e : body.get("inventories").properties()) {
            inventories.put(e.getKey(), parse(req, p.uuid(), e.getKey(), e.getValue()));
        }
        Provider after = write(p.uuid(), body.get("resource_provider_generation").asLong(), inventories);
        return CacheHeaders.apply(req, Response.ok(InventoryJson.inventories(after.inventories(),
                after.generation())), after.updatedAt());
    }

    private Response create(Request req) {
        ctx.enforce(req, "placement:resource_providers:inventories:create");
        Provider p = ctx.provider(req.param("uuid"));
        JsonNode body = ctx.schemas().validateObject("inventory_post", req.json());
        String rc = body.get("resource_class").asString();
        if (p.inventories().containsKey(rc)) {
            throw PlacementErrors.concurrentUpdate("Update conflict: Inventory for resource class " + rc
                    + " already exists on resource provider " + p.uuid() + ".");
        }
        Map<String, Inventory> inventories = new HashMap<>(p.inventories());
        inventories.put(rc, parse(req, p.uuid(), rc, body));
        Provider after = write(p.uuid(), body.get("resource_provider_generation").asLong(), inventories);
        return CacheHeaders.apply(req, Response.status(201, InventoryJson.inventory(after.inventories().get(rc))
                        .put("resource_provider_generation", after.generation())), after.updatedAt())
                .header("Location", req.serviceUrl() + "/resource_providers/" + p.uuid()
                        + "/inventories/" + rc);
    }

    private Response updateOne(Request req) {
        ctx.enforce(req, "placement:resource_providers:inventories:update");
        Provider p = ctx.provider(req.param("uuid"));
        String rc = req.param("resource_class");
        JsonNode body = ctx.schemas().validateObject("inventory_put", req.json());
        if (!p.inventories().containsKey(rc)) {
            throw ApiException.badRequest("No inventory record with resource class for resource provider "
                    + p.uuid() + ": " + rc);
        }
        Map<String, Inventory> inventories = new HashMap<>(p.inventories());
        inventories.put(rc, parse(req, p.uuid(), rc, body));
        Provider after = write(p.uuid(), body.get("resource_provider_generation").asLong(), inventories);
        return CacheHeaders.apply(req, Response.ok(InventoryJson.inventory(after.inventories().get(rc))
                .put("resource_provider_generation", after.generation())), after.updatedAt());
    }

    private Response deleteAll(Request req) {
        if (!req.versionAtLeast(1, 5)) {
            throw ApiException.methodNotAllowed("The method specified is not allowed for this resource.");
        }
        ctx.enforce(req, "placement:resource_providers:inventories:delete");
        Provider p = ctx.provider(req.param("uuid"));
        write(p.uuid(), p.generation(), Map.of());
        return Response.noContent();
    }

    private Response deleteOne(Request req) {
        ctx.enforce(req, "placement:resource_providers:inventories:delete");
        Provider p = ctx.provider(req.param("uuid"));
        String rc = req.param("resource_class");
        if (!p.inventories().containsKey(rc)) {
            throw ApiException.notFound("No inventory of class " + rc + " found for delete");
        }
        Map<String, Inventory> inventories = new HashMap<>(p.inventories());
        inventories.remove(rc);
        try {
            write(p.uuid(), p.generation(), inventories);
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            throw PlacementErrors.conflict("Unable to delete inventory of class " + rc + ": " + e.getMessage(),
                    PlacementErrors.CONCURRENT_UPDATE);
        }
        return Response.noContent();
    }

    /** Replaces the provider's inventories if its generation is still {@code generation}. */
    private Provider write(String uuid, long generation, Map<String, Inventory> inventories) {
        Instant now = ctx.clock().instant();
        ctx.jdbi().useTransaction(h -> ProviderWrites.setInventories(h, uuid, generation, inventories, now));
        ctx.index().refresh(List.of(uuid));
        return ctx.provider(uuid);
    }

    /** One inventory with upstream's defaults filled in, checked ({@link ProviderWrites#requireValid}). */
    private static Inventory parse(Request req, String uuid, String rc, JsonNode j) {
        return ProviderWrites.requireValid(uuid, rc, parse(j), req.versionAtLeast(1, 26));
    }

    /** One inventory of a body the schema passed, with upstream's defaults for what it leaves out. */
    public static Inventory parse(JsonNode j) {
        return ProviderWrites.withDefaults(j.get("total").asLong(), optionalLong(j, "reserved"),
                optionalLong(j, "min_unit"), optionalLong(j, "max_unit"), optionalLong(j, "step_size"),
                j.has("allocation_ratio") ? j.get("allocation_ratio").asDouble() : null);
    }

    private static Long optionalLong(JsonNode j, String field) {
        return j.has(field) ? j.get(field).asLong() : null;
    }
}
