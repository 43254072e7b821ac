package dev.overcast.network.quotas;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.network.NetworkContext;
import dev.overcast.network.NeutronErrors;
import dev.overcast.network.api.ResourceBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v2.0/quotas}: a project reads its own limits (and their use, {@code /details});
 * reading another project's, listing and changing them is {@code get_quota},
 * {@code update_quota} and {@code delete_quota}, admin-only by default. As upstream, the
 * policy target is the caller's own project.
 */
final class QuotaApi {
    private static final long MAX = Integer.MAX_VALUE;

    private final NetworkContext ctx;
    private final ProjectQuotas quotas;

    QuotaApi(NetworkContext ctx, ProjectQuotas quotas) {
        this.ctx = ctx;
        this.quotas = quotas;
    }

    void routes(Routes r) {
        r.get("/v2.0/quotas", this::list)
                .post("/v2.0/quotas", req -> {
                    throw NeutronErrors.of(501, "HTTPNotImplemented", "POST requests are not supported on this resource.");
                })
                .get("/v2.0/quotas/project", req -> Response.ok(Json.object().set("project",
                        Json.object().put("project_id", ownProject(req)))))
                .get("/v2.0/quotas/tenant", req -> Response.ok(Json.object().set("tenant",
                        Json.object().put("tenant_id", ownProject(req)))))
                .get("/v2.0/quotas/{id}", this::show)
                .put("/v2.0/quotas/{id}", this::update)
                .delete("/v2.0/quotas/{id}", this::delete)
                .get("/v2.0/quotas/{id}/default", this::defaults)
                .get("/v2.0/quotas/{id}/details", this::details);
    }

    private Response list(Request req) {
        enforce(req, "get_quota");
        ObjectNode out = Json.object();
        var list = out.putArray("quotas");
        ctx.jdbi().useHandle(h -> {
            Set<String> projects = new LinkedHashSet<>();
            h.attach(QuotaStore.class).allLimits().forEach(l -> projects.add(l.projectId()));
            for (String project : projects) {
                ObjectNode item = limits(quotas.limits(h, project));
                item.put("project_id", project);
                item.put("tenant_id", project);
                list.add(item);
            }
        });
        return Response.ok(out);
    }

    private Response show(Request req) {
        String project = readable(req);
        return Response.ok(Json.object().set("quota", ctx.jdbi().withHandle(h -> limits(quotas.limits(h, project)))));
    }

    private Response defaults(Request req) {
        readable(req);
        return Response.ok(Json.object().set("quota", limits(quotas.defaults())));
    }

    private Response details(Request req) {
        String project = readable(req);
        ObjectNode out = Json.object();
        ctx.jdbi().useHandle(h -> {
            for (var e : quotas.limits(h, project).entrySet()) {
                out.putObject(e.getKey().apiName()).put("limit", e.getValue())
                        .put("used", quotas.used(h, project, e.getKey())).put("reserved", 0);
            }
        });
        return Response.ok(Json.object().set("quota", out));
    }

    private Response update(Request req) {
        enforce(req, "update_quota");
        String project = req.param("id");
        Set<String> allowed = new LinkedHashSet<>(List.of("force", "check_limit"));
        for (QuotaResource r : QuotaResource.values()) {
            allowed.add(r.apiName());
        }
        ObjectNode body = ResourceBody.read(req, "quota", allowed);
        boolean checkLimit = body.has("check_limit") && truthy(body.get("check_limit"));
        Map<QuotaResource, Integer> wanted = new LinkedHashMap<>();
        body.properties().forEach(e -> {
            QuotaResource r = QuotaResource.named(e.getKey());
            if (r != null) {
                wanted.put(r, limit(e.getKey(), e.getValue()));
            }
        });
        ObjectNode item = ctx.jdbi().inTransaction(h -> {
            if (checkLimit) {
                for (var e : wanted.entrySet()) {
                    int used = quotas.used(h, project, e.getKey());
                    if (e.getValue() >= 0 && used > e.getValue()) {
                        throw NeutronErrors.of(400, "HTTPBadRequest", "Quota limit " + e.getValue() + " for "
                                + e.getKey().apiName() + " must be greater than or equal to already used " + used);
                    }
                }
            }
            QuotaStore store = h.attach(QuotaStore.class);
            for (var e : wanted.entrySet()) {
                String name = e.getKey().apiName();
                if (store.update(project, name, e.getValue()) == 0 && store.insert(project, name, e.getValue()) == 0) {
                    store.update(project, name, e.getValue());
                }
            }
            return limits(quotas.limits(h, project));
        });
        return Response.ok(Json.object().set("quota", item));
    }

    private Response delete(Request req) {
        enforce(req, "delete_quota");
        String project = req.param("id");
        int deleted = ctx.jdbi().withExtension(QuotaStore.class, store -> store.deleteAll(project));
        if (deleted == 0) {
            throw NeutronErrors.of(404, "TenantQuotaNotFound", "Quota for tenant " + project + " could not be found.");
        }
        return Response.noContent();
    }

    /** The project of a show, which needs {@code get_quota} unless it is the caller's own. */
    private String readable(Request req) {
        String project = req.param("id");
        if (!project.equals(req.auth().projectId())) {
            enforce(req, "get_quota");
        }
        return project;
    }

    private void enforce(Request req, String rule) {
        AuthContext auth = req.auth();
        Map<String, Object> target = new LinkedHashMap<>();
        if (auth.projectId() != null) {
            target.put("project_id", auth.projectId());
        }
        ctx.enforce(req, rule, target);
    }

    private static String ownProject(Request req) {
        String project = req.auth().projectId();
        if (project == null) {
            throw NeutronErrors.of(403, "QuotaMissingTenant",
                    "Tenant-id was missing from quota request.");
        }
        return project;
    }

    private static ObjectNode limits(Map<QuotaResource, Integer> limits) {
        ObjectNode out = Json.object();
        limits.forEach((r, limit) -> out.put(r.apiName(), limit));
        return out;
    }

    /**
     * Neutron's {@code convert_to_int} then range -1 to 2^31-1, with its two messages.
     */
    static int limit(String name, JsonNode value) {
        Long number = null;
        if (value.isIntegralNumber()) {
            number = value.canConvertToLong() ? value.asLong() : null;
        } else if (value.isFloatingPointNumber()) {
            number = (long) value.asDouble();
        } else if (value.isBoolean()) {
            number = value.asBoolean() ? 1L : 0L;
        } else if (value.isString() && value.asString().strip().matches("[+-]?[0-9]{1,18}")) {
            number = Long.parseLong(value.asString().strip());
        }
        String shown = value.isString() ? value.asString() : value.isNull() ? "None" : value.toString();
        if (number == null) {
            throw NeutronErrors.invalidInput("'" + shown + "' is not an integer");
        }
        if (number < -1) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Invalid input for " + name + ". Reason: '" + number
                    + "' is too small - must be at least '-1'.");
        }
        if (number > MAX) {
            throw NeutronErrors.of(400, "HTTPBadRequest", "Invalid input for " + name + ". Reason: '" + number
                    + "' is too large - must be no larger than '" + MAX + "'.");
        }
        return number.intValue();
    }

    private static boolean truthy(JsonNode value) {
        return value.isBoolean() ? value.asBoolean()
                : value.isString() && List.of("true", "1").contains(value.asString().toLowerCase(java.util.Locale.ROOT));
    }
}
