package dev.overcast.identity.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Ids;
import dev.overcast.identity.group.GroupApi;
import dev.overcast.identity.group.GroupRow;
import dev.overcast.identity.group.GroupStore;
import dev.overcast.identity.project.ProjectApi;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.role.Access;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users: CRUD, the self-service password change, and a user's projects and groups. A
 * password is stored only as a bcrypt hash, and every hash a user has had is kept in
 * {@code password_history} (newest first) for the security-compliance checks ({@link PasswordRules}).
 * Disabling or deleting a user, or changing their password, revokes all their tokens.
 *
 * <p>As in Keystone, a password an admin sets (on create or reset) meets the format but not
 * the history or minimum age, and is the one that must be changed upon first use when that is
 * on; a self-service change meets them all.
 */
public final class UserApi {
    private static final Set<String> FIELDS = Set.of("id", "name", "domain_id", "default_project_id", "enabled",
            "password", "original_password", "options", "links", "password_expires_at");
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final IdentityContext ctx;
    private final Passwords passwords;
    private final PasswordRules rules;

    public UserApi(IdentityContext ctx, Passwords passwords) {
        this.ctx = ctx;
        this.passwords = passwords;
        this.rules = new PasswordRules(ctx.jdbi(), ctx.clock(), passwords);
    }

    public void routes(Routes r) {
        r.get("/v3/users", this::list)
                .post("/v3/users", this::create)
                .get("/v3/users/{user_id}", this::get)
                .patch("/v3/users/{user_id}", this::update)
                .delete("/v3/users/{user_id}", this::delete)
                .publicRoute("POST", "/v3/users/{user_id}/password", this::changePassword)
                .get("/v3/users/{user_id}/projects", this::projects)
                .get("/v3/users/{user_id}/groups", this::groups);
    }

    private Response list(Request req) {
        Map<String, Object> target = new HashMap<>();
        req.query("domain_id").ifPresent(d -> target.put("target.domain_id", d));
        ctx.enforce(req, "identity:list_users", target);
        UserFilter filter = UserFilter.of(req);
        List<ObjectNode> out = new ArrayList<>();
        for (UserRow row : ctx.jdbi().withExtension(UserStore.class, UserStore::list)) {
            if (filter.test(row)) {
                out.add(userJson(req, row));
            }
        }
        return Response.ok(Entity.collection("users", out, req.serviceUrl() + "/v3/users"));
    }

    private Response create(Request req) {
        ObjectNode body = (ObjectNode) ctx.schemas().validate("user_create", req.json()).get("user");
        AuthContext caller = req.auth();
        String domainId = Entity.text(body, "domain_id");
        if (domainId == null) {
            domainId = caller.projectDomain() != null ? caller.projectDomain().id()
                    : caller.domainId() != null ? caller.domainId() : "default";
        }
        String domain = domainId;
        ctx.enforce(req, "identity:create_user", Map.of("target.user.domain_id", domain));
        ctx.jdbi().withExtension(ProjectStore.class, s -> s.findDomain(domain))
                .orElseThrow(() -> ApiException.notFound("Could not find domain: " + domain + "."));
        String defaultProject = Entity.text(body, "default_project_id");
        checkDefaultProject(defaultProject);
        Instant now = ctx.clock().instant();
        String password = Entity.text(body, "password");
        rules.checkFormat(password);
        String hash = password == null ? null : passwords.hash(password);
        String options = options(body, "{}");
        UserRow row = new UserRow(Ids.newId(), body.get("name").asString(), domain, Entity.bool(body, "enabled", true),
                defaultProject, hash, hash == null ? null : now, hash == null ? null : rules.expiresAt(options, true),
                0, null, options, Entity.extra(body, FIELDS), now, null);
        ctx.jdbi().useTransaction(h -> {
            UserStore store = h.attach(UserStore.class);
            if (store.findByName(row.name(), domain).isPresent()) {
                throw duplicate(row.name(), domain);
            }
            store.insert(row);
            if (hash != null) {
                store.addHistory(row.id(), hash, now);
            }
        });
        return Response.created(Json.object().set("user", userJson(req, row)));
    }

