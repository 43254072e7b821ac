package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.stacks.EventRow;
import dev.overcast.orchestration.stacks.StackRow;

/** Events of a stack and of one of its resources, with Heat's filters, sort keys and paging. */
final class EventApi {
    private static final List<String> SORT_KEYS = List.of("event_time", "resource_type", "created_at",
            "resource_action", "resource_status", "resource_name");
    private final ApiContext ctx;

    EventApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        String base = "/v1/{tenant_id}/stacks/{stack_name}/{stack_id}";
        r.get(base + "/events", ApiContext.guarded(req -> list(req, null)))
                .get(base + "/resources/{resource_name}/events",
                        ApiContext.guarded(req -> list(req, req.param("resource_name"))))
                .get(base + "/resources/{resource_name}/events/{event_id}", ApiContext.guarded(this::show));
    }

    private Response list(Request req, String resource) {
        ctx.enforce(req, "events:index");
        StackRow s = StackLookup.require(req, ctx.store());
        Map<String, StackRow> stacks = new LinkedHashMap<>();
        collect(s, resource == null ? depth(req) : 0, stacks);
        List<EventRow> events = new ArrayList<>();
        stacks.keySet().forEach(id -> events.addAll(ctx.store().events(id)));
        if (resource != null && events.stream().noneMatch(e -> e.resourceName().equals(resource))) {
            throw HeatError.notFound("Resource", resource);
        }
        List<EventRow> kept = new ArrayList<>();
        for (EventRow e : events) {
            if ((resource == null || e.resourceName().equals(resource))
                    && Paging.matches(req, "resource_name", e.resourceName())
                    && Paging.matches(req, "resource_type", e.resourceType())
                    && Paging.matches(req, "resource_action", e.action())
                    && (Paging.matches(req, "resource_status", e.status())
                    || Paging.matches(req, "resource_status", e.resourceStatus()))) {
                kept.add(e);
            }
        }
        String key = req.query("sort_keys").orElse("event_time");
        if (!SORT_KEYS.contains(key)) {
            throw HeatError.badRequest("Sortkey '" + key + "' is not supported.");
        }
        Comparator<EventRow> bySeq = Comparator.comparingLong(EventRow::seq);
        Comparator<EventRow> order = switch (key) {
            case "resource_type" -> Comparator.comparing(EventRow::resourceType).thenComparing(bySeq);
            case "resource_action" -> Comparator.comparing(EventRow::action).thenComparing(bySeq);
            case "resource_status" -> Comparator.comparing(EventRow::status).thenComparing(bySeq);
            case "resource_name" -> Comparator.comparing(EventRow::resourceName).thenComparing(bySeq);
            default -> bySeq;
        };
        List<EventRow> sorted = new ArrayList<>(kept);
        String dir = req.query("sort_dir").orElse("asc");
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw HeatError.badRequest("Unknown sort direction, must be one of: asc, desc");
        }
        sorted.sort(dir.equals("asc") ? order : order.reversed());
        List<Map<String, Object>> out = Paging.page(sorted, EventRow::id, req).stream()
                .map(e -> view(req, stacks.get(e.stackId()), e)).toList();
        return Response.ok(Map.of("events", out));
    }

    private static int depth(Request req) {
        try {
            int depth = Integer.parseInt(req.query("nested_depth").orElse("0"));
            if (depth < 0) {
                throw new NumberFormatException();
            }
            return depth;
        } catch (NumberFormatException e) {
            throw HeatError.badRequest("Only integer is acceptable by 'nested_depth'.");
        }
    }

    /** The stack and its nested stacks down to {@code depth} levels, by id. */
    private void collect(StackRow s, int depth, Map<String, StackRow> out) {
        out.put(s.id(), s);
        if (depth > 0) {
            ctx.store().children(s.id()).forEach(c -> collect(c, depth - 1, out));
        }
    }

    private Response show(Request req) {
        ctx.enforce(req, "events:show");
        StackRow s = StackLookup.require(req, ctx.store());
        String resource = req.param("resource_name");
        String id = req.param("event_id");
        EventRow e = ctx.store().events(s.id()).stream()
                .filter(x -> x.id().equals(id) && x.resourceName().equals(resource)).findFirst()
                .orElseThrow(() -> HeatError.notFound("Event", id));
        Map<String, Object> v = view(req, s, e);
        v.put("resource_type", e.resourceType());
        v.put("resource_properties", Map.of());
        return Response.ok(Map.of("event", v));
    }

    private static Map<String, Object> view(Request req, StackRow s, EventRow e) {
        String stackUrl = StackViews.self(req, s);
        String resourceUrl = stackUrl + "/resources/" + e.resourceName();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id());
        v.put("event_time", ApiContext.time(e.createdAt()));
        v.put("resource_name", e.resourceName());
        v.put("logical_resource_id", e.resourceName());
        v.put("physical_resource_id", e.physicalId() == null ? "" : e.physicalId());
        v.put("resource_status", e.resourceStatus());
        v.put("resource_status_reason", e.statusReason());
        v.put("links", List.of(Map.of("href", resourceUrl + "/events/" + e.id(), "rel", "self"),
                Map.of("href", resourceUrl, "rel", "resource"), Map.of("href", stackUrl, "rel", "stack")));
        return v;
    }
}
