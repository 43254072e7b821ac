package dev.overcast.identity.credential;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Times;
import dev.overcast.identity.Ids;
import dev.overcast.identity.role.RoleRow;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.role.RoleResolver;
import dev.overcast.identity.role.RoleStore;
import dev.overcast.identity.user.Passwords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Application credentials: a user delegates some of their roles on one project to a
 * named secret that software can authenticate with. The roles are a snapshot of the
 * creating token's roles (or a subset of them), so a credential never grants more than
 * its creator had; a token it issues is further capped by what the user still has.
 * The secret is shown once, at creation, and only its bcrypt hash is kept.
 */
final class ApplicationCredentialApi {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final IdentityContext ctx;
    private final Passwords passwords;

    ApplicationCredentialApi(IdentityContext ctx, Passwords passwords) {
        this.ctx = ctx;
        this.passwords = passwords;
    }

    void routes(Routes r) {
        r.get("/v3/users/{user_id}/application_credentials", this::list)
                .post("/v3/users/{user_id}/application_credentials", this::create)
                .get("/v3/users/{user_id}/application_credentials/{id}", this::get)
                .delete("/v3/users/{user_id}/application_credentials/{id}", this::delete);
    }

    private Response create(Request req) {
        String userId = req.param("user_id");
        AuthContext auth = ctx.enforce(req, "identity:create_application_credential", userTarget(userId));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("application_credential_create", req.json())
                .get("application_credential");
        if (auth.applicationCredentialId() != null && !unrestricted(auth.applicationCredentialId())) {
            throw ApiException.forbidden("Using method 'application_credential' is not allowed for managing "
                    + "additional application credentials.");
        }
        if (auth.projectId() == null) {
            throw ApiException.badRequest("Application credentials must be created with a project-scoped token.");
        }
        Instant now = ctx.clock().instant();
        Instant expiresAt = Times.parse("expires_at", Entity.text(body, "expires_at"));
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.badRequest("The expires_at of an application credential must be in the future.");
        }
        List<RoleRow> roles = roles(auth, body.get("roles"));
        String secret = Optional.ofNullable(Entity.text(body, "secret")).orElseGet(ApplicationCredentialApi::newSecret);
        ArrayNode roleIds = Json.array();
        roles.forEach(role -> roleIds.add(role.id()));
        ApplicationCredentialRow row = new ApplicationCredentialRow(Ids.newId(), body.get("name").asString(), userId,
                auth.projectId(), passwords.hash(secret), Entity.text(body, "description"), expiresAt,
                Entity.bool(body, "unrestricted", false), roleIds.toString(), now);
        List<AccessRuleRow> rules = ctx.jdbi().inTransaction(h -> {
            CredentialStore store = h.attach(CredentialStore.class);
            if (store.findAppCredByName(userId, row.name()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store application_credential - "
                        + "Duplicate entry.");
            }
            store.insertAppCred(row);
            List<AccessRuleRow> linked = new ArrayList<>();
            for (JsonNode rule : body.path("access_rules")) {
                AccessRuleRow stored = accessRule(store, userId, (ObjectNode) rule);
                if (linked.stream().noneMatch(l -> l.id() == stored.id())) {
                    store.linkAccessRule(row.id(), stored.id());
                    linked.add(stored);
                }
            }
            return linked;
        });
        ObjectNode out = json(req, row, roles, rules);
        out.put("secret", secret);
        return Response.created(Json.object().set("application_credential", out));
    }

    private Response list(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:list_application_credentials", userTarget(userId));
        Optional<String> name = req.query("name");
        List<ObjectNode> out = new ArrayList<>();
        for (ApplicationCredentialRow row : ctx.jdbi().withExtension(CredentialStore.class, s -> s.appCredsOf(userId))) {
            if (name.isEmpty() || name.get().equals(row.name())) {
                out.add(json(req, row));
            }
        }
        return Response.ok(Entity.collection("application_credentials", out,
                req.serviceUrl() + "/v3/users/" + userId + "/application_credentials"));
    }

    private Response get(Request req) {
        String userId = req.param("user_id");
        ctx.enforce(req, "identity:get_application_credential", userTarget(userId));
        return Response.ok(Json.object().set("application_credential", json(req, find(userId, req.param("id")))));
    }

    private Response delete(Request req) {
        String userId = req.param("user_id");
        AuthContext auth = ctx.enforce(req, "identity:delete_application_credential", userTarget(userId));
        ApplicationCredentialRow row = find(userId, req.param("id"));
        if (auth.applicationCredentialId() != null && !unrestricted(auth.applicationCredentialId())) {
            throw ApiException.forbidden("Using method 'application_credential' is not allowed for managing "
                    + "additional application credentials.");
        }
        ctx.jdbi().useExtension(CredentialStore.class, s -> s.deleteAppCred(row.id()));
        ctx.revoke(RevocationEvent.ofApplicationCredential(row.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    // ---- helpers ----

    private ApplicationCredentialRow find(String userId, String id) {
        return ctx.jdbi().withExtension(CredentialStore.class, s -> s.findAppCred(id))
                .filter(row -> row.userId().equals(userId))
                .orElseThrow(() -> ApiException.notFound("Could not find Application Credential: " + id + "."));
    }

    private boolean unrestricted(String appCredId) {
        return ctx.jdbi().withExtension(CredentialStore.class, s -> s.findAppCred(appCredId))
                .map(ApplicationCredentialRow::unrestricted).orElse(false);
    }

    static Map<String, Object> userTarget(String userId) {
        return Map.of("target.user.id", userId);
    }

    /**
     * The roles asked for, each by id or name, all of which the user must hold on the project
     * now (as Keystone checks the assignments, not the token); the token's roles when none
     * are asked for.
     */
    private List<RoleRow> roles(AuthContext auth, JsonNode requested) {
        Map<String, RoleRow> held = new LinkedHashMap<>();
        if (requested == null || requested.isNull() || requested.isEmpty()) {
            List<String> ids = auth.roles().stream().map(AuthContext.Ref::id).toList();
            if (!ids.isEmpty()) {
                ctx.jdbi().withExtension(RoleStore.class, s -> s.findAll(ids)).forEach(role -> held.put(role.id(), role));
            }
            return List.copyOf(held.values());
        }
        ctx.jdbi().withHandle(h -> h.attach(ProjectStore.class).find(auth.projectId())
                        .map(project -> RoleResolver.rolesOf(h, auth.userId(), RoleResolver.projectScope(h, project)))
                        .orElse(List.of()))
                .forEach(role -> held.put(role.id(), role));
        Map<String, RoleRow> chosen = new LinkedHashMap<>();
        for (JsonNode ref : requested) {
            String id = ref.path("id").asString(null);
            String name = ref.path("name").asString(null);
            if (id == null && name == null) {
                throw ApiException.badRequest("Invalid input for field 'roles': each role needs an id or a name.");
            }
            RoleRow role = held.values().stream()
                    .filter(r -> id != null ? r.id().equals(id) : r.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("Could not find role assignment with role: "
                            + (id != null ? id : name) + ", user or group: " + auth.userId()
                            + ", project, domain, or system: " + auth.projectId() + "."));
            chosen.put(role.id(), role);
        }
        return List.copyOf(chosen.values());
    }

    /** An access rule by its id (one the user has), or the user's rule with the same fields, made if new. */
    private static AccessRuleRow accessRule(CredentialStore store, String userId, ObjectNode rule) {
        String externalId = Entity.text(rule, "id");
        String service = Entity.text(rule, "service");
        String path = Entity.text(rule, "path");
        String method = Entity.text(rule, "method");
        if (service == null || path == null || method == null) {
            if (externalId == null) {
                throw ApiException.badRequest("Invalid input for field 'access_rules': each rule needs an id, or "
                        + "a service, path and method.");
            }
            return store.findAccessRule(userId, externalId)
                    .orElseThrow(() -> ApiException.notFound("Could not find Access Rule: " + externalId + "."));
        }
        return store.findSameAccessRule(userId, service, path, method).orElseGet(() -> {
            String id = externalId != null ? externalId : Ids.newId();
            long key = store.insertAccessRule(id, userId, service, path, method);
            return new AccessRuleRow(key, id, userId, service, path, method);
        });
    }

    /** As Python's {@code isoformat()} writes a naive UTC time, which is what clients compare with. */
    static String time(Instant at) {
        return at.getNano() == 0 ? SECONDS.format(at) : MICROS.format(at);
    }

    private static String newSecret() {
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private ObjectNode json(Request req, ApplicationCredentialRow row) {
        List<String> ids = new ArrayList<>();
        Json.parse(row.roles()).forEach(id -> ids.add(id.asString()));
        List<RoleRow> roles = ids.isEmpty() ? List.of()
                : ctx.jdbi().withExtension(RoleStore.class, s -> s.findAll(ids));
        List<AccessRuleRow> rules = ctx.jdbi().withExtension(CredentialStore.class, s -> s.accessRulesOfAppCred(row.id()));
        return json(req, row, roles, rules);
    }

    private static ObjectNode json(Request req, ApplicationCredentialRow row, List<RoleRow> roles,
                                   List<AccessRuleRow> rules) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("description", row.description());
        out.put("user_id", row.userId());
        out.put("project_id", row.projectId());
        out.put("expires_at", row.expiresAt() == null ? null : time(row.expiresAt()));
        out.put("unrestricted", row.unrestricted());
        ArrayNode roleArray = out.putArray("roles");
        for (RoleRow role : roles) {
            roleArray.addObject().put("id", role.id()).put("name", role.name())
                    .put("domain_id", role.isGlobal() ? null : role.domainId());
        }
        ArrayNode ruleArray = out.putArray("access_rules");
        for (AccessRuleRow rule : rules) {
            ruleArray.addObject().put("id", rule.externalId()).put("service", rule.service())
                    .put("path", rule.path()).put("method", rule.method());
        }
        return Entity.self(out, req.serviceUrl() + "/v3/users/" + row.userId() + "/application_credentials/"
                + row.id());
    }
}
