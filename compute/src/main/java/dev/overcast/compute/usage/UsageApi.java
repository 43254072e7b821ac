package dev.overcast.compute.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.aggregates.NovaTime;
import dev.overcast.compute.groups.QueryParams;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.core.listing.Link;
import dev.overcast.core.listing.Page;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-simple-tenant-usage}: how much each project used over a window
 * ({@code start}, {@code end}; now for either when left out, and the end never later than now),
 * from the instances of every cell. The list is every project's (admins; per server with
 * {@code detailed=1}), {@code /{tenant_id}} one project's, per server. From 2.40 both page over
 * instances with {@code limit} and {@code marker} and link the next page in
 * {@code tenant_usages_links} ({@code tenant_usage_links}); from 2.75 unknown query parameters
 * are a 400, and the one-project form takes no {@code detailed}.
 */
public final class UsageApi {
    /** Nova's {@code [api] max_limit}. */
    static final int MAX_LIMIT = 1000;

    private final ComputeContext ctx;
    private final UsageReader reader;

    public UsageApi(ComputeContext ctx) {
        this.ctx = ctx;
        this.reader = new UsageReader(ctx.cells());
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-simple-tenant-usage", this::list)
                .get("/v2.1/os-simple-tenant-usage/{tenant_id}", this::show);
    }

    /** The window and paging of one request. */
    private record Query(Instant start, Instant stop, boolean detailed, int limit, String marker) {
    }

    private Response list(Request req) {
        ctx.enforce(req, UsagePolicy.LIST, Map.of());
        Query q = query(req, true);
        Page<UsageInstance> page = read(q, null);
        ObjectNode out = Json.object();
        var list = out.putArray("tenant_usages");
        Instant now = ctx.clock().instant();
        for (Usage.TenantUsage usage : Usage.of(page.items(), q.start(), q.stop(), now)) {
            list.add(view(usage, q.detailed()));
        }
        links(req, out, "tenant_usages_links", page, "/os-simple-tenant-usage");
        return Response.ok(out);
    }

    private Response show(Request req) {
        String tenant = req.param("tenant_id");
        ctx.enforce(req, UsagePolicy.SHOW, Map.of("project_id", tenant));
        Query q = query(req, false);
        Page<UsageInstance> page = read(q, tenant);
        List<Usage.TenantUsage> usages = Usage.of(page.items(), q.start(), q.stop(), ctx.clock().instant());
        ObjectNode out = Json.object();
        out.set("tenant_usage", usages.isEmpty() ? Json.object() : view(usages.getFirst(), true));
        links(req, out, "tenant_usage_links", page, "/os-simple-tenant-usage/" + tenant);
        return Response.ok(out);
    }

    private Page<UsageInstance> read(Query q, String projectId) {
        if (q.limit() == 0) {
            return Page.of(reader.read(q.start(), q.stop(), projectId, 0, q.marker()), Integer.MAX_VALUE,
                    UsageInstance::uuid);
        }
        return Page.of(reader.read(q.start(), q.stop(), projectId, q.limit() + 1, q.marker()), q.limit(),
                UsageInstance::uuid);
    }

    /** The next page's link, from 2.40, when there are more instances. */
    private static void links(Request req, ObjectNode out, String key, Page<UsageInstance> page, String path) {
        if (!req.versionAtLeast(2, 40)) {
            return;
        }
        List<Link> links = page.links(req.serviceUrl() + "/v2.1" + path, req.queryParams());
        if (!links.isEmpty()) {
            out.set(key, Json.tree(links));
        }
    }

    private Query query(Request req, boolean list) {
        boolean paging = req.versionAtLeast(2, 40);
        Set<String> known = list
                ? paging ? Set.of("start", "end", "detailed", "limit", "marker") : Set.of("start", "end", "detailed")
                : paging ? Set.of("start", "end", "limit", "marker") : Set.of("start", "end");
        QueryParams.rejectUnknown(req, known);
        Instant now = ctx.clock().instant().truncatedTo(ChronoUnit.MICROS);
        String startText = first(req, "start");
        String endText = first(req, "end");
        Instant start = startText == null ? now : parse(startText);
        Instant stop = endText == null ? now : parse(endText);
        // Nova reads "now" twice, so a request with neither bound is an empty window, not an error.
        boolean bothNow = startText == null && endText == null;
        if (!start.isBefore(stop) && !bothNow) {
            throw ApiException.badRequest("Invalid start time. The start time cannot occur after the end time.");
        }
        if (stop.isAfter(now)) {
            stop = now;
        }
        boolean detailed = "1".equals(first(req, "detailed"));
        int limit = MAX_LIMIT;
        String marker = null;
        if (paging) {
            Integer asked = QueryParams.nonNegative(req, "limit");
            limit = asked == null ? MAX_LIMIT : Math.min(asked, MAX_LIMIT);
            marker = req.query("marker").orElse(null);
        }
        return new Query(start, stop, detailed, limit, marker);
    }

    /** The first value of a parameter, as Nova reads these ones. */
    private static String first(Request req, String name) {
        List<String> values = req.queryParams().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static Instant parse(String text) {
        return NovaTime.parse(text).orElseThrow(() ->
                ApiException.badRequest("Invalid datetime string: Datetime is in invalid format"));
    }

    private static ObjectNode view(Usage.TenantUsage usage, boolean detailed) {
        ObjectNode out = Json.object();
        out.put("tenant_id", usage.projectId());
        if (detailed) {
            var servers = out.putArray("server_usages");
            for (Usage.ServerUsage s : usage.servers()) {
                UsageInstance i = s.instance();
                ObjectNode server = servers.addObject();
                server.put("ended_at", NovaTime.format(i.terminatedAt()));
                server.put("flavor", i.flavorName());
                server.put("hours", s.hours());
                server.put("instance_id", i.uuid());
                server.put("local_gb", i.localGb());
                server.put("memory_mb", i.memoryMb());
                server.put("name", i.name());
                server.put("started_at", NovaTime.format(i.launchedAt()));
                server.put("state", s.state());
                server.put("tenant_id", i.projectId());
                server.put("uptime", s.uptimeSeconds());
                server.put("vcpus", i.vcpus());
            }
        }
        out.put("start", NovaTime.format(usage.start()));
        out.put("stop", NovaTime.format(usage.stop()));
        out.put("total_hours", usage.totalHours());
        out.put("total_local_gb_usage", usage.totalLocalGbUsage());
        out.put("total_memory_mb_usage", usage.totalMemoryMbUsage());
        out.put("total_vcpus_usage", usage.totalVcpusUsage());
        return out;
    }
}
