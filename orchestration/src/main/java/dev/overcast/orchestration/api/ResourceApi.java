package dev.overcast.orchestration.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.engine.StackContext;
import dev.overcast.orchestration.resources.ResourceState;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;

/**
 * A stack's resources: list (with Heat's filters and {@code nested_depth}), show, metadata; signal and
 * mark unhealthy ({@link ResourceActions}).
 */
final class ResourceApi {
    private final ApiContext ctx;
    private final ResourceActions actions;

    ResourceApi(ApiContext ctx) {
        this.ctx = ctx;
        this.actions = new ResourceActions(ctx);
    }

    void routes(Routes r) {
        String base = "/v1/{tenant_id}/stacks/{stack_name}/{stack_id}/resources";
        r.get(base, ApiContext.guarded(this::list))
                .get(base + "/{resource_name}", ApiContext.guarded(this::show))
                .get(base + "/{resource_name}/metadata", ApiContext.guarded(this::metadata))
                .post(base + "/{resource_name}/signal", actions::signal)
                .patch(base + "/{resource_name}", actions::markUnhealthy);
    }

    private Response list(Request req) {
        ctx.enforce(req, "resource:index");
        StackRow s = StackLookup.require(req, ctx.store());
        int depth = 0;
        if (req.query("nested_depth").isPresent()) {
            try {
                depth = Integer.parseInt(req.query("nested_depth").get());
                if (depth < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw HeatError.badRequest("Only integer is acceptable by 'nested_depth'.");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        list(req, s, parentResource(s), depth, out);
        return Response.ok(Map.of("resources", out));
    }

    /** The stack's resources, then (while {@code depth} lasts) its nested stacks' with their parent resource. */
    private void list(Request req, StackRow s, String parentResource, int depth, List<Map<String, Object>> out) {
        List<ResourceRow> rows = ctx.store().resources(s.id());
        Map<String, StackRow> children = children(s);
        Map<String, List<String>> requiredBy = StackViews.requiredBy(rows);
        boolean detail = req.flag("with_detail");
        StackContext context = new StackContext(ctx.types().forStack(s), rows);
        for (ResourceRow row : rows) {
            if (Paging.matches(req, "name", row.name()) && Paging.matches(req, "type", row.type())
                    && Paging.matches(req, "action", row.action()) && (Paging.matches(req, "status", row.status())
                    || Paging.matches(req, "status", row.resourceStatus()))
                    && Paging.matches(req, "id", row.id())
                    && Paging.matches(req, "physical_resource_id", String.valueOf(row.physicalId()))) {
                Map<String, Object> v = view(req, s, row, requiredBy.get(row.name()), children.get(row.physicalId()));
                if (parentResource != null) {
                    v.put("parent_resource", parentResource);
                }
                if (detail) {
                    v.put("attributes", context.allAttributes(row.name()));
                }
                out.add(v);
            }
        }
        if (depth > 0) {
            for (ResourceRow row : rows) {
                StackRow child = children.get(row.physicalId());
                if (child != null) {
                    list(req, child, row.name(), depth - 1, out);
                }
            }
        }
    }

    /** @return the name of the resource that owns the stack (a nested stack), or null */
    private String parentResource(StackRow s) {
        if (s.ownerId() == null) {
            return null;
        }
        return ctx.store().resources(s.ownerId()).stream().filter(r -> s.id().equals(r.physicalId()))
                .map(ResourceRow::name).findFirst().orElse(null);
    }

    /** @return the stack's nested stacks by id */
    private Map<String, StackRow> children(StackRow s) {
        Map<String, StackRow> out = new LinkedHashMap<>();
        ctx.store().children(s.id()).forEach(c -> out.put(c.id(), c));
        return out;
    }

    private Response show(Request req) {
        ctx.enforce(req, "resource:show");
        StackRow s = StackLookup.require(req, ctx.store());
        ResourceRow row = find(req, s);
        List<ResourceRow> rows = ctx.store().resources(s.id());
        Map<String, Object> v = view(req, s, row, StackViews.requiredBy(rows).get(row.name()),
                children(s).get(row.physicalId()));
        StackContext context = new StackContext(ctx.types().forStack(s), rows);
        String parent = parentResource(s);
        if (parent != null) {
            v.put("parent_resource", parent);
        }
        v.put("attributes", context.allAttributes(row.name()));
        v.put("description", "");
        return Response.ok(Map.of("resource", v));
    }

    private Response metadata(Request req) {
        ctx.enforce(req, "resource:metadata");
        StackRow s = StackLookup.require(req, ctx.store());
        ResourceRow row = find(req, s);
        Map<String, Object> metadata = ctx.types().find(row.type())
                .map(p -> p.metadata(ResourceState.of(row), row.metadata())).orElse(row.metadata());
        return Response.ok(Map.of("metadata", metadata));
    }

    private ResourceRow find(Request req, StackRow s) {
        String name = req.param("resource_name");
        return ctx.store().resources(s.id()).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> HeatError.notFound("Resource", name));
    }

    /** @param nested the stack the resource owns, or null */
    static Map<String, Object> view(Request req, StackRow s, ResourceRow row, List<String> requiredBy,
            StackRow nested) {
        String stackUrl = StackViews.self(req, s);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("resource_name", row.name());
        v.put("logical_resource_id", row.name());
        v.put("physical_resource_id", row.physicalId() == null ? "" : row.physicalId());
        v.put("resource_type", row.type());
        v.put("resource_status", row.resourceStatus());
        v.put("resource_status_reason", row.statusReason());
        v.put("creation_time", ApiContext.time(row.createdAt()));
        v.put("updated_time", ApiContext.time(row.updatedAt() == null ? row.createdAt() : row.updatedAt()));
        v.put("required_by", requiredBy == null ? List.of() : requiredBy);
        List<Map<String, Object>> links = new ArrayList<>(List.of(
                Map.of("href", stackUrl + "/resources/" + row.name(), "rel", "self"),
                Map.of("href", stackUrl, "rel", "stack")));
        if (nested != null) {
            links.add(Map.of("href", StackViews.self(req, nested), "rel", "nested"));
        }
        v.put("links", links);
        return v;
    }
}
