package dev.overcast.compute.aggregates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.placement.BusPlacementAggregates;
import dev.overcast.compute.placement.PlacementAggregates;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-aggregates}: host aggregates, for admins. As upstream, every answer is a 200 (a
 * create too, and a delete with no body), an aggregate's {@code uuid} shows from 2.41, and a
 * create's answer leaves out {@code hosts} and {@code metadata}.
 *
 * <p>A host joins an aggregate only when a compute service runs on it in some cell. Its
 * compute nodes then join the Placement aggregate of the same uuid, which is what the
 * scheduler's {@code member_of} queries ask for; as in Nova, a failure to tell Placement about a
 * joining host is only logged, while a failure to take a leaving host out fails the request
 * before anything changed, so that it can be retried.
 */
public final class AggregateApi {
    private static final Logger log = LoggerFactory.getLogger(AggregateApi.class);

    private final ComputeContext ctx;
    private final AggregateStore store;
    private final CellHosts hosts;
    private final PlacementAggregates placement;

    /** The API with a store of its own; the wiring should share one store with the scheduler instead. */
    public AggregateApi(ComputeContext ctx) {
        this(ctx, new AggregateStore(ctx));
    }

    /** @param store the store the scheduler reads too, so that it sees these writes at once */
    public AggregateApi(ComputeContext ctx, AggregateStore store) {
        this(ctx, store, new BusPlacementAggregates(ctx.bus(), ctx.settings().rpcTimeout()));
    }

    public AggregateApi(ComputeContext ctx, AggregateStore store, PlacementAggregates placement) {
        this.ctx = ctx;
        this.store = store;
        this.hosts = new CellHosts(ctx.cells());
        this.placement = placement;
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-aggregates", this::list)
                .post("/v2.1/os-aggregates", this::create)
                .get("/v2.1/os-aggregates/{id}", this::show)
                .put("/v2.1/os-aggregates/{id}", this::update)
                .delete("/v2.1/os-aggregates/{id}", this::delete)
                .post("/v2.1/os-aggregates/{id}/action", this::action);
    }

    private Response list(Request req) {
        enforce(req, AggregatePolicy.INDEX);
        var out = Json.object();
        var list = out.putArray("aggregates");
        store.list().forEach(a -> list.add(view(req, a, true)));
        return Response.ok(out);
    }

    private Response create(Request req) {
        enforce(req, AggregatePolicy.CREATE);
        JsonNode body = ctx.schemas().validateObject("aggregate_create", req.json()).get("aggregate");
        String zone = textOrNull(body.get("availability_zone"));
        HostAggregate created = store.create(body.get("name").asString(), zone);
        return Response.ok(wrap(view(req, created, false)));
    }

    private Response show(Request req) {
        enforce(req, AggregatePolicy.SHOW);
        long id = id(req);
        return Response.ok(wrap(view(req, store.find(id).orElseThrow(() -> AggregateStore.notFound(id)), true)));
    }

    private Response update(Request req) {
        enforce(req, AggregatePolicy.UPDATE);
        JsonNode body = ctx.schemas().validateObject("aggregate_update", req.json()).get("aggregate");
        long id = id(req);
        String name = body.has("name") ? body.get("name").asString().strip() : null;
        boolean zoneGiven = body.has("availability_zone");
        HostAggregate updated = store.update(id, name, zoneGiven, textOrNull(body.get("availability_zone")),
                hosts::anyInstancesOn);
        return Response.ok(wrap(view(req, updated, true)));
    }

    private Response delete(Request req) {
        enforce(req, AggregatePolicy.DELETE);
        store.delete(id(req));
        return Response.ok(null);
    }

    /**
     * {@code POST /os-aggregates/{id}/action}: the body's one key names the action; more keys or
     * an unknown action are a 400, as Nova's action dispatch answers.
     */
    private Response action(Request req) {
        JsonNode body = req.json();
        if (!body.isObject() || body.size() != 1) {
            throw ApiException.badRequest("Malformed request body");
        }
        String action = body.propertyNames().iterator().next();
        HostAggregate result = switch (action) {
            case "add_host" -> addHost(req, body);
            case "remove_host" -> removeHost(req, body);
            case "set_metadata" -> setMetadata(req, body);
            default -> throw ApiException.badRequest("There is no such action: " + action);
        };
        return Response.ok(wrap(view(req, result, true)));
    }

