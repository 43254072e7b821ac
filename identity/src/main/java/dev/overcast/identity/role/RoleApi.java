package dev.overcast.identity.role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;


import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import dev.overcast.identity.project.ProjectStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Roles and inference rules ({@code /v3/roles/{prior}/implies/{implied}}). Grants and
 * {@code /v3/role_assignments} are {@link GrantApi}'s.
 */
public final class RoleApi {
    private static final Set<String> ROLE_FIELDS = Set.of("id", "name", "domain_id", "description", "options", "links");
    /** Keystone's {@code [assignment] prohibited_implied_role} default. */
    private static final Set<String> PROHIBITED_IMPLIED = Set.of("admin");

    private final IdentityContext ctx;

    public RoleApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.get("/v3/roles", this::listRoles)
                .post("/v3/roles", this::createRole)
                .get("/v3/roles/{role_id}", this::getRole)
                .patch("/v3/roles/{role_id}", this::updateRole)
                .delete("/v3/roles/{role_id}", this::deleteRole)
                .get("/v3/roles/{prior_role_id}/implies", this::listImplied)
                .put("/v3/roles/{prior_role_id}/implies/{implied_role_id}", this::createImplied)
                .get("/v3/roles/{prior_role_id}/implies/{implied_role_id}", this::getImplied)
                .head("/v3/roles/{prior_role_id}/implies/{implied_role_id}", this::checkImplied)
                .delete("/v3/roles/{prior_role_id}/implies/{implied_role_id}", this::deleteImplied)
                .get("/v3/role_inferences", this::listInferences);
    }

    // ---- roles ----

    private Response listRoles(Request req) {
        ctx.enforce(req, "identity:list_roles", Map.of());
        var name = req.query("name");
        String domainId = req.query("domain_id").filter(d -> !d.isEmpty()).orElse(RoleRow.GLOBAL);
        List<ObjectNode> out = new ArrayList<>();
        for (RoleRow row : ctx.jdbi().withExtension(RoleStore.class, RoleStore::list)) {
            if (name.isPresent() && !name.get().equals(row.name()) || !domainId.equals(row.domainId())) {
                continue;
            }
            out.add(roleJson(req, row));
        }
        return Response.ok(Entity.collection("roles", out, req.serviceUrl() + "/v3/roles"));
    }

    private Response createRole(Request req) {
        ObjectNode body = (ObjectNode) ctx.schemas().validate("role_create", req.json()).get("role");
        String domainId = Entity.text(body, "domain_id");
        ctx.enforce(req, "identity:create_role", domainId == null ? Map.of() : Map.of("target.role.domain_id", domainId));
        if (domainId != null && ctx.jdbi().withExtension(ProjectStore.class, s -> s.findDomain(domainId)).isEmpty()) {
            throw ApiException.notFound("Could not find domain: " + domainId + ".");
        }
        RoleRow row = new RoleRow(Ids.newId(), body.get("name").asString(), domainId == null ? RoleRow.GLOBAL : domainId,
                Entity.text(body, "description"), body.has("options") ? body.get("options").toString() : "{}",
                Entity.extra(body, ROLE_FIELDS));
        ctx.jdbi().useTransaction(h -> {
            RoleStore store = h.attach(RoleStore.class);
            if (store.findByName(row.name(), row.domainId()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store role - Duplicate entry found with name "
                        + row.name() + ".");
            }
            store.insert(row);
        });
        return Response.created(Json.object().set("role", roleJson(req, row)));
    }

    private Response getRole(Request req) {
        RoleRow row = role(req.param("role_id"));
        ctx.enforce(req, "identity:get_role", roleTarget(row));
        return Response.ok(Json.object().set("role", roleJson(req, row)));
    }

    private Response updateRole(Request req) {
        RoleRow row = role(req.param("role_id"));
        ctx.enforce(req, "identity:update_role", roleTarget(row));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("role_update", req.json()).get("role");
        if (body.has("domain_id")) {
            String wanted = Entity.text(body, "domain_id");
            if (!(wanted == null ? RoleRow.GLOBAL : wanted).equals(row.domainId())) {
                throw ApiException.badRequest("Update of `domain_id` is not allowed.");
            }
        }
        RoleRow updated = new RoleRow(row.id(),
                body.has("name") ? body.get("name").asString() : row.name(), row.domainId(),
                body.has("description") ? Entity.text(body, "description") : row.description(),
                body.has("options") ? body.get("options").toString() : row.options(),
                Entity.mergeExtra(row.extra(), body, ROLE_FIELDS));
        ctx.jdbi().useTransaction(h -> {
            RoleStore store = h.attach(RoleStore.class);
            if (!updated.name().equals(row.name()) && store.findByName(updated.name(), row.domainId()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store role - Duplicate entry found with name "
                        + updated.name() + ".");
            }
            store.update(updated);
        });
        return Response.ok(Json.object().set("role", roleJson(req, updated)));
    }

    private Response deleteRole(Request req) {
        RoleRow row = role(req.param("role_id"));
        ctx.enforce(req, "identity:delete_role", roleTarget(row));
        ctx.jdbi().useTransaction(h -> {
            h.createUpdate("delete from assignment where role_id = :id").bind("id", row.id()).execute();
            h.createUpdate("delete from implied_role where prior_role_id = :id or implied_role_id = :id")
                    .bind("id", row.id()).execute();
            h.attach(RoleStore.class).delete(row.id());
        });
        ctx.revoke(RevocationEvent.ofRole(row.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    // ---- inference rules ----

    private Response createImplied(Request req) {
        RoleRow prior = role(req.param("prior_role_id"));
        RoleRow implied = role(req.param("implied_role_id"));
        ctx.enforce(req, "identity:create_implied_role", Map.of());
        if (prior.isGlobal() && !implied.isGlobal()) {
            throw ApiException.forbidden("Implied role " + implied.id() + " must not be domain specific.");
        }
        if (PROHIBITED_IMPLIED.contains(implied.name()) && implied.isGlobal()) {
            throw ApiException.forbidden(implied.name() + " role cannot be an implied role.");
        }
        ctx.jdbi().useTransaction(h -> {
            RoleStore store = h.attach(RoleStore.class);
            if (reaches(store, implied.id(), prior.id())) {
                throw ApiException.badRequest("Role " + prior.id() + " implying " + implied.id()
                        + " would create an inference cycle.");
            }
            if (!store.implied(prior.id()).contains(implied.id())) {
                store.addImplied(prior.id(), implied.id());
            }
        });
        return Response.created(inferenceJson(req, prior, implied));
    }

    /** Whether {@code from} implies {@code to}, directly or not, or is it. */
    private static boolean reaches(RoleStore store, String from, String to) {
        Map<String, List<String>> rules = rules(store);
        return EffectiveRoles.withImplied(Set.of(from), rules).contains(to);
    }

    private Response getImplied(Request req) {
        RoleRow prior = role(req.param("prior_role_id"));
        RoleRow implied = role(req.param("implied_role_id"));
        ctx.enforce(req, "identity:get_implied_role", Map.of());
        requireRule(prior, implied);
        return Response.ok(inferenceJson(req, prior, implied));
    }

    private Response checkImplied(Request req) {
        RoleRow prior = role(req.param("prior_role_id"));
        RoleRow implied = role(req.param("implied_role_id"));
        ctx.enforce(req, "identity:check_implied_role", Map.of());
        requireRule(prior, implied);
        return Response.noContent();
    }

    private Response deleteImplied(Request req) {
        RoleRow prior = role(req.param("prior_role_id"));
        RoleRow implied = role(req.param("implied_role_id"));
        ctx.enforce(req, "identity:delete_implied_role", Map.of());
        if (ctx.jdbi().withExtension(RoleStore.class, s -> s.removeImplied(prior.id(), implied.id())) == 0) {
            throw notARule(prior, implied);
        }
        ctx.revoke(RevocationEvent.ofRole(prior.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    private Response listImplied(Request req) {
        RoleRow prior = role(req.param("prior_role_id"));
        ctx.enforce(req, "identity:list_implied_roles", Map.of());
        List<RoleRow> implied = ctx.jdbi().withExtension(RoleStore.class, s -> {
            List<String> ids = s.implied(prior.id());
            return ids.isEmpty() ? List.<RoleRow>of() : s.findAll(ids);
        });
        ObjectNode out = Json.object();
        out.set("role_inference", rulesJson(req, prior, implied));
        out.putObject("links").put("self", req.serviceUrl() + "/v3/roles/" + prior.id() + "/implies");
        return Response.ok(out);
    }

    private Response listInferences(Request req) {
        ctx.enforce(req, "identity:list_role_inference_rules", Map.of());
        List<ObjectNode> out = ctx.jdbi().withExtension(RoleStore.class, s -> {
            Map<String, RoleRow> roles = s.list().stream().collect(Collectors.toMap(RoleRow::id, r -> r));
            List<ObjectNode> rules = new ArrayList<>();
            rules(s).forEach((prior, implied) -> rules.add(rulesJson(req, roles.get(prior),
                    implied.stream().map(roles::get).toList())));
            return rules;
        });
        return Response.ok(Entity.collection("role_inferences", out, req.serviceUrl() + "/v3/role_inferences"));
    }

    private void requireRule(RoleRow prior, RoleRow implied) {
        if (!ctx.jdbi().withExtension(RoleStore.class, s -> s.implied(prior.id())).contains(implied.id())) {
            throw notARule(prior, implied);
        }
    }

    private static ApiException notARule(RoleRow prior, RoleRow implied) {
        return ApiException.notFound("Could not find implied role: " + prior.id() + " implies " + implied.id() + ".");
    }

    static Map<String, List<String>> rules(RoleStore store) {
        return store.inferenceRules().stream().collect(Collectors.groupingBy(RoleStore.ImpliedRole::priorRoleId,
                LinkedHashMap::new, Collectors.mapping(RoleStore.ImpliedRole::impliedRoleId, Collectors.toList())));
    }
    // ---- helpers ----

    RoleRow role(String id) {
        return ctx.jdbi().withExtension(RoleStore.class, s -> s.find(id))
                .orElseThrow(() -> ApiException.notFound("Could not find role: " + id + "."));
    }

    private static Map<String, Object> roleTarget(RoleRow row) {
        return Map.of("target.role.id", row.id(), "target.role.domain_id", row.isGlobal() ? "" : row.domainId());
    }

    static ObjectNode roleJson(Request req, RoleRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("domain_id", row.isGlobal() ? null : row.domainId());
        out.put("description", row.description());
        JsonNode options = Json.parse(row.options() == null ? "{}" : row.options());
        out.set("options", options);
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/roles/" + row.id());
    }

    private static ObjectNode roleRef(Request req, RoleRow row) {
        ObjectNode out = Json.object().put("id", row.id()).put("name", row.name());
        return Entity.self(out, req.serviceUrl() + "/v3/roles/" + row.id());
    }

    private static ObjectNode inferenceJson(Request req, RoleRow prior, RoleRow implied) {
        ObjectNode inference = Json.object();
        inference.set("prior_role", roleRef(req, prior));
        inference.set("implies", roleRef(req, implied));
        ObjectNode out = Json.object();
        out.set("role_inference", inference);
        out.putObject("links").put("self", req.serviceUrl() + "/v3/roles/" + prior.id() + "/implies/" + implied.id());
        return out;
    }

    private static ObjectNode rulesJson(Request req, RoleRow prior, List<RoleRow> implied) {
        ObjectNode out = Json.object();
        out.set("prior_role", roleRef(req, prior));
        var array = out.putArray("implies");
        implied.forEach(r -> array.add(roleRef(req, r)));
        return out;
    }
}
