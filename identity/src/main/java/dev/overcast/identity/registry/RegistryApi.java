package dev.overcast.identity.registry;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.Ids;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.user.Passwords;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two registries Keystone keeps for others: policy blobs ({@code /v3/policies}, stored for
 * other services, never enforced by Identity — as in Keystone) and OAuth 1.0a consumers
 * ({@code /v3/OS-OAUTH1/consumers}). The OAuth 1.0a delegation flow (request and access
 * tokens) and domain-specific configuration (which selects identity drivers such as LDAP
 * that Overcast does not have) are absent and answer 501.
 */
public final class RegistryApi {
    private static final Set<String> POLICY_FIELDS = Set.of("id", "type", "blob", "links");
    private static final Set<String> CONSUMER_FIELDS = Set.of("id", "secret", "description", "links");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityContext ctx;
    private final Passwords passwords;

    public RegistryApi(IdentityContext ctx, Passwords passwords) {
        this.ctx = ctx;
        this.passwords = passwords;
    }

    public void routes(Routes r) {
        r.get("/v3/policies", this::listPolicies)
                .post("/v3/policies", this::createPolicy)
                .get("/v3/policies/{policy_id}", this::getPolicy)
                .patch("/v3/policies/{policy_id}", this::updatePolicy)
                .delete("/v3/policies/{policy_id}", this::deletePolicy)
                .get("/v3/OS-OAUTH1/consumers", this::listConsumers)
                .post("/v3/OS-OAUTH1/consumers", this::createConsumer)
                .get("/v3/OS-OAUTH1/consumers/{consumer_id}", this::getConsumer)
                .patch("/v3/OS-OAUTH1/consumers/{consumer_id}", this::updateConsumer)
                .delete("/v3/OS-OAUTH1/consumers/{consumer_id}", this::deleteConsumer);
        for (String path : List.of("/v3/OS-OAUTH1/request_token", "/v3/OS-OAUTH1/access_token")) {
            r.publicRoute("POST", path, RegistryApi::oauthFlowAbsent);
        }
        r.put("/v3/OS-OAUTH1/authorize/{request_token_id}", RegistryApi::oauthFlowAbsent)
                .get("/v3/users/{user_id}/OS-OAUTH1/access_tokens", RegistryApi::oauthFlowAbsent);
        for (String path : List.of("/v3/domains/{domain_id}/config", "/v3/domains/{domain_id}/config/{group}",
                "/v3/domains/{domain_id}/config/{group}/{option}", "/v3/domains/config/default",
                "/v3/domains/config/{group}/default", "/v3/domains/config/{group}/{option}/default")) {
            r.get(path, RegistryApi::domainConfigAbsent);
        }
        r.put("/v3/domains/{domain_id}/config", RegistryApi::domainConfigAbsent)
                .patch("/v3/domains/{domain_id}/config", RegistryApi::domainConfigAbsent)
                .delete("/v3/domains/{domain_id}/config", RegistryApi::domainConfigAbsent)
                .patch("/v3/domains/{domain_id}/config/{group}", RegistryApi::domainConfigAbsent)
                .delete("/v3/domains/{domain_id}/config/{group}", RegistryApi::domainConfigAbsent)
                .patch("/v3/domains/{domain_id}/config/{group}/{option}", RegistryApi::domainConfigAbsent)
                .delete("/v3/domains/{domain_id}/config/{group}/{option}", RegistryApi::domainConfigAbsent);
    }

    private static Response oauthFlowAbsent(Request req) {
        throw ApiException.notImplemented("The OAuth 1.0a delegation flow is not implemented by Overcast; "
                + "use trusts or application credentials.");
    }

    private static Response domainConfigAbsent(Request req) {
        throw ApiException.notImplemented("Domain-specific configuration is not implemented by Overcast: "
                + "it has only the SQL identity backend.");
    }

    // ---- policies ----

