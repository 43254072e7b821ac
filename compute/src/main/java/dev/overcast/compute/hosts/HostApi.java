package dev.overcast.compute.hosts;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.aggregates.AggregateStore;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.hypervisors.ComputeNode;
import dev.overcast.compute.hypervisors.ComputeNodes;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-hosts}, Nova's deprecated host administration, for microversions 2.1 to 2.42:
 * <ul>
 * <li>the list names every enabled service's host (API services aside) with the service's
 *     topic and zone, a compute host in its aggregates' zone and the others in {@code internal},
 *     narrowed to one zone with {@code ?zone=};</li>
 * <li>a host's detail is its resource rows, from its compute nodes and instances;</li>
 * <li>{@code PUT} enables or disables the host's compute service (and puts or takes
 *     {@code COMPUTE_STATUS_DISABLED} on its providers, as the services API does);</li>
 * <li>maintenance mode and the power actions need a driver that can, and Overcast's cannot:
 *     they answer 501 for a host that exists, as Nova does for the libvirt driver.</li>
 * </ul>
 */
public final class HostApi {
    private static final Logger log = LoggerFactory.getLogger(HostApi.class);
    /** Services Nova leaves out of the list: they do not run on a host of the deployment's own. */
    private static final Set<String> API_SERVICES = Set.of("nova-osapi_compute", "nova-metadata");
    private static final String INTERNAL_ZONE = "internal";
    /** The trait of a disabled compute service's nodes (the agent's {@code Inventories.DISABLED_TRAIT}). */
    static final String NOT_SUPPORTED = "The requested functionality is not supported.";

    private final ComputeContext ctx;
    private final AggregateStore aggregates;
    private final dev.overcast.compute.services.StatusTrait statusTrait;

    /** @param aggregates the host aggregates, for compute hosts' zones */
    public HostApi(ComputeContext ctx, AggregateStore aggregates) {
        this.ctx = ctx;
        this.aggregates = aggregates;
        this.statusTrait = new dev.overcast.compute.services.StatusTrait(ctx);
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-hosts", this::list)
                .get("/v2.1/os-hosts/{host_name}", this::show)
                .put("/v2.1/os-hosts/{host_name}", this::update)
                .get("/v2.1/os-hosts/{host_name}/reboot", req -> power(req, HostPolicy.REBOOT))
                .get("/v2.1/os-hosts/{host_name}/shutdown", req -> power(req, HostPolicy.SHUTDOWN))
                .get("/v2.1/os-hosts/{host_name}/startup", req -> power(req, HostPolicy.START));
    }

