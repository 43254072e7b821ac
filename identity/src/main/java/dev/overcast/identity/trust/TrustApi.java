package dev.overcast.identity.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Handle;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.Ids;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Times;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.role.RoleResolver;
import dev.overcast.identity.role.RoleRow;
import dev.overcast.identity.role.RoleStore;
import dev.overcast.identity.user.UserStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OS-TRUST: a trustor delegates some of its roles on a project to a trustee, who can then
 * get a token scoped by the trust ({@code "scope": {"OS-TRUST:trust": {"id": ...}}}).
 * Trusts are immutable; deleting one revokes the tokens it produced.
 */
public final class TrustApi {
    private static final Set<String> FIELDS = Set.of("id", "trustor_user_id", "trustee_user_id", "project_id",
            "impersonation", "expires_at", "remaining_uses", "roles", "allow_redelegation",
            "redelegation_count", "links");

    private final IdentityContext ctx;

    public TrustApi(IdentityContext ctx) {
        this.ctx = ctx;
    }

    public void routes(Routes r) {
        r.post("/v3/OS-TRUST/trusts", this::create)
                .get("/v3/OS-TRUST/trusts", this::list)
                .get("/v3/OS-TRUST/trusts/{trust_id}", this::get)
                .delete("/v3/OS-TRUST/trusts/{trust_id}", this::delete)
                .get("/v3/OS-TRUST/trusts/{trust_id}/roles", this::roles)
                .get("/v3/OS-TRUST/trusts/{trust_id}/roles/{role_id}", this::role);
    }

    private Response create(Request req) {
        AuthContext auth = req.auth();
        ObjectNode body = (ObjectNode) ctx.schemas().validate("trust_create", req.json()).get("trust");
        String trustor = body.get("trustor_user_id").asString();
        String trustee = body.get("trustee_user_id").asString();
        ctx.enforce(req, "identity:create_trust", Map.of("trust.trustor_user_id", trustor));
        if (!trustor.equals(auth.userId())) {
            throw ApiException.forbidden("The authenticated user should match the trustor.");
        }
        if (auth.trustId() != null) {
            throw ApiException.forbidden("Redelegation of trusts is not supported.");
        }
        Instant expires = Times.parse("expires_at", Entity.text(body, "expires_at"));
        if (expires != null && !expires.isAfter(ctx.clock().instant())) {
            throw ApiException.badRequest("Invalid input for field 'expires_at': the time is in the past.");
        }
        String projectId = Entity.text(body, "project_id");
        Integer uses = body.hasNonNull("remaining_uses") ? body.get("remaining_uses").asInt() : null;
        TrustRow row = ctx.jdbi().inTransaction(h -> {
            if (h.attach(UserStore.class).find(trustee).isEmpty()) {
                throw ApiException.notFound("Could not find user: " + trustee + ".");
            }
            List<String> roleIds = resolveRoles(h, body.get("roles"), trustor, projectId);
            TrustRow trust = new TrustRow(Ids.newId(), trustor, trustee, projectId,
                    body.get("impersonation").asBoolean(), expires, uses, Json.write(roleIds),
                    Entity.extra(body, FIELDS), ctx.clock().instant());
            h.attach(TrustStore.class).insert(trust);
            return trust;
        });
        return Response.created(Json.object().set("trust", json(req, row, true)));
    }

    /** The trust's roles by id or name; each must be one the trustor holds on the project. */
    private static List<String> resolveRoles(Handle h, JsonNode roles, String trustor, String projectId) {
        if (roles == null || roles.isEmpty()) {
            if (projectId != null) {
                throw ApiException.forbidden("At least one role should be specified.");
            }
            return List.of();
        }
        if (projectId == null) {
            throw ApiException.forbidden("A trust with roles needs a project_id.");
        }
        var project = h.attach(ProjectStore.class).find(projectId).filter(p -> !p.isDomain())
                .orElseThrow(() -> ApiException.notFound("Could not find project: " + projectId + "."));
        Set<String> held = new LinkedHashSet<>();
        RoleResolver.rolesOf(h, trustor, RoleResolver.projectScope(h, project)).forEach(r -> held.add(r.id()));
        RoleStore store = h.attach(RoleStore.class);
        List<String> out = new ArrayList<>();
        for (JsonNode role : roles) {
            Optional<RoleRow> found = role.hasNonNull("id") ? store.find(role.get("id").asString())
                    : store.findByName(role.path("name").asString(""), RoleRow.GLOBAL);
            RoleRow row = found.orElseThrow(() -> ApiException.notFound("Could not find role: "
                    + (role.hasNonNull("id") ? role.get("id").asString() : role.path("name").asString("")) + "."));
            if (!held.contains(row.id())) {
                throw ApiException.forbidden("The trustor does not hold role " + row.name() + " on the project.");
            }
            if (!out.contains(row.id())) {
                out.add(row.id());
            }
        }
        return out;
    }

