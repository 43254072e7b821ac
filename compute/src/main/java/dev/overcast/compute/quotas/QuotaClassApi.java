package dev.overcast.compute.quotas;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import tools.jackson.databind.JsonNode;

/**
 * {@code /os-quota-class-sets/{id}}, for admins. Only the class {@code default} means
 * anything: its limits replace the built-in defaults of every project. Other classes can be
 * written and read back, as in Nova, but apply to no one.
 */
final class QuotaClassApi {
    private final ComputeContext ctx;
    private final Quotas quotas;

    QuotaClassApi(ComputeContext ctx, Quotas quotas) {
        this.ctx = ctx;
        this.quotas = quotas;
    }

    void routes(Routes r) {
        r.get("/v2.1/os-quota-class-sets/{id}", this::show)
                .put("/v2.1/os-quota-class-sets/{id}", this::update);
    }

    private Response show(Request req) {
        String id = req.param("id");
        ctx.enforce(req, QuotaPolicy.CLASS_SHOW, Map.of("quota_class", id));
        return Response.ok(QuotaViews.set("quota_class_set", id, quotas.classLimits(id),
                QuotaViews.hiddenFromQuotaClasses(req)));
    }

    private Response update(Request req) {
        String schema = req.versionAtLeast(2, 57) ? "quota_class_update_v2_57"
                : req.versionAtLeast(2, 50) ? "quota_class_update_v2_50" : "quota_class_update_v2_1";
        JsonNode body = ctx.schemas().validateObject(schema, req.json()).get("quota_class_set");
        String id = req.param("id");
        ctx.enforce(req, QuotaPolicy.CLASS_UPDATE, Map.of("quota_class", id));
        if (id.length() > 255) {
            throw ApiException.badRequest("Invalid input received: quota_class_name has more than 255 characters.");
        }
        if (body.has("networks")) {
            throw ApiException.badRequest("The networks quota has been removed");
        }
        Map<String, Long> limits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            limits.put(entry.getKey(), QuotaValues.integer(entry.getValue()));
        }
        quotas.store().setClass(id, limits);
        return Response.ok(QuotaViews.set("quota_class_set", null, quotas.classLimits(id),
                QuotaViews.hiddenFromQuotaClasses(req)));
    }
}
