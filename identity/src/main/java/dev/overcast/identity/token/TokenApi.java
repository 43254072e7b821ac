package dev.overcast.identity.token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.overcast.core.auth.AuthContext;
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
import dev.overcast.identity.role.Access;
import dev.overcast.identity.user.Passwords;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v3/auth/*}: issuing tokens (password, token and any registered method; project,
 * domain, system or no scope), validating, checking and revoking them, and the
 * catalog/projects/domains/system a token may see.
 */
public final class TokenApi {
    private final IdentityContext ctx;
    private final Catalog catalog;
    private final TokenIssuer issuer;
    private final TokenView view;

    public TokenApi(IdentityContext ctx, List<AuthMethod> extraMethods, Passwords passwords) {
        this.ctx = ctx;
        this.catalog = new Catalog(ctx.jdbi());
        Map<String, AuthMethod> methods = new LinkedHashMap<>();
        for (AuthMethod m : List.of(new PasswordMethod(ctx.jdbi(), passwords, ctx.clock()),
                new TokenMethod(ctx.jdbi(), ctx.tokens()))) {
            methods.put(m.name(), m);
        }
        extraMethods.forEach(m -> methods.put(m.name(), m));
        this.issuer = new TokenIssuer(ctx, methods);
        this.view = new TokenView(ctx, catalog);
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
        AuthContext token = issuer.issue(req);
        String id = ctx.tokens().sign(token);
        return Response.created(body(token, !req.flag("nocatalog"))).header("X-Subject-Token", id);
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

    private ObjectNode body(AuthContext token, boolean withCatalog) {
        return view.body(token, withCatalog);
    }
}
