package dev.overcast.placement.traits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderWrites;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's traits (microversion 1.6): read from the index, replaced or cleared in one
 * transaction that bumps the provider's generation.
 */
final class ProviderTraitApi {
    private final PlacementContext ctx;

    ProviderTraitApi(PlacementContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        r.get("/resource_providers/{uuid}/traits", this::list)
                .put("/resource_providers/{uuid}/traits", this::replace)
                .delete("/resource_providers/{uuid}/traits", this::clear);
    }

    private Response list(Request req) {
        TraitApi.requireTraits(req);
        ctx.enforce(req, "placement:resource_providers:traits:list");
        Provider p = ctx.provider(req.param("uuid"));
        return CacheHeaders.apply(req, Response.ok(body(p.traits(), p.generation())), ctx.clock().instant());
    }

    private Response replace(Request req) {
        TraitApi.requireTraits(req);
        ctx.enforce(req, "placement:resource_providers:traits:update");
        JsonNode body = ctx.schemas().validateObject("provider_traits", req.json());
        String uuid = req.param("uuid");
        long expected = body.get("resource_provider_generation").asLong();
        Set<String> traits = new LinkedHashSet<>();
        body.get("traits").forEach(t -> traits.add(t.asString()));
        Instant now = ctx.clock().instant();
        long generation = ctx.jdbi().inTransaction(h -> TraitCatalog.setProviderTraits(h, uuid, expected, traits, now));
        ctx.index().refresh(List.of(uuid));
        return CacheHeaders.apply(req, Response.ok(body(traits, generation)), now);
    }

    private Response clear(Request req) {
        TraitApi.requireTraits(req);
        ctx.enforce(req, "placement:resource_providers:traits:delete");
        String uuid = req.param("uuid");
        Instant now = ctx.clock().instant();
        ctx.jdbi().useTransaction(h -> {
            long current = ProviderWrites.lockGeneration(h, uuid);
            TraitCatalog.replaceProviderTraits(h, uuid, List.of());
            ProviderWrites.bumpGeneration(h, uuid, current, now);
        });
        ctx.index().refresh(List.of(uuid));
        return Response.noContent();
    }

    private static ObjectNode body(Set<String> traits, long generation) {
        ObjectNode out = Json.object();
        var names = out.putArray("traits");
        new ArrayList<>(new TreeSet<>(traits)).forEach(names::add);
        out.put("resource_provider_generation", generation);
        return out;
    }
}
