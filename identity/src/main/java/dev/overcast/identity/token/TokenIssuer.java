package dev.overcast.identity.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.AuthContext.Ref;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.project.ProjectRow;
import dev.overcast.identity.project.ProjectStore;
import dev.overcast.identity.role.EffectiveRoles;
import dev.overcast.identity.role.RoleResolver;
import dev.overcast.identity.role.RoleRow;
import dev.overcast.identity.trust.TrustScopes;
import dev.overcast.identity.user.UserRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what a new token carries: checks each method's proof, the user and the
 * requested scope (project, domain, system, trust or none), and works out the roles and
 * the expiry. {@link TokenApi} signs and answers.
 */
final class TokenIssuer {
    private final IdentityContext ctx;
    private final Map<String, AuthMethod> methods;

    TokenIssuer(IdentityContext ctx, Map<String, AuthMethod> methods) {
        this.ctx = ctx;
        this.methods = Map.copyOf(methods);
    }

    /** The token a {@code POST /v3/auth/tokens} body earns; a 400/401/403/404 if it earns none. */
    AuthContext issue(Request req) {
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
        return build(user, methodNames, scope, proof);
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
}
