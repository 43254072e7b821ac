package dev.overcast.placement.allocations;

import java.util.List;
import java.util.Map;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.core.schema.Schemas;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.model.Provider;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /resource_providers/{uuid}/usages} and {@code GET /usages} (1.9). */
final class UsageApi {
    private final PlacementContext ctx;

    UsageApi(PlacementContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        r.get("/resource_providers/{uuid}/usages", this::providerUsages);
        r.get("/usages", this::totalUsages);
    }

    /** Every class the provider has inventory of, 0 when nothing is allocated; from the index. */
    private Response providerUsages(Request req) {
        ctx.enforce(req, "placement:resource_providers:usages");
        String uuid = req.param("uuid");
        Provider provider = ctx.index().get(uuid).orElseThrow(() -> ApiException.notFound(
                "No resource provider with uuid " + uuid + " found: No resource provider with uuid " + uuid + " found"));
        ObjectNode out = Json.object();
        out.put("resource_provider_generation", provider.generation());
        ObjectNode usages = out.putObject("usages");
        provider.inventories().keySet().stream().sorted().forEach(rc -> usages.put(rc, provider.used(rc)));
        return CacheHeaders.apply(req, Response.ok(out), ctx.clock().instant());
    }

    /**
     * Totals for a project (and user). From 1.38 grouped by consumer type, each group with
     * its {@code consumer_count}; {@code consumer_type=all} makes one group of everything and
     * {@code unknown} names consumers without a type. A project's reader may ask for their own.
     */
    private Response totalUsages(Request req) {
        if (!req.versionAtLeast(1, 9)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        String projectId = req.query("project_id").orElse(null);
        ctx.enforce(req, "placement:usages", Map.of("project_id", projectId == null ? "" : projectId));
        validateQuery(req);
        String userId = req.query("user_id").orElse(null);
        boolean byType = req.versionAtLeast(1, 38);
        String filter = byType ? req.query("consumer_type").orElse(null) : null;
        boolean all = "all".equals(filter);
        String type = all ? null : filter;
        record Found(List<AllocationReads.TypedUsage> usages, Map<String, Long> counts) {
        }
        Found found = ctx.jdbi().withHandle(h -> new Found(
                AllocationReads.ofProject(h, projectId, userId, byType && !all, type),
                byType ? AllocationReads.consumerCounts(h, projectId, userId, !all, type) : Map.of()));
        ObjectNode out = Json.object();
        ObjectNode usages = out.putObject("usages");
        for (AllocationReads.TypedUsage u : found.usages()) {
            if (!byType) {
                usages.put(u.resourceClass(), u.used());
                continue;
            }
            String group = all ? "all" : u.consumerType() == null ? AllocationReads.UNKNOWN : u.consumerType();
            ObjectNode g = usages.has(group) ? (ObjectNode) usages.get(group) : usages.putObject(group);
            g.put(u.resourceClass(), u.used());
            g.put("consumer_count", found.counts().getOrDefault(all ? null : u.consumerType(), 0L));
        }
        return CacheHeaders.apply(req, Response.ok(out), ctx.clock().instant());
    }

    private void validateQuery(Request req) {
        ObjectNode query = Json.object();
        req.queryParams().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.getLast()));
        Schemas schemas = ctx.schemas();
        try {
            schemas.validate(req.versionAtLeast(1, 38) ? "usages_query_v1_38" : "usages_query_v1_9", query);
        } catch (ApiException e) {
            throw ApiException.badRequest("Invalid query string parameters: " + e.getMessage());
        }
    }
}