    private Response list(Request req) {
        AuthContext auth = req.auth();
        Optional<String> trustor = req.query("trustor_user_id");
        Optional<String> trustee = req.query("trustee_user_id");
        boolean own = trustor.map(auth.userId()::equals).orElse(false) || trustee.map(auth.userId()::equals).orElse(false);
        if (!own) {
            ctx.enforce(req, "identity:list_trusts", Map.of());
        }
        List<ObjectNode> out = new ArrayList<>();
        for (TrustRow row : ctx.jdbi().withExtension(TrustStore.class, TrustStore::list)) {
            if (trustor.isPresent() && !trustor.get().equals(row.trustorUserId())
                    || trustee.isPresent() && !trustee.get().equals(row.trusteeUserId())
                    || expired(row)) {
                continue;
            }
            out.add(json(req, row, false));
        }
        return Response.ok(Entity.collection("trusts", out, req.serviceUrl() + "/v3/OS-TRUST/trusts"));
    }

    private Response get(Request req) {
        TrustRow row = visible(req);
        return Response.ok(Json.object().set("trust", json(req, row, true)));
    }

    private Response delete(Request req) {
        TrustRow row = trust(req.param("trust_id"));
        if (!row.trustorUserId().equals(req.auth().userId())) {
            ctx.enforce(req, "identity:delete_trust", Map.of("target.trust.trustor_user_id", row.trustorUserId()));
        }
        ctx.jdbi().useExtension(TrustStore.class, s -> s.delete(row.id()));
        ctx.revoke(RevocationEvent.ofTrust(row.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    private Response roles(Request req) {
        TrustRow row = visible(req);
        ObjectNode out = Json.object();
        out.set("roles", roles(req, row));
        out.putObject("links").put("self", req.serviceUrl() + "/v3/OS-TRUST/trusts/" + row.id() + "/roles")
                .putNull("previous").putNull("next");
        return Response.ok(out);
    }

    private Response role(Request req) {
        TrustRow row = visible(req);
        for (JsonNode role : roles(req, row)) {
            if (role.get("id").asString().equals(req.param("role_id"))) {
                return Response.ok(Json.object().set("role", role));
            }
        }
        throw ApiException.notFound("Could not find role: " + req.param("role_id") + ".");
    }

    /** The trust, if the caller is its trustor or trustee or may read every trust. */
    private TrustRow visible(Request req) {
        TrustRow row = trust(req.param("trust_id"));
        String caller = req.auth().userId();
        if (!caller.equals(row.trustorUserId()) && !caller.equals(row.trusteeUserId())) {
            ctx.enforce(req, "identity:get_trust", Map.of("target.trust.trustor_user_id", row.trustorUserId()));
        }
        return row;
    }

    private TrustRow trust(String id) {
        return ctx.jdbi().withExtension(TrustStore.class, s -> s.find(id)).filter(t -> !expired(t))
                .orElseThrow(() -> ApiException.notFound("Could not find trust: " + id + "."));
    }

    private boolean expired(TrustRow row) {
        return row.expiresAt() != null && !ctx.clock().instant().isBefore(row.expiresAt());
    }

    private ArrayNode roles(Request req, TrustRow row) {
        ArrayNode out = Json.array();
        List<String> ids = roleIds(row);
        if (ids.isEmpty()) {
            return out;
        }
        for (RoleRow role : ctx.jdbi().withExtension(RoleStore.class, s -> s.findAll(ids))) {
            ObjectNode node = out.addObject();
            node.put("id", role.id());
            node.put("name", role.name());
            node.put("domain_id", role.isGlobal() ? null : role.domainId());
            Entity.self(node, req.serviceUrl() + "/v3/roles/" + role.id());
        }
        return out;
    }

    static List<String> roleIds(TrustRow row) {
        List<String> ids = new ArrayList<>();
        Json.parse(row.roleIds()).forEach(n -> ids.add(n.asString()));
        return ids;
    }

    private ObjectNode json(Request req, TrustRow row, boolean withRoles) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("trustor_user_id", row.trustorUserId());
        out.put("trustee_user_id", row.trusteeUserId());
        out.put("project_id", row.projectId());
        out.put("impersonation", row.impersonation());
        out.put("expires_at", row.expiresAt() == null ? null : Times.format(row.expiresAt()));
        if (row.remainingUses() == null) {
            out.putNull("remaining_uses");
        } else {
            out.put("remaining_uses", row.remainingUses());
        }
        out.put("allow_redelegation", false);
        if (withRoles) {
            out.set("roles", roles(req, row));
            out.putObject("roles_links").put("self", req.serviceUrl() + "/v3/OS-TRUST/trusts/" + row.id() + "/roles")
                    .putNull("previous").putNull("next");
        }
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/OS-TRUST/trusts/" + row.id());
    }
}
