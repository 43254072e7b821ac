package dev.overcast.compute.hypervisors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.agent.AgentClient;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.json.Json;
import dev.overcast.core.listing.Link;
import dev.overcast.core.listing.ListQuery;
import dev.overcast.core.listing.ListSpec;
import dev.overcast.core.listing.Page;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-hypervisors}: the compute nodes of every cell, for admins, as Nova's hypervisors API
 * per microversion (the views are in {@link HypervisorView}):
 * <ul>
 * <li>2.28 shows {@code cpu_info} as an object rather than JSON text;</li>
 * <li>2.33 pages lists with {@code limit} and {@code marker} and {@code hypervisors_links};</li>
 * <li>2.53 names hypervisors and services by uuid, moves {@code /{pattern}/search} and
 *     {@code /{pattern}/servers} into the list's {@code hypervisor_hostname_pattern} and
 *     {@code with_servers}, and refuses unknown query parameters;</li>
 * <li>2.75 shows {@code servers: []} when servers were asked for and there are none;</li>
 * <li>2.88 drops the usage fields (Placement has them), puts {@code uptime} in the detail view
 *     and retires {@code /statistics} and {@code /{id}/uptime}.</li>
 * </ul>
 * Uptime comes from the host's agent over the bus; a host that is down or does not answer
 * soon has none.
 */
