package dev.overcast.compute.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /os-server-external-events}: Neutron and Cinder telling Compute that something
 * happened to a server's port or volume. Each event is answered on its own, as Nova does:
 * <ul>
 * <li>404 when no cell has the server (found through its instance mapping);</li>
 * <li>400 when an event that names a device ({@code volume-extended}, {@code power-update},
 *     {@code accelerator-request-bound}, {@code volume-reimaged}) comes without a tag;</li>
 * <li>422 when the server has no host yet, so there is nowhere to deliver it;</li>
 * <li>200 ({@code completed}) otherwise, and the event goes to the server's host.</li>
 * </ul>
 * The answer is 200 when every event was accepted and 207 otherwise. As in Nova, a server's
 * row is found whether or not the server was deleted. The names accepted grow with the
 * microversion: {@code volume-extended} from 2.51, {@code power-update} from 2.76,
 * {@code accelerator-request-bound} from 2.82, {@code volume-reimaged} from 2.93.
 */
public final class ExternalEventApi {
    private static final Logger log = LoggerFactory.getLogger(ExternalEventApi.class);
    private static final Set<String> TAG_REQUIRED = Set.of("volume-extended", "power-update",
            "accelerator-request-bound", "volume-reimaged");

    private final ComputeContext ctx;
    private final InstanceEventSink sink;

    /** Events are answered but go nowhere: nothing on Overcast's hosts waits for one yet. */
    public ExternalEventApi(ComputeContext ctx) {
        this(ctx, InstanceEventSink.NONE);
    }

    /** @param sink where accepted events go */
    public ExternalEventApi(ComputeContext ctx, InstanceEventSink sink) {
        this.ctx = ctx;
        this.sink = sink;
    }

    public void routes(Routes r) {
        r.post("/v2.1/os-server-external-events", this::create);
    }

    /** Where a server lives: its cell and host (null before it is scheduled). */
    private record Location(CellMapping cell, String host) {
    }

    private Response create(Request req) {
        JsonNode body = ctx.schemas().validateObject(schema(req), req.json());
        ctx.enforce(req, AdminPolicy.EXTERNAL_EVENTS_CREATE, Map.of());
        Set<String> uuids = new LinkedHashSet<>();
        body.get("events").forEach(e -> uuids.add(e.get("server_uuid").asString()));
        Map<String, Location> found = locate(uuids);

        ArrayNode answered = Json.array();
        Map<Location, List<InstanceEventSink.InstanceEvent>> accepted = new LinkedHashMap<>();
        boolean all = true;
        for (JsonNode in : body.get("events")) {
            ObjectNode event = ((ObjectNode) in).deepCopy();
            answered.add(event);
            String uuid = in.get("server_uuid").asString();
            String name = in.get("name").asString();
            String tag = in.has("tag") ? in.get("tag").asString() : null;
            Location where = found.get(uuid);
            int code;
            if (where == null) {
                log.debug("Dropping event {}:{} for unknown instance {}", name, tag, uuid);
                code = 404;
            } else if (tag == null && TAG_REQUIRED.contains(name)) {
                log.debug("Event tag is missing for instance {}. Dropping event {}", uuid, name);
                code = 400;
            } else if (where.host() == null || where.host().isEmpty()) {
                log.debug("Unable to find a host for instance {}. Dropping event {}", uuid, name);
                code = 422;
            } else {
                code = 200;
                String status = in.has("status") ? in.get("status").asString() : "completed";
                accepted.computeIfAbsent(where, w -> new ArrayList<>())
                        .add(new InstanceEventSink.InstanceEvent(uuid, name, status, tag));
                log.info("Creating event {}:{} for instance {} on {}", name, tag, uuid, where.host());
            }
            event.put("status", code == 200 ? "completed" : "failed");
            event.put("code", code);
            all &= code == 200;
        }
        accepted.forEach((where, events) -> sink.deliver(where.cell().uuid(), where.host(), events));
        ObjectNode out = Json.object();
        out.set("events", answered);
        return Response.status(all ? 200 : 207, out);
    }

    private static String schema(Request req) {
        if (req.versionAtLeast(2, 93)) {
            return "server_external_events_v2_93";
        }
        if (req.versionAtLeast(2, 82)) {
            return "server_external_events_v2_82";
        }
        if (req.versionAtLeast(2, 76)) {
            return "server_external_events_v2_76";
        }
        return req.versionAtLeast(2, 51) ? "server_external_events_v2_51" : "server_external_events_v2_1";
    }

    /** The servers' cells from their mappings, then their rows in those cells, deleted or not. */
    private Map<String, Location> locate(Set<String> uuids) {
        Map<Long, List<String>> byCell = new HashMap<>();
        ctx.api().useHandle(h -> h.createQuery("select instance_uuid, cell_id from instance_mappings "
                        + "where instance_uuid in (<uuids>) and cell_id is not null")
                .bindList("uuids", List.copyOf(uuids))
                .map((rs, c) -> Map.entry(rs.getLong("cell_id"), rs.getString("instance_uuid")))
                .forEach(e -> byCell.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        Map<String, Location> out = new HashMap<>();
        byCell.forEach((cellId, inCell) -> ctx.cells().byId(cellId).ifPresent(cell ->
                ctx.cells().db(cell).useHandle(h -> h.createQuery(
                                "select uuid, host from instances where uuid in (<uuids>)")
                        .bindList("uuids", inCell)
                        .map((rs, c) -> Map.entry(rs.getString("uuid"), new Location(cell, rs.getString("host"))))
                        .forEach(e -> out.put(e.getKey(), e.getValue())))));
        return out;
    }
}