    /** From 2.43 the API is gone, as in Nova. */
    private static void requireBefore243(Request req) {
        if (req.versionAtLeast(2, 43)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }

    private Response list(Request req) {
        requireBefore243(req);
        ctx.enforce(req, HostPolicy.LIST, Map.of());
        String zone = req.query("zone").orElse("");
        Map<String, String> zones = aggregates.currentAvailabilityZones();
        String defaultZone = ctx.settings().defaultAvailabilityZone();
        ArrayNode hosts = Json.array();
        for (CellMapping cell : ctx.cells().all()) {
            for (ServiceRecord s : records(cell).all()) {
                if (s.disabled() || API_SERVICES.contains(s.binary())) {
                    continue;
                }
                String serviceZone = s.isCompute() ? zones.getOrDefault(s.host(), defaultZone) : INTERNAL_ZONE;
                if (!zone.isEmpty() && !zone.equals(serviceZone)) {
                    continue;
                }
                ObjectNode host = hosts.addObject();
                host.put("host_name", s.host());
                host.put("service", topic(s));
                host.put("zone", serviceZone);
            }
        }
        ObjectNode out = Json.object();
        out.set("hosts", hosts);
        return Response.ok(out);
    }

    /** The service's bus topic; a record written without one is named after its binary. */
    private static String topic(ServiceRecord s) {
        if (s.topic() != null) {
            return s.topic();
        }
        return s.binary().startsWith("nova-") ? s.binary().substring("nova-".length()) : s.binary();
    }

    private Response show(Request req) {
        requireBefore243(req);
        ctx.enforce(req, HostPolicy.SHOW, Map.of());
        String host = req.param("host_name");
        CellMapping cell = cellOf(host);
        Jdbi db = ctx.cells().db(cell);
        List<ComputeNode> nodes = new ComputeNodes(db, ctx.clock()).byHost(host);
        if (nodes.isEmpty()) {
            throw ApiException.notFound("Compute host " + host + " could not be found.");
        }
        ArrayNode rows = Json.array();
        for (HostUsage.Row row : HostUsage.rows(host, nodes, instancesOn(db, host))) {
            ObjectNode resource = rows.addObject().putObject("resource");
            resource.put("host", row.host());
            resource.put("project", row.project());
            resource.put("cpu", row.cpu());
            resource.put("memory_mb", row.memoryMb());
            resource.put("disk_gb", row.diskGb());
        }
        ObjectNode out = Json.object();
        out.set("host", rows);
        return Response.ok(out);
    }

    /** The live instances scheduled to {@code host}, with what their flavors take. */
    private static List<HostUsage.InstanceSize> instancesOn(Jdbi db, String host) {
        return db.withHandle(h -> h.createQuery(
                        "select project_id, flavor from instances where host = :host and deleted = false order by id")
                .bind("host", host)
                .map((rs, c) -> size(rs.getString("project_id"), rs.getString("flavor")))
                .list());
    }

    private static HostUsage.InstanceSize size(String project, String flavorJson) {
        JsonNode flavor = Json.parse(flavorJson);
        return new HostUsage.InstanceSize(project, flavor.path("vcpus").asLong(0), flavor.path("memory_mb").asLong(0),
                flavor.path("root_gb").asLong(0), flavor.path("ephemeral_gb").asLong(0));
    }

    private Response update(Request req) {
        requireBefore243(req);
        JsonNode body = ctx.schemas().validateObject("hosts_update", req.json());
        ctx.enforce(req, HostPolicy.UPDATE, Map.of());
        String host = req.param("host_name");
        Located found = computeService(host);
        ObjectNode out = Json.object();
        out.put("host", host);
        if (body.has("maintenance_mode")) {
            // Checked before the status changes, so a refused request changes nothing.
            if (!records(found.cell()).isUp(found.service())) {
                throw ApiException.badRequest("Compute service of " + host + " is unavailable at this time.");
            }
            throw ApiException.notImplemented(NOT_SUPPORTED);
        }
        if (body.has("status")) {
            boolean enable = body.get("status").asString().strip().equalsIgnoreCase("enable");
            records(found.cell()).setDisabled(found.service().id(), !enable, null);
            reportStatus(found, !enable);
            out.put("status", enable ? "enabled" : "disabled");
        }
        return Response.ok(out);
    }

    private Response power(Request req, String rule) {
        requireBefore243(req);
        ctx.enforce(req, rule, Map.of());
        computeService(req.param("host_name"));
        throw ApiException.notImplemented(NOT_SUPPORTED);
    }

    /** A compute service and the cell it lives in. */
    private record Located(CellMapping cell, ServiceRecord service) {
    }

    /** The compute service of {@code host}, found as Nova's host API does: through the host's mapping. */
    private Located computeService(String host) {
        CellMapping cell = cellOf(host);
        ServiceRecord service = records(cell).byHostAndBinary(host, ServiceRecord.COMPUTE)
                .orElseThrow(() -> ApiException.notFound("Host " + host + " could not be found."));
        return new Located(cell, service);
    }

    private CellMapping cellOf(String host) {
        return ctx.cells().hosts().cellOf(host).orElseThrow(() ->
                ApiException.notFound("Host '" + host + "' is not mapped to any cell"));
    }

    private ServiceRecords records(CellMapping cell) {
        return new ServiceRecords(ctx.cells().db(cell), ctx.clock(), ctx.settings().serviceDownTime());
    }

    private void reportStatus(Located found, boolean disabled) {
        statusTrait.report(found.cell(), found.service().host(), disabled);
    }
}
