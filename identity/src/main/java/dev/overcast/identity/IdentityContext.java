package dev.overcast.identity;

import java.time.Clock;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.RevocationEvent;
import dev.overcast.core.auth.RevocationList;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.http.Request;
import dev.overcast.core.policy.Credentials;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;

/** What every Identity feature needs: its database, policy, tokens, clock and settings. */
public record IdentityContext(Jdbi jdbi, Policy policy, TokenCodec tokens, RevocationList revocations,
                              Clock clock, Schemas schemas, IdentitySettings settings) {

    /** Enforces {@code rule} for the caller against {@code target}; a 403 if policy says no. */
    public AuthContext enforce(Request request, String rule, Map<String, Object> target) {
        AuthContext auth = request.auth();
        policy.enforce(rule, Credentials.of(auth), target);
        return auth;
    }

    public boolean allowed(AuthContext auth, String rule, Map<String, Object> target) {
        return policy.check(rule, Credentials.of(auth), target);
    }

    /** Records a revocation event durably and applies it to the in-memory list at once. */
    public void revoke(RevocationEvent event) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into revocation_event (user_id, project_id, domain_id, role_id, audit_id, trust_id,
                    application_credential_id, issued_before, revoked_at)
                values (:userId, :projectId, :domainId, :roleId, :auditId, :trustId,
                    :applicationCredentialId, :issuedBefore, :revokedAt)""")
                .bindMethods(event)
                .bind("revokedAt", clock.instant())
                .execute());
        revocations.add(event);
    }
}
