package dev.overcast.compute.services;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.hypervisors.ComputeNode;
import dev.overcast.compute.hypervisors.ComputeNodes;
import dev.overcast.compute.placement.BusReportClient;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-services}: the services of every cell, and an operator's switches on compute
 * services (enable, disable, force down, delete), as Nova's services API per microversion:
 * <ul>
 * <li>2.11 adds {@code forced_down} to the list and the {@code force-down} action;</li>
 * <li>2.53 names services by uuid and replaces the actions on {@code /os-services/enable} and
 *     the like with {@code PUT /os-services/{service_id}};</li>
 * <li>2.75 refuses unknown query parameters on the list.</li>
 * </ul>
 * Disabling or enabling a compute service puts or takes {@code COMPUTE_STATUS_DISABLED} on its
 * nodes' resource providers at once (the agent would at its next report anyway), so that the
 * scheduler's Placement query leaves disabled hosts out.
 */
public final class ServiceApi {
    private static final Logger log = LoggerFactory.getLogger(ServiceApi.class);
    private static final Set<String> LIST_PARAMS = Set.of("host", "binary");
    /** The trait of a disabled compute service's nodes (the agent's {@code Inventories.DISABLED_TRAIT}). */
    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}";

    private final ComputeContext ctx;
    private final HostAggregates aggregates;
    private final CellServices services;
    private final StatusTrait statusTrait;
    private final BusReportClient placement;

    /** The services API with every host in the default zone, until aggregates are wired. */
    public ServiceApi(ComputeContext ctx) {
        this(ctx, HostAggregates.NONE);
    }

    /** @param aggregates the host aggregates, for zones and for removing a deleted host from them */
    public ServiceApi(ComputeContext ctx, HostAggregates aggregates) {
        this.ctx = ctx;
        this.aggregates = aggregates;
        this.services = new CellServices(ctx);
        this.statusTrait = new StatusTrait(ctx);
        this.placement = statusTrait.placement();
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-services", this::list)
                .put("/v2.1/os-services/{id}", this::update)
                .delete("/v2.1/os-services/{id}", this::delete);
    }

    private Response list(Request req) {
        ctx.enforce(req, ServicePolicy.LIST, Map.of());
        if (req.versionAtLeast(2, 75)) {
            for (String param : req.queryParams().keySet()) {
                if (!LIST_PARAMS.contains(param)) {
                    throw ApiException.badRequest("Invalid input for query parameters " + param
                            + ". Additional properties are not allowed ('" + param + "' was unexpected)");
                }
            }
        }
        String host = req.query("host").orElse("");
        String binary = req.query("binary").orElse("");
        ArrayNode out = Json.array();
        for (CellServices.Located s : services.all()) {
            if ((host.isEmpty() || host.equals(s.service().host()))
                    && (binary.isEmpty() || binary.equals(s.service().binary()))) {
                out.add(detail(req, s.service()));
            }
        }
        ObjectNode body = Json.object();
        body.set("services", out);
        return Response.ok(body);
    }

    private Response update(Request req) {
        return req.versionAtLeast(2, 53) ? updateById(req) : action(req);
    }

    /** Before 2.53: the action is the last path segment and the body names host and binary. */
    private Response action(Request req) {
        JsonNode body = ctx.schemas().validateObject(req.versionAtLeast(2, 11)
                ? "services_update_v2_11" : "services_update_v2_1", req.json());
        ctx.enforce(req, ServicePolicy.UPDATE, Map.of());
        String action = req.param("id");
        String host = body.get("host").asString();
        String binary = body.get("binary").asString();
        ObjectNode service = Json.object();
        service.put("host", host);
        service.put("binary", binary);
        switch (action) {
            case "enable" -> {
                setDisabled(find(host, binary), false, null);
                service.put("status", "enabled");
            }
            case "disable" -> {
                setDisabled(find(host, binary), true, null);
                service.put("status", "disabled");
            }
            case "disable-log-reason" -> {
                if (!body.has("disabled_reason")) {
                    throw ApiException.badRequest("Missing disabled reason field");
                }
                String reason = body.get("disabled_reason").asString();
                setDisabled(find(host, binary), true, reason);
                service.put("status", "disabled");
                service.put("disabled_reason", reason);
            }
            case "force-down" -> {
                if (!req.versionAtLeast(2, 11)) {
                    throw ApiException.notFound("Unknown action");
                }
                if (!body.has("forced_down")) {
                    throw ApiException.badRequest("Missing forced_down field");
                }
                boolean down = bool(body.get("forced_down"));
                CellServices.Located found = find(host, binary);
                services.records(found.cell()).setForcedDown(found.service().id(), down);
                service.put("forced_down", down);
            }
            default -> throw ApiException.notFound("Unknown action");
        }
        ObjectNode out = Json.object();
        out.set("service", service);
        return Response.ok(out);
    }

    /** The live compute service of {@code host}; a 400 for another binary, a 404 when there is none. */
    private CellServices.Located find(String host, String binary) {
        requireCompute(binary);
        return services.byHostAndBinary(host, binary).orElseThrow(() -> ApiException.notFound(
                "Compute host " + host + " with binary " + binary + " could not be found."));
    }

    /** From 2.53: {@code PUT /os-services/{uuid}} with status, disabled_reason and forced_down. */
    private Response updateById(Request req) {
        String id = req.param("id");
        JsonNode body = ctx.schemas().validateObject("services_update_v2_53", req.json());
        if (!id.matches(UUID_PATTERN)) {
            throw ApiException.badRequest("Invalid uuid " + id);
        }
        ctx.enforce(req, ServicePolicy.UPDATE, Map.of());
        CellServices.Located found = services.byUuid(id).orElseThrow(() ->
                ApiException.notFound("Service " + id + " could not be found."));
        requireCompute(found.service().binary());
        boolean changed = false;
        if (body.has("status")) {
            boolean enable = body.get("status").asString().equals("enabled");
            if (enable && body.has("disabled_reason")) {
                throw ApiException.badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
            }
            changed = true;
        }
        if (body.has("forced_down")) {
            changed = true;
        }
        if (!changed) {
            throw ApiException.badRequest("No updates were requested. Fields 'status' or 'forced_down' should be "
                    + "specified.");
        }
        if (body.has("status")) {
            boolean disable = body.get("status").asString().equals("disabled");
            setDisabled(found, disable, disable && body.has("disabled_reason")
                    ? body.get("disabled_reason").asString() : null);
        }
        if (body.has("forced_down")) {
            services.records(found.cell()).setForcedDown(found.service().id(), bool(body.get("forced_down")));
        }
        ServiceRecord after = services.records(found.cell()).byId(found.service().id()).orElseThrow();
        ObjectNode out = Json.object();
        out.set("service", detail(req, after));
        return Response.ok(out);
    }

    private void setDisabled(CellServices.Located found, boolean disabled, String reason) {
        ServiceRecord before = found.service();
        services.records(found.cell()).setDisabled(before.id(), disabled, reason);
        if (before.isCompute()) {
            reportStatus(found, disabled);
        }
    }

    private void reportStatus(CellServices.Located found, boolean disabled) {
        statusTrait.report(found.cell(), found.service().host(), disabled);
    }

    private Response delete(Request req) {
        ctx.enforce(req, ServicePolicy.DELETE, Map.of());
        String id = req.param("id");
        CellServices.Located found;
        if (req.versionAtLeast(2, 53)) {
            if (!id.matches(UUID_PATTERN)) {
                throw ApiException.badRequest("Invalid uuid " + id);
            }
            found = services.byUuid(id).orElseThrow(() -> ApiException.notFound("Service " + id + " not found."));
        } else {
            long number;
            try {
                number = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Invalid input received: id must be an integer");
            }
            List<CellServices.Located> matches = services.byId(number);
            if (matches.isEmpty()) {
                throw ApiException.notFound("Service " + id + " not found.");
            }
            if (matches.size() > 1) {
                throw ApiException.badRequest("Service id " + id + " refers to multiple services.");
            }
            found = matches.getFirst();
        }
        if (found.service().isCompute()) {
            deleteComputeHost(found);
        }
        services.records(found.cell()).delete(found.service().id());
        return Response.noContent();
    }

    /**
     * What deleting a compute service takes with it, as in Nova: refused while the host has
     * instances; otherwise the host leaves its aggregates, its nodes' providers leave
     * Placement, its nodes are deleted and its host mapping removed.
     */
    private void deleteComputeHost(CellServices.Located found) {
        String host = found.service().host();
        int instances = services.db(found.cell()).withHandle(h -> h.createQuery(
                        "select count(*) from instances where host = :host and deleted = false")
                .bind("host", host).mapTo(Integer.class).one());
        if (instances > 0) {
            throw new ApiException(409, "Unable to delete compute service that is hosting instances. Migrate or "
                    + "delete the instances first.");
        }
        aggregates.removeHost(host);
        for (ComputeNode node : new ComputeNodes(services.db(found.cell()), ctx.clock()).deleteByHost(host)) {
            try {
                placement.deleteProvider(node.uuid());
            } catch (RuntimeException e) {
                log.error("Failed to delete compute node resource provider for compute node {}: {}", node.uuid(),
                        e.getMessage());
            }
        }
        ctx.cells().hosts().unmap(host);
    }

    /** One service as the list shows it at the request's microversion. */
    private ObjectNode detail(Request req, ServiceRecord s) {
        ObjectNode out = Json.object();
        if (req.versionAtLeast(2, 53)) {
            out.put("id", s.uuid());
        } else {
            out.put("id", s.id());
        }
        out.put("binary", s.binary());
        out.put("disabled_reason", s.disabledReason());
        out.put("host", s.host());
        out.put("state", s.isUp(ctx.clock().instant(), ctx.settings().serviceDownTime()) ? "up" : "down");
        out.put("status", s.disabled() ? "disabled" : "enabled");
        out.put("updated_at", NovaTime.format(s.updatedAt()));
        out.put("zone", zone(s));
        if (req.versionAtLeast(2, 11)) {
            out.put("forced_down", s.forcedDown());
        }
        return out;
    }

    /** A compute service's zone is its host's; the others are in the internal zone, as in Nova. */
    private String zone(ServiceRecord s) {
        return s.isCompute() ? aggregates.zoneOf(s.host(), ctx.settings().defaultAvailabilityZone()) : "internal";
    }

    private static void requireCompute(String binary) {
        if (!ServiceRecord.COMPUTE.equals(binary)) {
            throw ApiException.badRequest("Updating a " + binary + " service is not supported. Only nova-compute "
                    + "services can be updated.");
        }
    }

    /** oslo's {@code bool_from_string}, on values the schema already let through. */
    static boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return switch (value.asString().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            default -> false;
        };
    }
}
