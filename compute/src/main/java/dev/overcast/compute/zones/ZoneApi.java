package dev.overcast.compute.zones;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.aggregates.AggregateStore;
import dev.overcast.compute.aggregates.NovaTime;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /os-availability-zone}: the zones users may boot into, and for admins
 * ({@code /detail}) their hosts and services, the internal zone of the conductors and schedulers
 * among them. Zones come from the services of every cell and the zones of their hosts'
 * aggregates, read afresh on each request.
 */
public final class ZoneApi {
    private final ComputeContext ctx;
    private final AvailabilityZones zones;

    public ZoneApi(ComputeContext ctx) {
        this(ctx, new AggregateStore(ctx));
    }

    public ZoneApi(ComputeContext ctx, AggregateStore aggregates) {
        this.ctx = ctx;
        this.zones = new AvailabilityZones(ctx, aggregates);
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-availability-zone", this::list)
                .get("/v2.1/os-availability-zone/detail", this::detail);
    }

    /** Every zone but the internal one, without hosts. */
    private Response list(Request req) {
        ctx.enforce(req, ZonePolicy.LIST, Map.of());
        Zones zones = this.zones.current();
        ObjectNode out = Json.object();
        ArrayNode info = out.putArray("availabilityZoneInfo");
        addWithoutHosts(info, zones.available(), true, true);
        addWithoutHosts(info, zones.notAvailable(), false, true);
        return Response.ok(out);
    }

    private Response detail(Request req) {
        ctx.enforce(req, ZonePolicy.DETAIL, Map.of());
        Zones zones = this.zones.current();
        Instant now = ctx.clock().instant();
        ObjectNode out = Json.object();
        ArrayNode info = out.putArray("availabilityZoneInfo");
        for (String zone : zones.available()) {
            ObjectNode z = info.addObject();
            z.put("zoneName", zone);
            z.putObject("zoneState").put("available", true);
            ObjectNode hosts = z.putObject("hosts");
            zones.enabledByHost(zone).forEach((host, list) -> {
                ObjectNode byBinary = hosts.putObject(host);
                for (ServiceRecord s : list) {
                    byBinary.putObject(s.binary())
                            .put("available", s.isUp(now, ctx.settings().serviceDownTime()))
                            .put("active", !s.disabled())
                            .put("updated_at", NovaTime.format(s.updatedAt()));
                }
            });
        }
        addWithoutHosts(info, zones.notAvailable(), false, false);
        return Response.ok(out);
    }

    private static void addWithoutHosts(ArrayNode info, List<String> names, boolean available, boolean hideInternal) {
        for (String zone : names) {
            if (hideInternal && zone.equals(Zones.INTERNAL)) {
                continue;
            }
            ObjectNode z = info.addObject();
            z.put("zoneName", zone);
            z.putObject("zoneState").put("available", available);
            z.putNull("hosts");
        }
    }
}
