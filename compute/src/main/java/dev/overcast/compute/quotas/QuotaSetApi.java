package dev.overcast.compute.quotas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.quotas.Quotas.Range;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import tools.jackson.databind.JsonNode;

/**
 * {@code /os-quota-sets/{project_id}}: a project's limits (or one user's with
 * {@code ?user_id=}), with usage ({@code /detail}), the defaults ({@code /defaults}); admins
 * set them (refusing a limit below what is in use unless {@code force}) and reset them.
 */
public final class QuotaSetApi {
    private final ComputeContext ctx;
    private final Quotas quotas;

    public QuotaSetApi(ComputeContext ctx) {
        this.ctx = ctx;
        this.quotas = new Quotas(ctx);
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-quota-sets/{project_id}", this::show)
                .get("/v2.1/os-quota-sets/{project_id}/detail", this::detail)
                .get("/v2.1/os-quota-sets/{project_id}/defaults", this::defaults)
                .put("/v2.1/os-quota-sets/{project_id}", this::update)
                .delete("/v2.1/os-quota-sets/{project_id}", this::delete);
        new QuotaClassApi(ctx, quotas).routes(r);
        new LimitsApi(ctx, quotas).routes(r);
    }

    private Response show(Request req) {
        QuotaViews.strictQuery(req, Set.of("user_id"));
        String projectId = req.param("project_id");
        ctx.enforce(req, QuotaPolicy.SHOW, Map.of("project_id", projectId));
        String userId = userId(req);
        Map<String, Long> limits = userId == null ? quotas.projectLimits(projectId)
                : quotas.userLimits(projectId, userId);
        return Response.ok(QuotaViews.set("quota_set", projectId, limits, QuotaViews.hiddenFromQuotaSets(req)));
    }

    private Response detail(Request req) {
        QuotaViews.strictQuery(req, Set.of("user_id"));
        String projectId = req.param("project_id");
        ctx.enforce(req, QuotaPolicy.DETAIL, Map.of("project_id", projectId));
        String userId = userId(req);
        var details = userId == null ? quotas.projectDetail(projectId) : quotas.userDetail(projectId, userId);
        return Response.ok(QuotaViews.set("quota_set", projectId, details, QuotaViews.hiddenFromQuotaSets(req)));
    }

    private Response defaults(Request req) {
        String projectId = req.param("project_id");
        ctx.enforce(req, QuotaPolicy.DEFAULTS, Map.of("project_id", projectId));
        return Response.ok(QuotaViews.set("quota_set", projectId, quotas.defaults(),
                QuotaViews.hiddenFromQuotaSets(req)));
    }

    private Response update(Request req) {
        String schema = req.versionAtLeast(2, 57) ? "quota_set_update_v2_57"
                : req.versionAtLeast(2, 36) ? "quota_set_update_v2_36" : "quota_set_update_v2_1";
        JsonNode body = ctx.schemas().validateObject(schema, req.json()).get("quota_set");
        QuotaViews.strictQuery(req, Set.of("user_id"));
        String projectId = req.param("project_id");
        ctx.enforce(req, QuotaPolicy.UPDATE, Map.of("project_id", projectId));
        String userId = userId(req);
        if (body.has("networks")) {
            throw ApiException.badRequest("The networks quota has been removed");
        }
        boolean force = body.has("force") && QuotaValues.bool(body.get("force"));
        Map<String, Range> settable = force ? Map.of() : quotas.settable(projectId, userId);
        Map<String, Long> valid = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String resource = entry.getKey();
            if (resource.equals("force")) {
                continue;
            }
            long limit = QuotaValues.integer(entry.getValue());
            if (!force) {
                Range range = settable.get(resource);
                validate(resource, limit, range.minimum(), range.maximum());
            }
            valid.put(resource, limit);
        }
        if (userId == null) {
            quotas.store().setProject(projectId, valid);
        } else {
            quotas.store().setUser(projectId, userId, valid);
        }
        Map<String, Long> limits = userId == null ? quotas.projectLimits(projectId)
                : quotas.userLimits(projectId, userId);
        // Nova's update answer has no id, as v2's had none.
        return Response.ok(QuotaViews.set("quota_set", null, limits, QuotaViews.hiddenFromQuotaSets(req)));
    }

    private static void validate(String resource, long limit, long minimum, long maximum) {
        if (unlimitedAsInfinity(limit) < unlimitedAsInfinity(minimum)) {
            throw ApiException.badRequest("Quota limit " + limit + " for " + resource + " must be greater than or "
                    + "equal to already used and reserved " + minimum + ".");
        }
        if (unlimitedAsInfinity(limit) > unlimitedAsInfinity(maximum)) {
            throw ApiException.badRequest("Quota limit " + limit + " for " + resource + " must be less than or "
                    + "equal to " + maximum + ".");
        }
    }

    private static double unlimitedAsInfinity(long value) {
        return value == -1 ? Double.POSITIVE_INFINITY : value;
    }

    private Response delete(Request req) {
        QuotaViews.strictQuery(req, Set.of("user_id"));
        String projectId = req.param("project_id");
        ctx.enforce(req, QuotaPolicy.DELETE, Map.of("project_id", projectId));
        String userId = userId(req);
        if (userId == null) {
            quotas.store().deleteProject(projectId);
        } else {
            quotas.store().deleteUser(projectId, userId);
        }
        return Response.accepted(null);
    }

    /** The first {@code user_id}, as Nova's {@code parse_qs(...)[0]} reads it. */
    private static String userId(Request req) {
        List<String> values = req.queryParams().get("user_id");
        return values == null || values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
    }
}
