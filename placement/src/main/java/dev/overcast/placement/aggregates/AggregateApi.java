package dev.overcast.placement.aggregates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.placement.PlacementContext;
import dev.overcast.placement.PlacementErrors;
import dev.overcast.placement.model.ProviderWrites;
import dev.overcast.placement.CacheHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provider's aggregates (microversion 1.1): {@code GET} and {@code PUT
 * /resource_providers/{uuid}/aggregates}.
 *
 * <p>Two microversions differ. Up to 1.18 the body is a plain list of uuids and, as upstream,
 * a PUT leaves the provider's generation alone. From 1.19 the body is {@code {aggregates,
 * resource_provider_generation}}: the generation must match (else 409
 * {@code placement.concurrent_update}), the PUT bumps it, and both answers carry it.
 */
public final class AggregateApi {
    private static final String GENERATION_CHANGED =
            "Resource provider's generation already changed. Please update the generation and try again.";

    private final PlacementContext ctx;

    public AggregateApi(PlacementContext ctx) {
        this.ctx = ctx;
    }

    /** Registers {@code /resource_providers/{uuid}/aggregates}. */
    public void routes(Routes r) {
        r.get("/resource_providers/{uuid}/aggregates", this::list)
                .put("/resource_providers/{uuid}/aggregates", this::replace);
    }

    private Response list(Request req) {
        requireAggregates(req);
        ctx.enforce(req, "placement:resource_providers:aggregates:list");
        var p = ctx.provider(req.param("uuid"));
        return answer(req, new ArrayList<>(new TreeSet<>(p.aggregates())), p.generation());
    }

    private Response replace(Request req) {
        requireAggregates(req);
        ctx.enforce(req, "placement:resource_providers:aggregates:update");
        String uuid = req.param("uuid");
        ctx.provider(uuid); // upstream answers 404 for an unknown provider before it reads the body
        boolean generations = req.versionAtLeast(1, 19);
        JsonNode body = generations
                ? ctx.schemas().validateObject("provider_aggregates_1_19", req.json())
                : ctx.schemas().validate("provider_aggregates_1_1", req.json());
        List<String> aggregates = new ArrayList<>();
        (generations ? body.get("aggregates") : body).forEach(a -> aggregates.add(a.asString()));
        Instant now = ctx.clock().instant();
        long generation = ctx.jdbi().inTransaction(h -> {
            long current = ProviderWrites.lockGeneration(h, uuid);
            if (!generations) {
                replaceRows(h, uuid, aggregates);
                return current;
            }
            if (current != body.get("resource_provider_generation").asLong()) {
                throw PlacementErrors.concurrentUpdate(GENERATION_CHANGED);
            }
            replaceRows(h, uuid, aggregates);
            return ProviderWrites.bumpGeneration(h, uuid, current, now);
        });
        ctx.index().refresh(List.of(uuid));
        return answer(req, aggregates, generation);
    }

    private static void replaceRows(Handle h, String uuid, List<String> aggregates) {
        h.createUpdate("delete from provider_aggregate where provider_uuid = :uuid").bind("uuid", uuid).execute();
        if (aggregates.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("insert into provider_aggregate (provider_uuid, aggregate_uuid) values (:p, :a)");
        for (String a : aggregates) {
            batch.bind("p", uuid).bind("a", a).add();
        }
        batch.execute();
    }

    /** The aggregates body; the generation only from 1.19. Aggregates have no times of their own: now. */
    private Response answer(Request req, List<String> aggregates, long generation) {
        ObjectNode out = Json.object();
        var list = out.putArray("aggregates");
        aggregates.forEach(list::add);
        if (req.versionAtLeast(1, 19)) {
            out.put("resource_provider_generation", generation);
        }
        return CacheHeaders.apply(req, Response.ok(out), ctx.clock().instant());
    }

    private static void requireAggregates(Request req) {
        if (!req.versionAtLeast(1, 1)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }
}
