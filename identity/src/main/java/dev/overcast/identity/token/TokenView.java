package dev.overcast.identity.token;

import java.util.List;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.AuthContext.Ref;
import dev.overcast.core.json.Json;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.Times;
import dev.overcast.identity.catalog.Catalog;
import dev.overcast.identity.federation.FederationApi;
import dev.overcast.identity.trust.TrustScopes;
import tools.jackson.databind.node.ObjectNode;

/** The token as Keystone shows it in the body of an issue or validate response. */
final class TokenView {
    private final IdentityContext ctx;
    private final Catalog catalog;

    TokenView(IdentityContext ctx, Catalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
    }


    ObjectNode body(AuthContext token, boolean withCatalog) {
        ObjectNode t = Json.object();
        t.set("methods", Json.tree(token.methods()));
        ObjectNode user = t.putObject("user");
        user.put("id", token.userId());
        user.put("name", token.user().name());
        user.set("domain", ref(token.userDomain()));
        user.putNull("password_expires_at");
        t.set("audit_ids", Json.tree(token.auditIds()));
        t.put("expires_at", Times.format(token.expiresAt()));
        t.put("issued_at", Times.format(token.issuedAt()));
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
                List<ObjectNode> providers = FederationApi.inToken(ctx);
                if (!providers.isEmpty()) {
                    t.set("service_providers", Json.tree(providers));
                }
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