    private Response listPolicies(Request req) {
        ctx.enforce(req, "identity:list_policies", Map.of());
        var type = req.query("type");
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> h.createQuery("select * from policy_blob order by id")
                .map((rs, c) -> policyJson(req, rs.getString("id"), rs.getString("type"), rs.getString("blob"),
                        rs.getString("extra")))
                .list()).stream().filter(p -> type.isEmpty() || type.get().equals(p.get("type").asString())).toList();
        return Response.ok(Entity.collection("policies", out, req.serviceUrl() + "/v3/policies"));
    }

    private Response createPolicy(Request req) {
        ctx.enforce(req, "identity:create_policy", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("policy_create", req.json()).get("policy");
        String id = Ids.newId();
        String extra = Entity.extra(body, POLICY_FIELDS);
        ctx.jdbi().useHandle(h -> h.createUpdate("insert into policy_blob (id, type, blob, extra) values (:id, :type, :blob, :extra)")
                .bind("id", id).bind("type", body.get("type").asString()).bind("blob", body.get("blob").asString())
                .bind("extra", extra).execute());
        return Response.created(Json.object().set("policy",
                policyJson(req, id, body.get("type").asString(), body.get("blob").asString(), extra)));
    }

    private Response getPolicy(Request req) {
        ctx.enforce(req, "identity:get_policy", Map.of());
        return Response.ok(Json.object().set("policy", policy(req, req.param("policy_id"))));
    }

    private Response updatePolicy(Request req) {
        ctx.enforce(req, "identity:update_policy", Map.of());
        ObjectNode current = policy(req, req.param("policy_id"));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("policy_update", req.json()).get("policy");
        String type = body.has("type") ? body.get("type").asString() : current.get("type").asString();
        String blob = body.has("blob") ? body.get("blob").asString() : current.get("blob").asString();
        String extra = ctx.jdbi().withHandle(h -> h.createQuery("select extra from policy_blob where id = :id")
                .bind("id", req.param("policy_id")).mapTo(String.class).one());
        String merged = Entity.mergeExtra(extra, body, POLICY_FIELDS);
        ctx.jdbi().useHandle(h -> h.createUpdate("update policy_blob set type = :type, blob = :blob, extra = :extra where id = :id")
                .bind("id", req.param("policy_id")).bind("type", type).bind("blob", blob).bind("extra", merged).execute());
        return Response.ok(Json.object().set("policy", policyJson(req, req.param("policy_id"), type, blob, merged)));
    }

    private Response deletePolicy(Request req) {
        ctx.enforce(req, "identity:delete_policy", Map.of());
        int deleted = ctx.jdbi().withHandle(h -> h.createUpdate("delete from policy_blob where id = :id")
                .bind("id", req.param("policy_id")).execute());
        if (deleted == 0) {
            throw ApiException.notFound("Could not find policy: " + req.param("policy_id") + ".");
        }
        return Response.noContent();
    }

    private ObjectNode policy(Request req, String id) {
        return ctx.jdbi().withHandle(h -> h.createQuery("select * from policy_blob where id = :id").bind("id", id)
                        .map((rs, c) -> policyJson(req, rs.getString("id"), rs.getString("type"), rs.getString("blob"),
                                rs.getString("extra")))
                        .findOne())
                .orElseThrow(() -> ApiException.notFound("Could not find policy: " + id + "."));
    }

    private static ObjectNode policyJson(Request req, String id, String type, String blob, String extra) {
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("type", type);
        out.put("blob", blob);
        Entity.withExtra(out, extra);
        return Entity.self(out, req.serviceUrl() + "/v3/policies/" + id);
    }

    // ---- OAuth 1.0a consumers ----

    private Response listConsumers(Request req) {
        ctx.enforce(req, "identity:list_consumers", Map.of());
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> h.createQuery("select * from oauth_consumer order by id")
                .map((rs, c) -> consumerJson(req, rs.getString("id"), rs.getString("description"), rs.getString("extra")))
                .list());
        return Response.ok(Entity.collection("consumers", out, req.serviceUrl() + "/v3/OS-OAUTH1/consumers"));
    }

    private Response createConsumer(Request req) {
        ctx.enforce(req, "identity:create_consumer", Map.of());
        ObjectNode body = (ObjectNode) ctx.schemas().validate("consumer_create", req.json()).get("consumer");
        String id = Ids.newId();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String description = Entity.text(body, "description");
        String extra = Entity.extra(body, CONSUMER_FIELDS);
        ctx.jdbi().useHandle(h -> h.createUpdate("""
                        insert into oauth_consumer (id, secret_hash, description, extra)
                        values (:id, :secret, :description, :extra)""")
                .bind("id", id).bind("secret", passwords.hash(secret)).bind("description", description)
                .bind("extra", extra).execute());
        ObjectNode out = consumerJson(req, id, description, extra);
        out.put("secret", secret);
        return Response.created(Json.object().set("consumer", out));
    }

    private Response getConsumer(Request req) {
        ctx.enforce(req, "identity:get_consumer", Map.of());
        return Response.ok(Json.object().set("consumer", consumer(req, req.param("consumer_id"))));
    }

    private Response updateConsumer(Request req) {
        ctx.enforce(req, "identity:update_consumer", Map.of());
        ObjectNode current = consumer(req, req.param("consumer_id"));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("consumer_update", req.json()).get("consumer");
        if (body.has("secret")) {
            throw ApiException.badRequest("Invalid input for field 'secret': a consumer's secret cannot be changed.");
        }
        String description = body.has("description") ? Entity.text(body, "description")
                : current.get("description").asString(null);
        String extra = ctx.jdbi().withHandle(h -> h.createQuery("select extra from oauth_consumer where id = :id")
                .bind("id", req.param("consumer_id")).mapTo(String.class).one());
        String merged = Entity.mergeExtra(extra, body, CONSUMER_FIELDS);
        ctx.jdbi().useHandle(h -> h.createUpdate("update oauth_consumer set description = :d, extra = :e where id = :id")
                .bind("id", req.param("consumer_id")).bind("d", description).bind("e", merged).execute());
        return Response.ok(Json.object().set("consumer", consumerJson(req, req.param("consumer_id"), description, merged)));
    }

    private Response deleteConsumer(Request req) {
        ctx.enforce(req, "identity:delete_consumer", Map.of());
        int deleted = ctx.jdbi().withHandle(h -> h.createUpdate("delete from oauth_consumer where id = :id")
                .bind("id", req.param("consumer_id")).execute());
        if (deleted == 0) {
            throw ApiException.notFound("Could not find consumer: " + req.param("consumer_id") + ".");
        }
        return Response.noContent();
    }

    private ObjectNode consumer(Request req, String id) {
        return ctx.jdbi().withHandle(h -> h.createQuery("select * from oauth_consumer where id = :id").bind("id", id)
                        .map((rs, c) -> consumerJson(req, rs.getString("id"), rs.getString("description"), rs.getString("extra")))
                        .findOne())
                .orElseThrow(() -> ApiException.notFound("Could not find consumer: " + id + "."));
    }

    private static ObjectNode consumerJson(Request req, String id, String description, String extra) {
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("description", description);
        Entity.withExtra(out, extra);
        return Entity.self(out, req.serviceUrl() + "/v3/OS-OAUTH1/consumers/" + id);
    }
}
