package dev.overcast.placement.traits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.placement.CacheHeaders;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderWrites;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's traits (microversion 1.6): read from the index, replaced or cleared in one
 * transaction that bumps the provider's generation.
 */
final class ProviderTraitApi {
    /** Upstream's words for a generation the caller read before someone else changed the provider. */
    static final String GENERATION_CHANGED =
            "Resource provider's generation already changed. Please update the generation and try again.";

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
        long generation = ctx.jdbi().inTransaction(h -> {
            long current = ProviderWrites.lockGeneration(h, uuid);
            if (current != expected) {
                throw PlacementErrors.concurrentUpdate(GENERATION_CHANGED);
            }
            Set<String> missing = TraitCatalog.lockExisting(h, traits);
            if (!missing.isEmpty()) {
                throw ApiException.badRequest("No such trait " + String.join(", ", missing));
            }
            TraitCatalog.replaceProviderTraits(h, uuid, traits);
            return ProviderWrites.bumpGeneration(h, uuid, current, now);
        });
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
