package dev.overcast.compute.servers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.actions.InstanceAction;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /servers/{id}/os-instance-actions}: what was done to a server, and how each step went. */
final class InstanceActionApi {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final ComputeContext ctx;
    private final ServerLookup lookup;

    InstanceActionApi(ComputeContext ctx, ServerLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    void routes(Routes r) {
        r.get("/v2.1/servers/{id}/os-instance-actions", this::list);
        r.get("/v2.1/servers/{id}/os-instance-actions/{request_id}", this::show);
    }

    /** The server, deleted ones too from 2.21, if the caller may see it. */
    private ServerRecord server(Request req, String rule) {
        String uuid = req.param("id");
        ServerRecord s = lookup.find(uuid).filter(r -> lookup.visible(req, r.instance()))
                .filter(r -> !r.instance().deleted() || req.versionAtLeast(2, 21))
                .orElseThrow(() -> ServerLookup.notFound(uuid));
        ctx.enforce(req, rule, Map.of("project_id", s.instance().projectId()));
        return s;
    }

    private Response list(Request req) {
        ServerRecord s = server(req, "os_compute_api:os-instance-actions:list");
        List<InstanceAction> actions = s.cell() == null ? List.of()
                : new ActionStore(ctx.cells().db(s.cell())).list(s.uuid());
        ObjectNode body = Json.object();
        ArrayNode out = body.putArray("instanceActions");
        for (InstanceAction a : actions) {
            out.add(action(req, a));
        }
        return Response.ok(body);
    }

    private Response show(Request req) {
        ServerRecord s = server(req, "os_compute_api:os-instance-actions:show");
        String requestId = req.param("request_id");
        InstanceAction a = (s.cell() == null ? java.util.Optional.<InstanceAction>empty()
                : new ActionStore(ctx.cells().db(s.cell())).find(s.uuid(), requestId))
                .orElseThrow(() -> ApiException.notFound("Action " + requestId + " not found"));
        ObjectNode action = action(req, a);
        Map<String, Object> target = Map.of("project_id", s.instance().projectId());
        boolean events = req.versionAtLeast(2, 51) || ctx.allows(req, "os_compute_api:os-instance-actions:events",
                target);
        if (events) {
            boolean admin = ctx.allows(req, "os_compute_api:os-instance-actions:events", target);
            boolean details = ctx.allows(req, "os_compute_api:os-instance-actions:events:details", target);
            ArrayNode list = action.putArray("events");
            for (InstanceAction.Event e : a.events()) {
                ObjectNode ev = list.addObject();
                ev.put("event", e.event());
                ev.put("start_time", time(e.startTime()));
                ev.put("finish_time", time(e.finishTime()));
                ev.put("result", e.result());
                if (admin) {
                    ev.put("traceback", e.traceback());
                }
                if (req.versionAtLeast(2, 62)) {
                    ev.put("hostId", e.host() == null ? "" : ServerView.hostId(s.instance().projectId(), e.host()));
                    if (admin) {
                        ev.put("host", e.host());
                    }
                }
                if (req.versionAtLeast(2, 84) && details) {
                    ev.put("details", e.details());
                }
            }
        }
        return Response.ok(Map.of("instanceAction", action));
    }

    private static ObjectNode action(Request req, InstanceAction a) {
        ObjectNode o = Json.object();
        o.put("action", a.action());
        o.put("instance_uuid", a.instanceUuid());
        o.put("message", a.message());
        o.put("project_id", a.projectId());
        o.put("request_id", a.requestId());
        o.put("start_time", time(a.startTime()));
        o.put("user_id", a.userId());
        if (req.versionAtLeast(2, 58)) {
            o.put("updated_at", time(a.updatedAt()));
        }
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }
}
