package dev.overcast.placement.allocations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.model.Inventory;
import dev.overcast.placement.model.ProviderWrites;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /reshaper} (1.30): replaces the inventories of some providers and the
 * allocations of some consumers in one transaction — typically moving a class of inventory,
 * and what is allocated from it, from a root provider to a new child.
 *
 * <p>As upstream, in three steps under the same locks: each provider first gets the union of
 * its old and new inventory (so allocations can move onto new inventory while the old still
 * exists), then the allocations are replaced and checked, then each provider gets exactly its
 * new inventory — which fails if allocations still use a class that goes. Allocations are
 * thus checked against the final inventory of every class that remains, and an inventory can
 * disappear in the same request that moves its allocations away. Each step bumps the
 * generation of the providers it changes, so generations advance as upstream's do.
 */
final class ReshaperApi {
    private static final long MAX_INT = 2147483647L;

    private final PlacementContext ctx;
    private final Claims claims;

    ReshaperApi(PlacementContext ctx, Claims claims) {
        this.ctx = ctx;
        this.claims = claims;
    }

    void routes(Routes r) {
        r.post("/reshaper", this::reshape);
    }

    /** A provider's new inventories and the generation the caller read. */
    private record Reshape(long generation, Map<String, Inventory> inventories) {
    }

    private Response reshape(Request req) {
        if (!req.versionAtLeast(1, 30)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ctx.enforce(req, "placement:reshaper:reshape");
        String schema = req.versionAtLeast(1, 38) ? "reshaper_v1_38"
                : req.versionAtLeast(1, 34) ? "reshaper_v1_34" : "reshaper_v1_30";
        JsonNode body = AllocationBodies.validate(ctx.schemas(), schema, req.json());
        Map<String, Reshape> inventories = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.get("inventories").properties()) {
            inventories.put(e.getKey(), reshape(e.getKey(), e.getValue()));
        }
        List<ConsumerWrite> writes = AllocationBodies.entries(body.get("allocations"), req);
        Set<String> touched;
        try {
            touched = Transactions.write(ctx.jdbi(), h -> apply(h, inventories, writes));
        } catch (ClaimRefused e) {
            throw AllocationErrors.toHttp(e.refusal(), AllocationErrors.Route.RESHAPE, null);
        }
        claims.refresh(touched);
        return Response.noContent();
    }

    private Set<String> apply(Handle h, Map<String, Reshape> inventories, List<ConsumerWrite> writes) {
        // Upstream's order of checks: the inventory providers first, before any consumer.
        inventories.forEach((uuid, reshape) -> {
            long actual = ClaimRows.generation(h, uuid).orElseThrow(() -> PlacementErrors.badRequest(
                    "Resource provider " + uuid + " in inventories not found: No resource provider with uuid "
                            + uuid + " found", PlacementErrors.PROVIDER_NOT_FOUND));
            requireGeneration(uuid, actual, reshape.generation());
        });
        ClaimTransaction tx = ClaimTransaction.lock(h, ctx.clock().instant(), writes, inventories.keySet());
        inventories.forEach((uuid, reshape) -> requireGeneration(uuid, tx.generation(uuid), reshape.generation()));
        inventories.forEach((uuid, reshape) -> {
            if (reshape.inventories().isEmpty()) {
                return;
            }
            for (String rc : reshape.inventories().keySet()) {
                if (!ProviderWrites.resourceClassExists(h, rc)) {
                    throw new ClaimRefused(new Refusal.UnknownResourceClass(rc));
                }
            }
            Map<String, Inventory> union = new LinkedHashMap<>(
                    ClaimRows.inventories(h, List.of(uuid)).getOrDefault(uuid, Map.of()));
            union.putAll(reshape.inventories());
            ProviderWrites.replaceInventories(h, uuid, union);
            tx.bump(uuid);
        });
        tx.apply();
        inventories.forEach((uuid, reshape) -> {
            try {
                ProviderWrites.replaceInventories(h, uuid, reshape.inventories());
            } catch (ApiException e) {
                if (PlacementErrors.INVENTORY_INUSE.equals(e.code())) {
                    throw PlacementErrors.conflict("update conflict: " + e.getMessage(), e.code());
                }
                throw e;
            }
            tx.bump(uuid);
        });
        return tx.finish();
    }

    private static void requireGeneration(String uuid, long actual, long given) {
        if (actual != given) {
            throw PlacementErrors.concurrentUpdate("resource provider generation conflict for provider " + uuid
                    + ": actual: " + actual + ", given: " + given);
        }
    }

    /** One provider's entry, with upstream's inventory defaults filled in. */
    private static Reshape reshape(String uuid, JsonNode node) {
        Map<String, Inventory> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.get("inventories").properties()) {
            JsonNode i = e.getValue();
            // The schema checks only entries named like a resource class; others reach here as they are.
            if (!i.isObject() || !i.path("total").canConvertToLong()) {
                throw ApiException.badRequest("Bad inventory " + e.getKey() + " for resource provider " + uuid
                        + ": total is required");
            }
            out.put(e.getKey(), new Inventory(i.get("total").asLong(), i.path("reserved").asLong(0),
                    i.path("min_unit").asLong(1), i.path("max_unit").asLong(MAX_INT), i.path("step_size").asLong(1),
                    i.path("allocation_ratio").asDouble(1.0)));
        }
        return new Reshape(node.get("resource_provider_generation").asLong(), out);
    }
}
