package dev.overcast.identity.trust;

import java.time.Instant;
import java.util.List;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.json.Json;
import dev.overcast.identity.IdentityContext;
import dev.overcast.identity.user.UserRow;
import dev.overcast.identity.user.UserStore;
import tools.jackson.databind.node.ObjectNode;

/** What a trust-scoped token may carry, checked when the token is issued. */
public final class TrustScopes {
    private TrustScopes() {
    }

    /** What the trustee may act with: the trustor's roles on the project, limited to the trust's. */
    public record Delegation(UserRow trustor, String projectId, List<String> roleIds, boolean impersonation,
                             Instant expiresAt) {
    }

    /** Checks that {@code trustee} may use the trust now and consumes one use; a 401/403 otherwise. */
    public static Delegation delegate(IdentityContext ctx, String trustId, UserRow trustee) {
        return ctx.jdbi().inTransaction(h -> {
            TrustStore store = h.attach(TrustStore.class);
            TrustRow trust = store.find(trustId)
                    .filter(t -> t.expiresAt() == null || ctx.clock().instant().isBefore(t.expiresAt()))
                    .orElseThrow(() -> ApiException.unauthorized("Could not find trust: " + trustId + "."));
            if (!trust.trusteeUserId().equals(trustee.id())) {
                throw ApiException.forbidden("The user is not the trustee of trust " + trustId + ".");
            }
            if (trust.projectId() == null) {
                throw ApiException.forbidden("Trust " + trustId + " names no project to scope to.");
            }
            if (trust.remainingUses() != null && store.consumeUse(trustId) == 0) {
                throw ApiException.unauthorized("Trust " + trustId + " has no uses left.");
            }
            UserRow trustor = h.attach(UserStore.class).find(trust.trustorUserId())
                    .orElseThrow(() -> ApiException.unauthorized("The trustor of trust " + trustId + " is gone."));
            return new Delegation(trustor, trust.projectId(), TrustApi.roleIds(trust), trust.impersonation(),
                    trust.expiresAt());
        });
    }

    /** The token body's {@code OS-TRUST:trust} object. */
    public static ObjectNode tokenView(IdentityContext ctx, AuthContext token) {
        ObjectNode out = Json.object();
        out.put("id", token.trustId());
        ctx.jdbi().withExtension(TrustStore.class, s -> s.find(token.trustId())).ifPresent(trust -> {
            out.put("impersonation", trust.impersonation());
            out.putObject("trustee_user").put("id", trust.trusteeUserId());
            out.putObject("trustor_user").put("id", trust.trustorUserId());
        });
        return out;
    }
}