    private HostAggregate addHost(Request req, JsonNode body) {
        enforce(req, AggregatePolicy.ADD_HOST);
        String host = ctx.schemas().validate("aggregate_add_host", body).at("/add_host/host").asString();
        long id = id(req);
        if (!hosts.hasCompute(host)) {
            throw ApiException.notFound("Compute host " + host + " could not be found.");
        }
        HostAggregate aggregate = store.addHost(id, host);
        List<String> nodes = hosts.nodeUuids(host);
        try {
            List<String> unknown = placement.add(aggregate.uuid(), nodes);
            if (!unknown.isEmpty()) {
                log.warn("Placement does not know the compute nodes {} of host {}; they are not in aggregate {} there",
                        unknown, host, aggregate.uuid());
            }
        } catch (RuntimeException e) {
            // As Nova: the aggregate changed; Placement catches up when told again (sync).
            log.warn("Failed to add the compute nodes {} of host {} to Placement aggregate {}: {}", nodes, host,
                    aggregate.uuid(), e.getMessage());
        }
        return aggregate;
    }

    private HostAggregate removeHost(Request req, JsonNode body) {
        enforce(req, AggregatePolicy.REMOVE_HOST);
        String host = ctx.schemas().validate("aggregate_remove_host", body).at("/remove_host/host").asString();
        long id = id(req);
        ApiException notThere = ApiException.notFound("Cannot remove host " + host + " in aggregate " + id);
        HostAggregate current = store.find(id).orElseThrow(() -> notThere);
        if (!hosts.hasCompute(host) || !current.hosts().contains(host)) {
            throw notThere;
        }
        // Placement first, as Nova: if it fails nothing changed here, and the request can be retried.
        placement.remove(current.uuid(), hosts.nodeUuids(host));
        return store.removeHost(id, host);
    }

    private HostAggregate setMetadata(Request req, JsonNode body) {
        enforce(req, AggregatePolicy.SET_METADATA);
        JsonNode metadata = ctx.schemas().validate("aggregate_set_metadata", body).at("/set_metadata/metadata");
        long id = id(req);
        Map<String, String> changes = new LinkedHashMap<>();
        metadata.properties().forEach(e -> changes.put(e.getKey(), textOrNull(e.getValue())));
        return store.setMetadata(id, changes, hosts::anyInstancesOn);
    }

    private void enforce(Request req, String rule) {
        ctx.enforce(req, rule, Map.of());
    }

    /** The path's id, which Nova requires to be an integer. */
    private static long id(Request req) {
        String raw = req.param("id").strip();
        try {
            return Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid input received: id must be an integer");
        }
    }

    private static String textOrNull(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static ObjectNode wrap(ObjectNode aggregate) {
        ObjectNode out = Json.object();
        out.set("aggregate", aggregate);
        return out;
    }

    /** One aggregate as Nova marshals it; {@code full} false leaves out hosts and metadata, as create does. */
    private static ObjectNode view(Request req, HostAggregate a, boolean full) {
        ObjectNode out = Json.object();
        out.put("availability_zone", a.availabilityZone());
        out.put("created_at", NovaTime.format(a.createdAt()));
        out.put("deleted", false);
        out.putNull("deleted_at");
        if (full) {
            var list = out.putArray("hosts");
            a.hosts().forEach(list::add);
        }
        out.put("id", a.id());
        if (full) {
            ObjectNode metadata = out.putObject("metadata");
            a.metadata().forEach(metadata::put);
        }
        out.put("name", a.name());
        out.put("updated_at", NovaTime.format(a.updatedAt()));
        if (req.versionAtLeast(2, 41)) {
            out.put("uuid", a.uuid());
        }
        return out;
    }
}
