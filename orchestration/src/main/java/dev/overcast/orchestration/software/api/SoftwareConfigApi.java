package dev.overcast.orchestration.software.api;

import dev.overcast.orchestration.software.SoftwareIo;
import dev.overcast.orchestration.software.SoftwareConfigRow;
import dev.overcast.orchestration.software.SoftwareStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.api.ApiContext;
import dev.overcast.orchestration.api.Paging;

/**
 * {@code /software_configs}: create, list (limit and marker), show, delete. As in Heat, an admin
 * sees every project's configs (the list then names each one's project); anyone else sees only
 * the project's own, and another project's config is a 404.
 */
final class SoftwareConfigApi {
    static final String DEFAULT_GROUP = "Heat::Ungrouped";
    private final ApiContext ctx;
    private final SoftwareStore store;

    SoftwareConfigApi(ApiContext ctx, SoftwareStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void routes(Routes r) {
        String base = "/v1/{tenant_id}/software_configs";
        r.post(base, this::create)
                .get(base, this::list)
                .get(base + "/{config_id}", this::show)
                .delete(base + "/{config_id}", this::delete);
    }

    private Response create(Request req) {
        ctx.enforce(req, "software_configs:create");
        Body body = Body.of(req.json());
        String group = body.string("group");
        List<Map<String, Object>> inputs;
        List<Map<String, Object>> outputs;
        try {
            inputs = SoftwareIo.inputs(body.any("inputs"));
            outputs = SoftwareIo.outputs(body.any("outputs"));
        } catch (IllegalArgumentException e) {
            throw HeatError.badRequest(e.getMessage());
        }
        SoftwareConfigRow row = new SoftwareConfigRow(UUID.randomUUID().toString(), body.string("name"),
                group == null || group.isEmpty() ? DEFAULT_GROUP : group, body.any("config"), inputs, outputs,
                body.map("options"), req.param("tenant_id"), ctx.clock().instant());
        store.insertConfig(row);
        return Response.ok(Map.of("software_config", view(row, true, false)));
    }

    private Response list(Request req) {
        AuthContext auth = ctx.enforce(req, "software_configs:index");
        String tenant = req.param("tenant_id");
        boolean global = req.query("global_tenant").map(v -> bool("global_tenant", v)).orElse(false);
        if (global) {
            ctx.enforce(req, "software_configs:global_index");
        }
        boolean admin = ctx.allowed(auth, "context_is_admin", tenant);
        List<SoftwareConfigRow> rows = store.configs(global || admin ? null : tenant);
        List<Map<String, Object>> out = Paging.page(rows, SoftwareConfigRow::id, req).stream()
                .map(c -> view(c, false, global || admin)).toList();
        return Response.ok(Map.of("software_configs", out));
    }

    private Response show(Request req) {
        AuthContext auth = ctx.enforce(req, "software_configs:show");
        SoftwareConfigRow c = require(ctx, store, auth, req.param("tenant_id"), req.param("config_id"));
        return Response.ok(Map.of("software_config", view(c, true, false)));
    }

    private Response delete(Request req) {
        AuthContext auth = ctx.enforce(req, "software_configs:delete");
        SoftwareConfigRow c = require(ctx, store, auth, req.param("tenant_id"), req.param("config_id"));
        return switch (store.deleteConfig(c.id())) {
            case DELETED -> Response.noContent();
            case MISSING -> throw notFound(c.id());
            case IN_USE -> throw new HeatError(400, "InvalidRestrictedAction", "Software config with id " + c.id()
                    + " can not be deleted as it is referenced.");
        };
    }

    /**
     * @return the config, if the caller may see it: it is the project's, or the caller is an admin
     * @throws HeatError 404 otherwise, as Heat's NotFound
     */
    static SoftwareConfigRow require(ApiContext ctx, SoftwareStore store, AuthContext auth, String tenant, String id) {
        return store.config(id)
                .filter(c -> c.projectId().equals(tenant) || ctx.allowed(auth, "context_is_admin", tenant))
                .orElseThrow(() -> notFound(id));
    }

    private static HeatError notFound(String id) {
        return new HeatError(404, "NotFound", "Software config with id " + id + " not found");
    }

    /** Heat's view of a config: the summary, with the config itself when {@code detail}. */
    static Map<String, Object> view(SoftwareConfigRow c, boolean detail, boolean withProject) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("name", c.name());
        v.put("group", c.group());
        v.put("creation_time", ApiContext.time(c.createdAt()));
        if (detail) {
            v.put("config", c.config());
            v.put("inputs", c.inputs());
            v.put("outputs", c.outputs());
            v.put("options", c.options());
        }
        if (withProject) {
            v.put("project", c.projectId());
        }
        return v;
    }

    private static boolean bool(String name, String value) {
        try {
            return SoftwareIo.bool(value);
        } catch (IllegalArgumentException e) {
            throw HeatError.badRequest(e.getMessage() + " (" + name + ")");
        }
    }
}
