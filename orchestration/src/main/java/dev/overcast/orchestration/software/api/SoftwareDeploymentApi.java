package dev.overcast.orchestration.software.api;

import dev.overcast.orchestration.software.SoftwareDeploymentRow;
import dev.overcast.orchestration.software.SoftwareConfigRow;
import dev.overcast.orchestration.software.SoftwareStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.api.ApiContext;

/**
 * {@code /software_deployments}: create, list (by server), show, update, delete, and a server's
 * metadata: the configs deployed to it, ordered by config name, which is what a server's agent
 * polls. A deployment is seen by its project and by its stack users' project; admins see any
 * one by id, as in Heat.
 */
final class SoftwareDeploymentApi {
    private final ApiContext ctx;
    private final SoftwareStore store;

    SoftwareDeploymentApi(ApiContext ctx, SoftwareStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    void routes(Routes r) {
        String base = "/v1/{tenant_id}/software_deployments";
        r.get(base + "/metadata/{server_id}", this::metadata)
                .post(base, this::create)
                .get(base, this::list)
                .get(base + "/{deployment_id}", this::show)
                .put(base + "/{deployment_id}", this::update)
                .delete(base + "/{deployment_id}", this::delete);
    }

    private Response create(Request req) {
        AuthContext auth = ctx.enforce(req, "software_deployments:create");
        String tenant = req.param("tenant_id");
        Body body = Body.of(req.json());
        String configId = body.requiredString("config_id");
        String serverId = body.requiredString("server_id");
        SoftwareConfigApi.require(ctx, store, auth, tenant, configId);
        SoftwareDeploymentRow row = new SoftwareDeploymentRow(UUID.randomUUID().toString(), configId, serverId,
                body.map("input_values"), null, body.string("action"), body.string("status"),
                body.string("status_reason"), tenant, body.string("stack_user_project_id"), ctx.clock().instant(),
                null);
        store.insertDeployment(row);
        return Response.ok(Map.of("software_deployment", view(row)));
    }

    private Response list(Request req) {
        ctx.enforce(req, "software_deployments:index");
        String server = req.query("server_id").orElse(null);
        List<Map<String, Object>> out = store.deployments(req.param("tenant_id"), server).stream()
                .map(SoftwareDeploymentApi::view).toList();
        return Response.ok(Map.of("software_deployments", out));
    }

    private Response show(Request req) {
        AuthContext auth = ctx.enforce(req, "software_deployments:show");
        return Response.ok(Map.of("software_deployment", view(require(req, auth))));
    }

    /** Heat's update: each field given with a value (not null, not empty) replaces the stored one. */
    private Response update(Request req) {
        AuthContext auth = ctx.enforce(req, "software_deployments:update");
        Body body = Body.of(req.json());
        SoftwareDeploymentRow d = require(req, auth);
        String configId = given(body.string("config_id"), d.configId());
        if (!configId.equals(d.configId())) {
            SoftwareConfigApi.require(ctx, store, auth, req.param("tenant_id"), configId);
        }
        Map<String, Object> inputs = body.map("input_values");
        Map<String, Object> outputs = body.map("output_values");
        SoftwareDeploymentRow next = new SoftwareDeploymentRow(d.id(), configId, d.serverId(),
                inputs == null || inputs.isEmpty() ? d.inputValues() : inputs,
                outputs == null || outputs.isEmpty() ? d.outputValues() : outputs,
                given(body.string("action"), d.action()), given(body.string("status"), d.status()),
                given(body.string("status_reason"), d.statusReason()), d.projectId(), d.stackUserProjectId(),
                d.createdAt(), ctx.clock().instant());
        store.updateDeployment(next);
        return Response.ok(Map.of("software_deployment", view(next)));
    }

    private static String given(String value, String current) {
        return value == null || value.isEmpty() ? current : value;
    }

    private Response delete(Request req) {
        AuthContext auth = ctx.enforce(req, "software_deployments:delete");
        SoftwareDeploymentRow d = require(req, auth);
        if (!store.deleteDeployment(d.id())) {
            throw notFound(d.id());
        }
        return Response.noContent();
    }

    private Response metadata(Request req) {
        ctx.enforce(req, "software_deployments:metadata");
        List<SoftwareConfigRow> configs = store.deployments(req.param("tenant_id"), req.param("server_id")).stream()
                .map(d -> store.config(d.configId()).orElse(null)).filter(Objects::nonNull)
                .sorted(Comparator.comparing(c -> c.name() == null ? "" : c.name())).toList();
        return Response.ok(Map.of("metadata", configs.stream()
                .map(c -> SoftwareConfigApi.view(c, true, false)).toList()));
    }

    private SoftwareDeploymentRow require(Request req, AuthContext auth) {
        String tenant = req.param("tenant_id");
        String id = req.param("deployment_id");
        return store.deployment(id)
                .filter(d -> d.visibleTo(tenant) || ctx.allowed(auth, "context_is_admin", tenant))
                .orElseThrow(() -> notFound(id));
    }

    private static HeatError notFound(String id) {
        return new HeatError(404, "NotFound", "Deployment with id " + id + " not found");
    }

    /** Heat's view of a deployment; {@code updated_time} only once it was updated. */
    static Map<String, Object> view(SoftwareDeploymentRow d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("server_id", d.serverId());
        v.put("input_values", d.inputValues());
        v.put("output_values", d.outputValues());
        v.put("action", d.action());
        v.put("status", d.status());
        v.put("status_reason", d.statusReason());
        v.put("config_id", d.configId());
        v.put("creation_time", ApiContext.time(d.createdAt()));
        if (d.updatedAt() != null) {
            v.put("updated_time", ApiContext.time(d.updatedAt()));
        }
        return v;
    }
}
