package dev.overcast.identity.credential;

import java.util.ArrayList;
import java.util.List;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import tools.jackson.databind.node.ObjectNode;

/** A user's access rules, made by creating application credentials; one still in use cannot be deleted. */
final class AccessRuleApi {
    private final IdentityContext ctx;

    AccessRuleApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    void routes(Routes r) {
        r.get("/v3/users/{user_id}/access_rules", this::list)
                .get("/v3/users/{user_id}/access_rules/{id}", this::get)
                .delete("/v3/users/{user_id}/access_rules/{id}", this::delete);
    }

    private Response list(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:list_access_rules", ApplicationCredentialApi.userTarget(userId));
        List<ObjectNode> out = new ArrayList<>();
        ctx.jdbi().withExtension(CredentialStore.class, s -> s.accessRulesOf(userId))
                .forEach(rule -> out.add(json(req, rule)));
        return Response.ok(Entity.collection("access_rules", out,
                req.serviceUrl() + "/v3/users/" + userId + "/access_rules"));
    }

    private Response get(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:get_access_rule", ApplicationCredentialApi.userTarget(userId));
        return Response.ok(Json.object().set("access_rule", json(req, find(userId, req.param("id")))));
    }

    private Response delete(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:delete_access_rule", ApplicationCredentialApi.userTarget(userId));
        AccessRuleRow rule = find(userId, req.param("id"));
        ctx.jdbi().useTransaction(h -> {
            CredentialStore store = h.attach(CredentialStore.class);
            if (store.accessRuleUses(rule.id()) > 0) {
                throw ApiException.forbidden("Cannot delete access rule " + rule.externalId()
                        + " because it is in use by an application credential.");
            }
            store.deleteAccessRule(rule.id());
        });
        return Response.noContent();
    }

    private AccessRuleRow find(String userId, String id) {
        return ctx.jdbi().withExtension(CredentialStore.class, s -> s.findAccessRule(userId, id))
                .orElseThrow(() -> ApiException.notFound("Could not find Access Rule: " + id + "."));
    }

    private static ObjectNode json(Request req, AccessRuleRow rule) {
        ObjectNode out = Json.object();
        out.put("id", rule.externalId());
        out.put("service", rule.service());
        out.put("path", rule.path());
        out.put("method", rule.method());
        return Entity.self(out, req.serviceUrl() + "/v3/users/" + rule.userId() + "/access_rules/" + rule.externalId());
    }
}