    private Response get(Request req) {
        UserRow row = user(req.param("user_id"));
        ctx.enforce(req, "identity:get_user", target(row));
        return Response.ok(Json.object().set("user", userJson(req, row)));
    }

    private Response update(Request req) {
        UserRow row = user(req.param("user_id"));
        ctx.enforce(req, "identity:update_user", target(row));
        ObjectNode body = (ObjectNode) ctx.schemas().validate("user_update", req.json()).get("user");
        String newDomain = Entity.text(body, "domain_id");
        if (newDomain != null && !newDomain.equals(row.domainId())) {
            throw ApiException.badRequest("Field 'domain_id' of a user cannot be updated.");
        }
        String defaultProject = body.has("default_project_id") ? Entity.text(body, "default_project_id")
                : row.defaultProjectId();
        if (body.has("default_project_id")) {
            checkDefaultProject(defaultProject);
        }
        Instant now = ctx.clock().instant();
        boolean newPassword = body.has("password");
        String password = Entity.text(body, "password");
        rules.checkFormat(password);
        String hash = newPassword ? (password == null ? null : passwords.hash(password)) : row.passwordHash();
        String options = options(body, row.options());
        boolean enabled = Entity.bool(body, "enabled", row.enabled());
        // Keystone clears the failure count whenever a user is (left) enabled: that is how an admin unlocks.
        UserRow updated = new UserRow(row.id(),
                body.has("name") ? body.get("name").asString() : row.name(), row.domainId(),
                enabled, defaultProject, hash,
                newPassword ? (hash == null ? null : now) : row.passwordCreatedAt(),
                newPassword ? (hash == null ? null : rules.expiresAt(options, true)) : row.passwordExpiresAt(),
                enabled ? 0 : row.failedAuthCount(), enabled ? null : row.failedAuthAt(), options,
                Entity.mergeExtra(row.extra(), body, FIELDS), row.createdAt(), row.lastActiveAt());
        ctx.jdbi().useTransaction(h -> {
            UserStore store = h.attach(UserStore.class);
            if (!updated.name().equals(row.name()) && store.findByName(updated.name(), row.domainId()).isPresent()) {
                throw duplicate(updated.name(), row.domainId());
            }
            store.update(updated);
            if (newPassword && hash != null) {
                store.addHistory(row.id(), hash, now);
            }
        });
        if (newPassword || row.enabled() && !updated.enabled()) {
            ctx.revoke(RevocationEvent.ofUser(row.id(), ctx.clock().instant()));
        }
        return Response.ok(Json.object().set("user", userJson(req, updated)));
    }

