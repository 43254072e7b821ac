package dev.overcast.placement.allocations;

import java.time.Instant;
import java.util.List;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /allocations} and {@code /resource_providers/{uuid}/allocations}; registers the
 * usages and reshaper routes too, so Placement adds this feature with one line.
 */
public final class AllocationApi {
    private final PlacementContext ctx;
    private final Claims claims;

    public AllocationApi(PlacementContext ctx) {
        this.ctx = ctx;
        this.claims = new Claims(ctx);
    }

    public void routes(Routes r) {
        r.get("/allocations/{consumer_uuid}", this::list);
        r.put("/allocations/{consumer_uuid}", this::put);
        r.delete("/allocations/{consumer_uuid}", this::delete);
        r.post("/allocations", this::post);
        r.get("/resource_providers/{uuid}/allocations", this::listForProvider);
        new UsageApi(ctx).routes(r);
        new ReshaperApi(ctx, claims).routes(r);
    }

    /** A consumer's allocations by provider; an unknown consumer has none (200, not 404). */
    private Response list(Request req) {
        ctx.enforce(req, "placement:allocations:list");
        String consumer = req.param("consumer_uuid");
        List<AllocationReads.ConsumerAllocation> rows =
                ctx.jdbi().withHandle(h -> AllocationReads.ofConsumer(h, consumer));
        ObjectNode out = Json.object();
        ObjectNode byProvider = out.putObject("allocations");
        Instant modified = null;
        for (AllocationReads.ConsumerAllocation a : rows) {
            ObjectNode p = byProvider.has(a.provider()) ? (ObjectNode) byProvider.get(a.provider())
                    : byProvider.putObject(a.provider());
            p.put("generation", a.providerGeneration());
            (p.has("resources") ? (ObjectNode) p.get("resources") : p.putObject("resources"))
                    .put(a.resourceClass(), a.used());
            modified = modified == null || a.modified().isAfter(modified) ? a.modified() : modified;
        }
        if (!rows.isEmpty() && req.versionAtLeast(1, 12)) {
            AllocationReads.ConsumerAllocation first = rows.getFirst();
            out.put("project_id", first.projectId());
            out.put("user_id", first.userId());
            if (req.versionAtLeast(1, 28)) {
                out.put("consumer_generation", first.consumerGeneration());
            }
            if (req.versionAtLeast(1, 38)) {
                out.put("consumer_type", first.consumerType() == null ? AllocationReads.UNKNOWN : first.consumerType());
            }
        }
        return CacheHeaders.apply(req, Response.ok(out), modified != null ? modified : ctx.clock().instant());
    }

    private Response put(Request req) {
        ctx.enforce(req, "placement:allocations:update");
        String consumer = AllocationBodies.consumerUuid(req.param("consumer_uuid"));
        ConsumerWrite write = AllocationBodies.put(ctx.schemas(), req, consumer);
        try {
            claims.write(List.of(write), true);
        } catch (ClaimRefused e) {
            throw AllocationErrors.toHttp(e.refusal(), AllocationErrors.Route.PUT, consumer);
        }
        return Response.noContent();
    }

    /** Many consumers at once (1.13), all or nothing; empty allocations remove a consumer's. */
    private Response post(Request req) {
        if (!req.versionAtLeast(1, 13)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ctx.enforce(req, "placement:allocations:manage");
        List<ConsumerWrite> writes = AllocationBodies.post(ctx.schemas(), req);
        try {
            claims.write(writes, false);
        } catch (ClaimRefused e) {
            throw AllocationErrors.toHttp(e.refusal(), AllocationErrors.Route.POST, null);
        }
        return Response.noContent();
    }

    private Response delete(Request req) {
        ctx.enforce(req, "placement:allocations:delete");
        String consumer = req.param("consumer_uuid");
        List<ClaimRows.AllocationRow> previous = claims.write(List.of(ConsumerWrite.release(consumer)), false);
        if (previous.isEmpty()) {
            throw ApiException.notFound("No allocations for consumer '" + consumer + "'");
        }
        return Response.noContent();
    }

    private Response listForProvider(Request req) {
        ctx.enforce(req, "placement:resource_providers:allocations:list");
        String uuid = req.param("uuid");
        AllocationReads.ProviderAllocations found = ctx.jdbi().withHandle(h -> AllocationReads.ofProvider(h, uuid))
                .orElseThrow(() -> ApiException.notFound("Resource provider '" + uuid
                        + "' not found: No resource provider with uuid " + uuid + " found"));
        ObjectNode out = Json.object();
        ObjectNode byConsumer = out.putObject("allocations");
        Instant modified = null;
        for (AllocationReads.ProviderAllocation a : found.allocations()) {
            ObjectNode c = byConsumer.has(a.consumer()) ? (ObjectNode) byConsumer.get(a.consumer())
                    : byConsumer.putObject(a.consumer());
            (c.has("resources") ? (ObjectNode) c.get("resources") : c.putObject("resources"))
                    .put(a.resourceClass(), a.used());
            if (req.versionAtLeast(1, 28)) {
                c.put("consumer_generation", a.consumerGeneration());
            }
            modified = modified == null || a.modified().isAfter(modified) ? a.modified() : modified;
        }
        out.put("resource_provider_generation", found.generation());
        return CacheHeaders.apply(req, Response.ok(out), modified != null ? modified : ctx.clock().instant());
    }
}