public final class HypervisorApi {
    static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}";
    private static final Set<String> LIST_PARAMS_2_53 = Set.of("limit", "marker", "hypervisor_hostname_pattern",
            "with_servers");
    private static final Set<String> SHOW_PARAMS_2_53 = Set.of("with_servers");
    /** Nova's {@code [api] max_limit}. */
    private static final int MAX_LIMIT = 1000;
    private static final ListSpec PAGING = ListSpec.builder(MAX_LIMIT).build();
    private static final Duration UPTIME_WAIT = Duration.ofSeconds(5);

    private final ComputeContext ctx;
    private final CellNodes nodes;
    private final AgentClient agents;

    public HypervisorApi(ComputeContext ctx) {
        this.ctx = ctx;
        this.nodes = new CellNodes(ctx);
        this.agents = new AgentClient(ctx.bus(), ctx.settings().rpcTimeout());
    }

    public void routes(dev.overcast.core.http.Routes r) {
        r.get("/v2.1/os-hypervisors", req -> list(req, false))
                .get("/v2.1/os-hypervisors/detail", req -> list(req, true))
                .get("/v2.1/os-hypervisors/statistics", this::statistics)
                .get("/v2.1/os-hypervisors/{id}", this::show)
                .get("/v2.1/os-hypervisors/{id}/uptime", this::uptime)
                .get("/v2.1/os-hypervisors/{pattern}/search", req -> search(req, false))
                .get("/v2.1/os-hypervisors/{pattern}/servers", req -> search(req, true));
    }

    private Response list(Request req, boolean detail) {
        ctx.enforce(req, detail ? HypervisorPolicy.LIST_DETAIL : HypervisorPolicy.LIST, Map.of());
        boolean v253 = req.versionAtLeast(2, 53);
        if (v253) {
            rejectUnknown(req, LIST_PARAMS_2_53);
        }
        String pattern = v253 ? req.query("hypervisor_hostname_pattern").orElse(null) : null;
        boolean withServers = v253 && strictBool(req, "with_servers");
        boolean paged = req.versionAtLeast(2, 33);
        ListQuery paging = paged ? pagingOf(req) : null;
        List<CellNodes.Located> shown;
        String next = null;
        if (pattern != null) {
            if (pattern.isEmpty() || pattern.length() > 255) {
                throw ApiException.badRequest("Invalid input for query parameters hypervisor_hostname_pattern.");
            }
            if (req.queryParams().containsKey("limit") || paging.marker() != null) {
                throw ApiException.badRequest("Paging over hypervisors with the hypervisor_hostname_pattern query "
                        + "parameter is not supported.");
            }
            shown = nodes.search(pattern);
            if (shown.isEmpty()) {
                throw ApiException.notFound("No hypervisor matching '" + pattern + "' could be found.");
            }
        } else if (paged) {
            Page<CellNodes.Located> page = page(nodes.all(), paging, v253);
            shown = page.items();
            next = page.nextHref(req.serviceUrl() + "/v2.1/os-hypervisors" + (detail ? "/detail" : ""),
                    req.queryParams()).orElse(null);
        } else {
            shown = nodes.all();
        }
        HypervisorView view = view(req);
        Map<String, Integer> workloads = detail ? workloads(shown) : Map.of();
        Map<String, String> uptimes = detail && req.versionAtLeast(2, 88) ? uptimes(shown) : Map.of();
        ArrayNode out = Json.array();
        for (CellNodes.Located n : shown) {
            List<CellNodes.Server> servers = withServers ? nodes.servers(n) : null;
            out.add(detail ? view.detail(n, workloads.getOrDefault(n.node().uuid(), 0), uptimes.get(n.node().uuid()),
                    servers, withServers) : view.summary(n, servers, withServers));
        }
        ObjectNode body = Json.object();
        body.set("hypervisors", out);
        if (next != null) {
            body.set("hypervisors_links", Json.tree(List.of(Link.next(next))));
        }
        return Response.ok(body);
    }

    /** The {@code limit} and {@code marker} of a list; its other parameters are not paging's business. */
    private static ListQuery pagingOf(Request req) {
        Map<String, List<String>> params = new HashMap<>();
        for (String name : List.of("limit", "marker")) {
            List<String> values = req.queryParams().get(name);
            if (values != null) {
                params.put(name, values);
            }
        }
        return ListQuery.parse(params, PAGING);
    }

    /** Cuts a page after the marker: a node id before 2.53, a node uuid from 2.53. */
    private static Page<CellNodes.Located> page(List<CellNodes.Located> all, ListQuery q, boolean byUuid) {
        int start = 0;
        if (q.marker() != null) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (q.marker().equals(HypervisorView.id(all.get(i).node(), byUuid))) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiException.badRequest("marker [" + q.marker() + "] not found");
            }
        }
        int end = (int) Math.min(all.size(), (long) start + q.fetchLimit());
        return Page.of(all.subList(start, end), q, n -> HypervisorView.id(n.node(), byUuid));
    }

    private Response show(Request req) {
        boolean withServers = false;
        if (req.versionAtLeast(2, 53)) {
            rejectUnknown(req, SHOW_PARAMS_2_53);
            withServers = strictBool(req, "with_servers");
        }
        ctx.enforce(req, HypervisorPolicy.SHOW, Map.of());
        CellNodes.Located n = find(req);
        List<CellNodes.Server> servers = withServers ? nodes.servers(n) : null;
        String uptime = req.versionAtLeast(2, 88) ? uptimes(List.of(n)).get(n.node().uuid()) : null;
        ObjectNode body = Json.object();
        body.set("hypervisor", view(req).detail(n, workloads(List.of(n)).getOrDefault(n.node().uuid(), 0),
                uptime, servers, withServers));
        return Response.ok(body);
    }

    private Response uptime(Request req) {
        if (req.versionAtLeast(2, 88)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ctx.enforce(req, HypervisorPolicy.UPTIME, Map.of());
        CellNodes.Located n = find(req);
        String host = n.node().host();
        if (!n.service().isUp(ctx.clock().instant(), ctx.settings().serviceDownTime())) {
            throw ApiException.badRequest("Compute service of " + host + " is unavailable at this time.");
        }
        String uptime;
        try {
            uptime = agents.uptime(host, ctx.settings().rpcTimeout());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Compute service of " + host + " is unavailable at this time.");
        }
        ObjectNode hypervisor = view(req).summary(n, null, false);
        hypervisor.put("uptime", uptime);
        ObjectNode body = Json.object();
        body.set("hypervisor", hypervisor);
        return Response.ok(body);
    }

    private Response search(Request req, boolean withServers) {
        if (req.versionAtLeast(2, 53)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ctx.enforce(req, withServers ? HypervisorPolicy.SERVERS : HypervisorPolicy.SEARCH, Map.of());
        String pattern = req.param("pattern");
        List<CellNodes.Located> found = nodes.search(pattern);
        if (found.isEmpty()) {
            throw ApiException.notFound("No hypervisor matching '" + pattern + "' could be found.");
        }
        HypervisorView view = view(req);
        ArrayNode out = Json.array();
        for (CellNodes.Located n : found) {
            out.add(view.summary(n, withServers ? nodes.servers(n) : null, false));
        }
        ObjectNode body = Json.object();
        body.set("hypervisors", out);
        return Response.ok(body);
    }

    /** Totals over the nodes of enabled compute services, as Nova's {@code compute_node_statistics}. */
    private Response statistics(Request req) {
        if (req.versionAtLeast(2, 88)) {
            throw ApiException.notFound("The resource could not be found.");
        }
        ctx.enforce(req, HypervisorPolicy.STATISTICS, Map.of());
        List<CellNodes.Located> enabled = nodes.all().stream().filter(n -> !n.service().disabled()).toList();
        Map<String, Integer> workloads = workloads(enabled);
        long[] sums = new long[12];
        for (CellNodes.Located l : enabled) {
            ComputeNode n = l.node();
            long[] values = {1, n.vcpus(), n.memoryMb(), n.localGb(), n.vcpusUsed(), n.memoryMbUsed(), n.localGbUsed(),
                    n.freeRamMb(), n.freeDiskGb(), workloads.getOrDefault(n.uuid(), 0), n.runningVms(), n.freeDiskGb()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += values[i];
            }
        }
        String[] names = {"count", "vcpus", "memory_mb", "local_gb", "vcpus_used", "memory_mb_used", "local_gb_used",
                "free_ram_mb", "free_disk_gb", "current_workload", "running_vms", "disk_available_least"};
        ObjectNode stats = Json.object();
        for (int i = 0; i < names.length; i++) {
            stats.put(names[i], sums[i]);
        }
        ObjectNode body = Json.object();
        body.set("hypervisor_statistics", stats);
        return Response.ok(body);
    }

    private HypervisorView view(Request req) {
        return new HypervisorView(req, ctx.clock().instant(), ctx.settings().serviceDownTime());
    }

    /** The node a path's id names: an integer before 2.53 (else 404), a uuid from 2.53 (else 400). */
    private CellNodes.Located find(Request req) {
        String id = req.param("id");
        String notFound = "Hypervisor with ID '" + id + "' could not be found.";
        if (req.versionAtLeast(2, 53)) {
            if (!id.matches(UUID_PATTERN)) {
                throw ApiException.badRequest("Invalid uuid " + id);
            }
            return nodes.byUuid(canonical(id)).orElseThrow(() -> ApiException.notFound(notFound));
        }
        long number;
        try {
            number = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound(notFound);
        }
        return nodes.byId(number).orElseThrow(() -> ApiException.notFound(notFound));
    }

    private Map<String, Integer> workloads(List<CellNodes.Located> shown) {
        Map<String, List<ComputeNode>> byCell = new HashMap<>();
        Map<String, dev.overcast.compute.cells.CellMapping> cells = new HashMap<>();
        for (CellNodes.Located n : shown) {
            byCell.computeIfAbsent(n.cell().uuid(), k -> new ArrayList<>()).add(n.node());
            cells.put(n.cell().uuid(), n.cell());
        }
        Map<String, Integer> out = new HashMap<>();
        byCell.forEach((cell, list) -> out.putAll(nodes.workloads(cells.get(cell), list)));
        return out;
    }

    /**
     * Each node's host uptime, asked of the agents at the same time; null for a host that is
     * down or does not answer within a few seconds (Nova shows none for such hosts either).
     */
    private Map<String, String> uptimes(List<CellNodes.Located> shown) {
        Map<String, String> out = new HashMap<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<String>> asked = new HashMap<>();
            for (CellNodes.Located n : shown) {
                if (n.service().isUp(ctx.clock().instant(), ctx.settings().serviceDownTime())) {
                    String host = n.node().host();
                    asked.put(n.node().uuid(), executor.submit(() -> agents.uptime(host, UPTIME_WAIT)));
                }
            }
            asked.forEach((uuid, future) -> {
                try {
                    out.put(uuid, future.get());
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    // No answer: no uptime.
                }
            });
        }
        return out;
    }

    private static void rejectUnknown(Request req, Set<String> allowed) {
        for (String param : req.queryParams().keySet()) {
            if (!allowed.contains(param)) {
                throw ApiException.badRequest("Invalid input for query parameters " + param
                        + ". Additional properties are not allowed ('" + param + "' was unexpected)");
            }
        }
    }

    /** oslo's strict {@code bool_from_string}: absent is false, anything not a boolean word a 400. */
    private static boolean strictBool(Request req, String name) {
        String value = req.query(name).orElse(null);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "on", "y", "yes" -> true;
            case "0", "f", "false", "off", "n", "no" -> false;
            default -> throw ApiException.badRequest("Invalid input for query parameters " + name + ". Value: "
                    + value + ". '" + value + "' is not one of the accepted boolean values");
        };
    }

    private static String canonical(String uuid) {
        String hex = uuid.replace("-", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
