package dev.overcast.identity.token;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.AuthContext.Ref;
import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.core.http.Response;
import dev.overcast.core.http.Routes;
import dev.overcast.core.json.Json;
import dev.overcast.identity.Entity;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.catalog.Catalog;
import dev.overcast.identity.project.ProjectApi;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.role.Access;
import dev.overcast.identity.role.EffectiveRoles;
import dev.overcast.identity.role.RoleResolver;
import dev.overcast.identity.role.RoleRow;
import dev.overcast.identity.trust.TrustScopes;
import dev.overcast.identity.user.UserRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v3/auth/*}: issuing tokens (password, token and any registered method; project,
 * domain, system or no scope), validating, checking and revoking them, and the
 * catalog/projects/domains/system a token may see.
 */
public final class TokenApi {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final IdentityContext ctx;
    private final Catalog catalog;
    private final Map<String, AuthMethod> methods = new LinkedHashMap<>();

    public TokenApi(IdentityContext ctx, List<AuthMethod> extraMethods, dev.overcast.identity.user.Passwords passwords) {
        this.ctx = ctx;
        this.catalog = new Catalog(ctx.jdbi());
        for (AuthMethod m : List.of(new PasswordMethod(ctx.jdbi(), passwords, ctx.clock()),
                new TokenMethod(ctx.jdbi(), ctx.tokens()))) {
            methods.put(m.name(), m);
        }
        extraMethods.forEach(m -> methods.put(m.name(), m));
    }

    public void routes(Routes r) {
        r.publicRoute("POST", "/v3/auth/tokens", this::issue)
                .get("/v3/auth/tokens", this::validate)
                .head("/v3/auth/tokens", this::check)
                .delete("/v3/auth/tokens", this::revoke)
                .get("/v3/auth/catalog", this::catalog)
                .get("/v3/auth/projects", this::projects)
                .get("/v3/auth/domains", this::domains)
                .get("/v3/auth/system", this::system);
    }

    // ---- issue ----

    private Response issue(Request req) {
        JsonNode auth = req.json().get("auth");
        if (auth == null || !auth.isObject()) {
            throw ApiException.badRequest("Invalid input for field 'auth': an object is required.");
        }
        JsonNode identity = auth.get("identity");
        if (identity == null || !identity.isObject() || !identity.path("methods").isArray()
                || identity.get("methods").isEmpty()) {
            throw ApiException.badRequest("Invalid input for field 'auth.identity.methods': a non-empty list is required.");
        }
        AuthMethod.Proof proof = null;
        List<String> methodNames = new ArrayList<>();
        for (JsonNode m : identity.get("methods")) {
            String name = m.asString("");
            AuthMethod method = methods.get(name);
            if (method == null) {
                throw ApiException.unauthorized("Attempted to authenticate with an unsupported method: " + name + ".");
            }
            JsonNode payload = identity.get(name);
            if (payload == null || !payload.isObject()) {
                throw ApiException.badRequest("Invalid input for field 'auth.identity." + name + "': an object is required.");
            }
            AuthMethod.Proof next = method.authenticate((ObjectNode) payload, req);
            if (proof != null && !proof.user().id().equals(next.user().id())) {
                throw ApiException.unauthorized("All authentication methods must identify the same user.");
            }
            proof = proof == null ? next : merge(proof, next);
            methodNames.add(name);
        }
        for (String previous : proof.previousMethods()) {
            if (!methodNames.contains(previous)) {
                methodNames.add(previous);
            }
        }
        UserRow user = checkUser(proof.user());
        AuthMethod.Scope scope = requestedScope(auth.get("scope"), proof, user);
        AuthContext token = build(user, methodNames, scope, proof);
        String id = ctx.tokens().sign(token);
        boolean withCatalog = !req.flag("nocatalog");
        return Response.created(body(token, withCatalog)).header("X-Subject-Token", id);
    }

    private static AuthMethod.Proof merge(AuthMethod.Proof a, AuthMethod.Proof b) {
        return new AuthMethod.Proof(a.user(), earliest(a.expiresAt(), b.expiresAt()),
                a.fixedProjectId() != null ? a.fixedProjectId() : b.fixedProjectId(),
                a.allowedRoleIds() != null ? a.allowedRoleIds() : b.allowedRoleIds(),
                a.auditChain() != null ? a.auditChain() : b.auditChain(),
                a.applicationCredentialId() != null ? a.applicationCredentialId() : b.applicationCredentialId(),
                a.previousScope() != null ? a.previousScope() : b.previousScope(),
                a.previousMethods().isEmpty() ? b.previousMethods() : a.previousMethods());
    }