    private Response delete(Request req) {
        UserRow row = user(req.param("user_id"));
        ctx.enforce(req, "identity:delete_user", target(row));
        ctx.jdbi().useTransaction(h -> {
            h.createUpdate("delete from assignment where actor_id = :id").bind("id", row.id()).execute();
            h.createUpdate("delete from user_group where user_id = :id").bind("id", row.id()).execute();
            h.createUpdate("delete from password_history where user_id = :id").bind("id", row.id()).execute();
            h.attach(UserStore.class).delete(row.id());
        });
        ctx.revoke(RevocationEvent.ofUser(row.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    /**
     * The self-service change: no token needed, the original password is the proof. As in
     * Keystone, an unknown user and a wrong password are the same 401, so the route does
     * not reveal which users exist; a wrong original password counts towards lockout, and an
     * expired one may still be changed (that is how a user gets past expiry or first use).
     */
    private Response changePassword(Request req) {
        ObjectNode body = (ObjectNode) ctx.schemas().validate("user_password", req.json()).get("user");
        String id = req.param("user_id");
        UserRow row = ctx.jdbi().withExtension(UserStore.class, s -> s.find(id)).orElse(null);
        if (row == null) {
            throw ApiException.unauthorized("The request you have made requires authentication.");
        }
        rules.verify(row, body.get("original_password").asString());
        if (!row.enabled()) {
            throw ApiException.unauthorized("The request you have made requires authentication.");
        }
        String password = body.get("password").asString();
        rules.checkSelfServiceChange(row, password);
        Instant now = ctx.clock().instant();
        String hash = passwords.hash(password);
        UserRow updated = new UserRow(row.id(), row.name(), row.domainId(), row.enabled(), row.defaultProjectId(),
                hash, now, rules.expiresAt(row.options(), false), 0, null, row.options(), row.extra(),
                row.createdAt(), row.lastActiveAt());
        ctx.jdbi().useTransaction(h -> {
            UserStore store = h.attach(UserStore.class);
            store.update(updated);
            store.addHistory(row.id(), hash, now, true);
        });
        ctx.revoke(RevocationEvent.ofUser(row.id(), ctx.clock().instant()));
        return Response.noContent();
    }

    private Response projects(Request req) {
        UserRow row = user(req.param("user_id"));
        ctx.enforce(req, "identity:list_user_projects", target(row));
        var name = req.query("name");
        var enabled = req.query("enabled").map(UserFilter::bool);
        var domainId = req.query("domain_id");
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> {
            ProjectStore store = h.attach(ProjectStore.class);
            List<ObjectNode> projects = new ArrayList<>();
            for (ProjectRow p : Access.projectsOf(h, row.id())) {
                if (name.map(n -> n.equals(p.name())).orElse(true)
                        && enabled.map(e -> e == p.enabled()).orElse(true)
                        && domainId.map(d -> d.equals(p.domainId())).orElse(true)) {
                    projects.add(ProjectApi.projectJson(req, p, store.tags(p.id())));
                }
            }
            return projects;
        });
        return Response.ok(Entity.collection("projects", out,
                req.serviceUrl() + "/v3/users/" + row.id() + "/projects"));
    }

    private Response groups(Request req) {
        UserRow row = user(req.param("user_id"));
        ctx.enforce(req, "identity:list_groups_for_user", target(row));
        var name = req.query("name");
        List<ObjectNode> out = new ArrayList<>();
        for (GroupRow g : ctx.jdbi().withExtension(GroupStore.class, s -> s.groupsOf(row.id()))) {
            if (name.map(n -> n.equals(g.name())).orElse(true)) {
                out.add(GroupApi.groupJson(req, g));
            }
        }
        return Response.ok(Entity.collection("groups", out, req.serviceUrl() + "/v3/users/" + row.id() + "/groups"));
    }

    // ---- helpers ----

    private UserRow user(String id) {
        return ctx.jdbi().withExtension(UserStore.class, s -> s.find(id))
                .orElseThrow(() -> ApiException.notFound("Could not find user: " + id + "."));
    }

    /** Keystone refuses a domain as a user's default project; an unknown project is allowed. */
    private void checkDefaultProject(String projectId) {
        if (projectId == null) {
            return;
        }
        ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(projectId)).ifPresent(p -> {
            if (p.isDomain()) {
                throw ApiException.badRequest("The default project of a user cannot be a domain: " + projectId + ".");
            }
        });
    }

    private static String options(ObjectNode body, String stored) {
        JsonNode options = body.get("options");
        if (options == null || !options.isObject()) {
            return stored == null ? "{}" : stored;
        }
        return Entity.mergeExtra(stored, (ObjectNode) options, Set.of());
    }

    private static ApiException duplicate(String name, String domainId) {
        return ApiException.conflict("Conflict occurred attempting to store user - Duplicate entry found with name "
                + name + " at domain ID " + domainId + ".");
    }

    private static Map<String, Object> target(UserRow row) {
        return Map.of("target.user.id", row.id(), "target.user.domain_id", row.domainId());
    }

    /** A user as Keystone shows it: never its password, its extra attributes merged in. */
    public static ObjectNode userJson(Request req, UserRow row) {
        ObjectNode out = Json.object();
        out.put("id", row.id());
        out.put("name", row.name());
        out.put("domain_id", row.domainId());
        out.put("enabled", row.enabled());
        if (row.defaultProjectId() != null) {
            out.put("default_project_id", row.defaultProjectId());
        }
        out.put("password_expires_at",
                row.passwordExpiresAt() == null ? null : KEYSTONE_TIME.format(row.passwordExpiresAt()));
        out.set("options", Json.parse(row.options() == null || row.options().isEmpty() ? "{}" : row.options()));
        Entity.withExtra(out, row.extra());
        return Entity.self(out, req.serviceUrl() + "/v3/users/" + row.id());
    }
}
