package dev.overcast.compute.netproxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.network.NeutronProxy;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code os-security-groups} and {@code os-security-group-rules} (before 2.36): Network's
 * security groups in Nova's shape, with Nova's checks of names, protocols and port ranges, and
 * Network's conflicts (deleting {@code default}, a duplicate rule) as Nova's 400s.
 */
public final class SecurityGroupProxyApi {
    private final ComputeContext ctx;
    private final NeutronProxy neutron;

    public SecurityGroupProxyApi(ComputeContext ctx, NeutronProxy neutron) {
        this.ctx = ctx;
        this.neutron = neutron;
    }

    public void routes(Routes r) {
        r.get("/v2.1/os-security-groups", this::list);
        r.post("/v2.1/os-security-groups", this::create);
        r.get("/v2.1/os-security-groups/{id}", this::show);
        r.put("/v2.1/os-security-groups/{id}", this::update);
        r.delete("/v2.1/os-security-groups/{id}", this::delete);
        r.post("/v2.1/os-security-group-rules", this::createRule);
        r.delete("/v2.1/os-security-group-rules/{id}", this::deleteRule);
    }

    /** Nova removed the proxies at 2.36. */
    static void requireBefore236(Request req) {
        if (req.versionAtLeast(2, 36)) {
            throw ApiException.notFound("The resource could not be found.");
        }
    }


    private Response list(Request req) {
        requireBefore236(req);
        ctx.enforce(req, NetworkProxyPolicy.SG_GET);
        String project = req.auth().projectId();
        boolean all = req.query("all_tenants").isPresent()
                && ctx.allows(req, "context_is_admin", Map.of());
        String query = all ? "" : NeutronProxy.query("project_id", project);
        List<JsonNode> groups = neutron.list("security-groups", query, ComputeContext.callerToken(req));
        return Response.ok(Json.object().set("security_groups", NovaSecurityGroups.format(groups, neutron, ComputeContext.callerToken(req))));
    }

    private Response show(Request req) {
        requireBefore236(req);
        ctx.enforce(req, NetworkProxyPolicy.SG_SHOW);
        return Response.ok(Json.object().set("security_group", NovaSecurityGroups.format(group(req, req.param("id")),
                new HashMap<>(), neutron, ComputeContext.callerToken(req))));
    }

    private JsonNode group(Request req, String id) {
        try {
            return neutron.get("/security-groups/" + id, ComputeContext.callerToken(req)).path("security_group");
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.notFound("Security group " + id + " not found.");
            }
            throw e;
        }
    }

    private Response create(Request req) {
        requireBefore236(req);
        ctx.enforce(req, NetworkProxyPolicy.SG_CREATE);
        ObjectNode body = nameAndDescription(req);
        JsonNode created = neutron.post("/security-groups", Map.of("security_group", body), ComputeContext.callerToken(req))
                .path("security_group");
        return Response.ok(Json.object().set("security_group",
                NovaSecurityGroups.format(created, new HashMap<>(), neutron, ComputeContext.callerToken(req))));
    }

    private Response update(Request req) {
        requireBefore236(req);
        ctx.enforce(req, NetworkProxyPolicy.SG_UPDATE);
        String id = req.param("id");
        group(req, id);
        ObjectNode body = nameAndDescription(req);
        JsonNode updated;
        try {
            updated = neutron.put("/security-groups/" + id, Map.of("security_group", body), ComputeContext.callerToken(req))
                    .path("security_group");
        } catch (ApiException e) {
            throw e.status() == 409 ? ApiException.badRequest(e.getMessage()) : e;
        }
        return Response.ok(Json.object().set("security_group",
                NovaSecurityGroups.format(updated, new HashMap<>(), neutron, ComputeContext.callerToken(req))));
    }

    private Response delete(Request req) {
        requireBefore236(req);
        ctx.enforce(req, NetworkProxyPolicy.SG_DELETE);
        String id = req.param("id");
        group(req, id);
        try {
            neutron.delete("/security-groups/" + id, ComputeContext.callerToken(req));
        } catch (ApiException e) {
            // Network's conflicts (the default group, a group in use) are Nova's 400s.
            throw e.status() == 409 ? ApiException.badRequest(e.getMessage()) : e;
        }
        return Response.accepted(null);
    }

    /** Nova's checks of a group's name and description: strings, not blank, at most 255 characters. */
    private static ObjectNode nameAndDescription(Request req) {
        JsonNode body = req.hasBody() ? req.json() : null;
        JsonNode g = body == null ? null : body.get("security_group");
        if (g == null || !g.isObject()) {
            throw ApiException.badRequest("Missing parameter security_group");
        }
        ObjectNode out = Json.object();
        for (String field : new String[] {"name", "description"}) {
            JsonNode v = g.get(field);
            if (v == null || !v.isString()) {
                throw ApiException.badRequest("Security group " + field + " is not a string or unicode");
            }
            if (v.asString().strip().isEmpty()) {
                throw ApiException.badRequest("Security group " + field + " cannot be empty.");
            }
            if (v.asString().length() > 255) {
                throw ApiException.badRequest("Security group " + field + " should not be greater than 255 characters.");
            }
            out.put(field, v.asString());
        }
        return out;
    }

    private Response createRule(Request req) {
        requireBefore236(req);
        ctx.enforce(req, NetworkProxyPolicy.RULE_CREATE);
        JsonNode body = req.hasBody() ? req.json() : null;
        JsonNode rule = body == null ? null : body.get("security_group_rule");
        if (rule == null || !rule.isObject()) {
            throw ApiException.badRequest("Missing parameter security_group_rule");
        }
        String parent = uuid(rule.get("parent_group_id"), "Security group id should be uuid");
        JsonNode parentGroup = group(req, parent);
        ObjectNode neutronRule = NovaRules.toNeutron(rule, parent);
        if (neutronRule.has("remote_group_id")) {
            group(req, neutronRule.get("remote_group_id").asString());
        }
        JsonNode created;
        try {
            created = neutron.post("/security-group-rules", Map.of("security_group_rule", neutronRule), ComputeContext.callerToken(req))
                    .path("security_group_rule");
        } catch (ApiException e) {
            throw e.status() == 409 ? ApiException.badRequest(e.getMessage()) : e;
        }
        Map<String, JsonNode> known = new HashMap<>();
        known.put(parent, parentGroup);
        return Response.ok(Json.object().set("security_group_rule",
                NovaSecurityGroups.rule(created, known, neutron, ComputeContext.callerToken(req))));
    }

    private Response deleteRule(Request req) {
        requireBefore236(req);
        ctx.enforce(req, NetworkProxyPolicy.RULE_DELETE);
        String id = req.param("id");
        try {
            neutron.delete("/security-group-rules/" + id, ComputeContext.callerToken(req));
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.notFound("Security group rule " + id + " not found.");
            }
            throw e;
        }
        return Response.accepted(null);
    }

    static String uuid(JsonNode value, String message) {
        if (value == null || !value.isString()
                || !value.asString().matches("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")) {
            throw ApiException.badRequest(message);
        }
        return value.asString();
    }
}