    private UserRow checkUser(UserRow user) {
        if (!user.enabled()) {
            throw ApiException.unauthorized("The account is disabled for user: " + user.id() + ".");
        }
        ProjectRow domain = ctx.jdbi().withExtension(ProjectStore.class, s -> s.findDomain(user.domainId())).orElse(null);
        if (domain == null || !domain.enabled()) {
            throw ApiException.unauthorized("The domain of user " + user.id() + " is disabled.");
        }
        return user;
    }

    private AuthMethod.Scope requestedScope(JsonNode scope, AuthMethod.Proof proof, UserRow user) {
        if (proof.fixedProjectId() != null) {
            if (scope != null && !scope.isNull()) {
                JsonNode project = scope.get("project");
                if (project == null || !proof.fixedProjectId().equals(project.path("id").asString(null))) {
                    throw ApiException.unauthorized("Application credentials cannot request a scope.");
                }
            }
            return new AuthMethod.ProjectScope(proof.fixedProjectId());
        }
        if (scope == null || scope.isNull()) {
            if (proof.previousScope() != null) {
                return proof.previousScope();
            }
            return defaultScope(user);
        }
        if (scope.isString() && scope.asString().equals("unscoped")) {
            return new AuthMethod.Unscoped();
        }
        if (!scope.isObject()) {
            throw ApiException.badRequest("Invalid input for field 'auth.scope': an object is required.");
        }
        if (scope.size() != 1) {
            throw ApiException.badRequest("Exactly one of project, domain or system must be given in 'auth.scope'.");
        }
        if (scope.has("project")) {
            return new AuthMethod.ProjectScope(projectId(scope.get("project")));
        }
        if (scope.has("domain")) {
            JsonNode domain = scope.get("domain");
            if (!domain.isObject()) {
                throw ApiException.badRequest("Invalid input for field 'auth.scope.domain': an object is required.");
            }
            String id = PasswordMethod.domainId(ctx.jdbi(), (ObjectNode) domain);
            if (id == null) {
                throw ApiException.unauthorized("Could not find domain: " + domain.path("name").asString("") + ".");
            }
            return new AuthMethod.DomainScope(id);
        }
        if (scope.has("OS-TRUST:trust")) {
            String id = scope.get("OS-TRUST:trust").path("id").asString(null);
            if (id == null) {
                throw ApiException.badRequest("Invalid input for field 'auth.scope.OS-TRUST:trust.id': required.");
            }
            return new AuthMethod.TrustScope(id);
        }
        if (scope.has("system")) {
            if (!scope.get("system").path("all").asBoolean(false)) {
                throw ApiException.badRequest("Invalid input for field 'auth.scope.system': {\"all\": true} is required.");
            }
            return new AuthMethod.SystemScope();
        }
        throw ApiException.badRequest("Exactly one of project, domain, system or OS-TRUST:trust must be given in 'auth.scope'.");
    }

    private AuthMethod.Scope defaultScope(UserRow user) {
        if (user.defaultProjectId() != null) {
            var project = ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(user.defaultProjectId()));
            if (project.isPresent() && project.get().enabled() && !ctx.jdbi().withHandle(h ->
                    RoleResolver.rolesOf(h, user.id(), RoleResolver.projectScope(h, project.get()))).isEmpty()) {
                return new AuthMethod.ProjectScope(project.get().id());
            }
        }
        return new AuthMethod.Unscoped();
    }

    private String projectId(JsonNode project) {
        if (!project.isObject()) {
            throw ApiException.badRequest("Invalid input for field 'auth.scope.project': an object is required.");
        }
        String id = project.path("id").asString(null);
        if (id != null) {
            return id;
        }
        String name = project.path("name").asString(null);
        JsonNode domain = project.get("domain");
        if (name == null || domain == null || !domain.isObject()) {
            throw ApiException.badRequest("A project must be given by id, or by name and domain.");
        }
        String domainId = PasswordMethod.domainId(ctx.jdbi(), (ObjectNode) domain);
        return ctx.jdbi().withExtension(ProjectStore.class, s -> s.findByName(name, domainId))
                .map(ProjectRow::id)
                .orElseThrow(() -> ApiException.unauthorized("Could not find project: " + name + "."));
    }

    private AuthContext build(UserRow user, List<String> methodNames, AuthMethod.Scope scope, AuthMethod.Proof proof) {
        Instant now = ctx.clock().instant();
        Instant expires = earliest(now.plus(ctx.settings().tokenLifetime()), proof.expiresAt());
        Ref userDomain = domainRef(user.domainId());
        Ref project = null;
        Ref projectDomain = null;
        Ref domain = null;
        boolean system = false;
        boolean adminProject = false;
        String trustId = null;
        UserRow roleHolder = user;
        Ref tokenUser = new Ref(user.id(), user.name());
        List<RoleRow> roles = List.of();
        if (scope instanceof AuthMethod.TrustScope t) {
            TrustScopes.Delegation delegation = TrustScopes.delegate(ctx, t.trustId(), user);
            trustId = t.trustId();
            if (delegation.impersonation()) {
                UserRow trustor = checkUser(delegation.trustor());
                tokenUser = new Ref(trustor.id(), trustor.name());
                userDomain = domainRef(trustor.domainId());
            }
            expires = earliest(expires, delegation.expiresAt());
            scope = new AuthMethod.ProjectScope(delegation.projectId());
            proof = new AuthMethod.Proof(proof.user(), proof.expiresAt(), null, delegation.roleIds(),
                    proof.auditChain(), null, null, proof.previousMethods());
            roleHolder = delegation.trustor();
        }
        final UserRow holder = roleHolder;
        switch (scope) {
            case AuthMethod.ProjectScope p -> {
                ProjectRow row = ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(p.projectId()))
                        .filter(r -> !r.isDomain())
                        .orElseThrow(() -> ApiException.unauthorized("Could not find project: " + p.projectId() + "."));
                ProjectRow rowDomain = ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(row.domainId())).orElse(null);
                if (!row.enabled() || rowDomain == null || !rowDomain.enabled()) {
                    throw ApiException.unauthorized("Project " + row.id() + " is disabled.");
                }
                roles = ctx.jdbi().withHandle(h -> RoleResolver.rolesOf(h, holder.id(), RoleResolver.projectScope(h, row)));
                project = new Ref(row.id(), row.name());
                projectDomain = new Ref(rowDomain.id(), rowDomain.name());
                adminProject = row.name().equals("admin") && rowDomain.id().equals("default");
            }
            case AuthMethod.DomainScope d -> {
                ProjectRow row = ctx.jdbi().withExtension(ProjectStore.class, s -> s.findDomain(d.domainId()))
                        .orElseThrow(() -> ApiException.unauthorized("Could not find domain: " + d.domainId() + "."));
                if (!row.enabled()) {
                    throw ApiException.unauthorized("Domain " + row.id() + " is disabled.");
                }
                roles = ctx.jdbi().withHandle(h -> RoleResolver.rolesOf(h, holder.id(), new EffectiveRoles.OnDomain(row.id())));
                domain = new Ref(row.id(), row.name());
            }
            case AuthMethod.SystemScope s -> {
                roles = ctx.jdbi().withHandle(h -> RoleResolver.rolesOf(h, holder.id(), new EffectiveRoles.OnSystem()));
                system = true;
            }
            case AuthMethod.TrustScope t -> throw new IllegalStateException("trust scope was resolved above");
            case AuthMethod.Unscoped u -> {
            }
        }
        if (proof.allowedRoleIds() != null) {
            Set<String> allowed = new HashSet<>(proof.allowedRoleIds());
            roles = roles.stream().filter(r -> allowed.contains(r.id())).toList();
        }
        if (!(scope instanceof AuthMethod.Unscoped) && roles.isEmpty()) {
            throw ApiException.unauthorized("User " + user.id() + " has no access to the requested scope.");
        }
        List<String> audit = new ArrayList<>();
        audit.add(newAuditId());
        if (proof.auditChain() != null) {
            audit.add(proof.auditChain());
        }
        return new AuthContext(tokenUser, userDomain, project, projectDomain, domain, system,
                roles.stream().map(r -> new Ref(r.id(), r.name())).toList(), methodNames, audit,
                now, expires, proof.applicationCredentialId(), trustId, adminProject);
    }

    private Ref domainRef(String domainId) {
        return ctx.jdbi().withExtension(ProjectStore.class, s -> s.find(domainId))
                .map(d -> new Ref(d.id(), d.name())).orElse(new Ref(domainId, null));
    }

    private static String newAuditId() {
        byte[] bytes = new byte[16];
        var uuid = UUID.randomUUID();
        java.nio.ByteBuffer.wrap(bytes).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    // ---- validate, check, revoke ----

    private AuthContext subject(Request req, String rule) {
        String subject = req.header("X-Subject-Token")
                .orElseThrow(() -> ApiException.badRequest("The X-Subject-Token header is required."));
        AuthContext token;
        try {
            token = ctx.tokens().verify(subject.trim());
        } catch (ApiException e) {
            throw ApiException.notFound("Could not find token: " + abbreviate(subject) + ".");
        }
        ctx.enforce(req, rule, Map.of("target.token.user_id", token.userId()));
        return token;
    }

    private static String abbreviate(String token) {
        return token.length() > 16 ? token.substring(0, 16) + "..." : token;
    }

    private Response validate(Request req) {
        String subject = req.header("X-Subject-Token").orElse("");
        AuthContext token = subject(req, "identity:validate_token");
        return Response.ok(body(token, !req.flag("nocatalog"))).header("X-Subject-Token", subject);
    }

    private Response check(Request req) {
        subject(req, "identity:check_token");
        return Response.status(200, null);
    }

    private Response revoke(Request req) {
        AuthContext token = subject(req, "identity:revoke_token");
        ctx.revoke(RevocationEvent.ofAuditId(token.auditId(), ctx.clock().instant()));
        return Response.noContent();
    }

    // ---- what a token may see ----

    private Response catalog(Request req) {
        AuthContext auth = ctx.enforce(req, "identity:get_auth_catalog", Map.of());
        if (auth.isUnscoped()) {
            throw ApiException.forbidden("Unscoped tokens cannot be used to get a catalog.");
        }
        ObjectNode out = Json.object();
        out.set("catalog", catalog.render(auth.projectId()));
        out.putObject("links").put("self", req.serviceUrl() + "/v3/auth/catalog").putNull("previous").putNull("next");
        return Response.ok(out);
    }

    private Response projects(Request req) {
        AuthContext auth = ctx.enforce(req, "identity:get_auth_projects", Map.of());
        List<ObjectNode> out = ctx.jdbi().withHandle(h -> Access.projectsOf(h, auth.userId())).stream()
                .filter(ProjectRow::enabled)
                .map(p -> ProjectApi.projectJson(req, p, List.of())).toList();
        return Response.ok(Entity.collection("projects", out, req.serviceUrl() + "/v3/auth/projects"));
    }

    private Response domains(Request req) {
        AuthContext auth = ctx.enforce(req, "identity:get_auth_domains", Map.of());
        List<ObjectNode> out = new ArrayList<>();
        for (ProjectRow d : ctx.jdbi().withHandle(h -> Access.domainsOf(h, auth.userId()))) {
            if (d.enabled()) {
                ObjectNode node = Json.object();
                node.put("id", d.id());
                node.put("name", d.name());
                node.put("description", d.description() == null ? "" : d.description());
                node.put("enabled", true);
                Entity.self(node, req.serviceUrl() + "/v3/domains/" + d.id());
                out.add(node);
            }
        }
        return Response.ok(Entity.collection("domains", out, req.serviceUrl() + "/v3/auth/domains"));
    }

    private Response system(Request req) {
        AuthContext auth = ctx.enforce(req, "identity:get_auth_system", Map.of());
        ObjectNode out = Json.object();
        var system = out.putArray("system");
        if (ctx.jdbi().withHandle(h -> Access.hasSystemRoles(h, auth.userId()))) {
            system.addObject().put("all", true);
        }
        out.putObject("links").put("self", req.serviceUrl() + "/v3/auth/system").putNull("previous").putNull("next");
        return Response.ok(out);
    }

    // ---- the token body ----

    /** The token as Keystone shows it in the body of an issue or validate response. */
    ObjectNode body(AuthContext token, boolean withCatalog) {
        ObjectNode t = Json.object();
        t.set("methods", Json.tree(token.methods()));
        ObjectNode user = t.putObject("user");
        user.put("id", token.userId());
        user.put("name", token.user().name());
        user.set("domain", ref(token.userDomain()));
        user.putNull("password_expires_at");
        t.set("audit_ids", Json.tree(token.auditIds()));
        t.put("expires_at", TIME.format(token.expiresAt()));
        t.put("issued_at", TIME.format(token.issuedAt()));
        if (token.project() != null) {
            ObjectNode project = ref(token.project());
            project.set("domain", ref(token.projectDomain()));
            t.set("project", project);
            t.put("is_domain", false);
        } else if (token.domain() != null) {
            t.set("domain", ref(token.domain()));
        } else if (token.system()) {
            t.putObject("system").put("all", true);
        }
        if (!token.isUnscoped()) {
            var roles = t.putArray("roles");
            token.roles().forEach(r -> roles.add(ref(r)));
            if (withCatalog) {
                t.set("catalog", catalog.render(token.projectId()));
            }
        }
        if (token.applicationCredentialId() != null) {
            t.putObject("application_credential").put("id", token.applicationCredentialId());
        }
        if (token.trustId() != null) {
            t.set("OS-TRUST:trust", TrustScopes.tokenView(ctx, token));
        }
        if (token.isAdminProject()) {
            t.put("is_admin_project", true);
        }
        ObjectNode out = Json.object();
        out.set("token", t);
        return out;
    }

    private static ObjectNode ref(Ref ref) {
        ObjectNode node = Json.object();
        node.put("id", ref.id());
        node.put("name", ref.name());
        return node;
    }
}
