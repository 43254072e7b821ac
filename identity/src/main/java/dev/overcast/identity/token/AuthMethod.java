package dev.overcast.identity.token;

import java.time.Instant;
import java.util.List;

import dev.overcast.core.http.Request;
import dev.overcast.identity.user.UserRow;
import tools.jackson.databind.node.ObjectNode;

/**
 * One way of proving who you are in {@code POST /v3/auth/tokens} ({@code password},
 * {@code token}, {@code application_credential}, ...). A method checks its part of
 * {@code auth.identity} and says who the user is and what limits come with the proof.
 */
public interface AuthMethod {

    /** The method's name in {@code identity.methods}. */
    String name();

    /**
     * Checks the credentials in {@code payload} (the object under {@code identity.<name>});
     * a 401 if they are wrong, a 400 if they are malformed.
     */
    Proof authenticate(ObjectNode payload, Request request);

    /**
     * Who was proven and with which limits.
     *
     * @param user             the authenticated user
     * @param expiresAt        a cap on the new token's expiry (a rescoped token keeps its expiry), or null
     * @param fixedProjectId   a project the token must be scoped to (an application credential's), or null
     * @param allowedRoleIds   the only roles the token may carry (an application credential's), or null
     * @param auditChain       the audit id of the token this one derives from, or null
     * @param applicationCredentialId set when proven by an application credential
     * @param previousScope    for the token method: the scope of the token presented, used when none is asked for
     * @param previousMethods  for the token method: the methods that proved the token presented
     */
    record Proof(UserRow user, Instant expiresAt, String fixedProjectId, List<String> allowedRoleIds,
                 String auditChain, String applicationCredentialId, Scope previousScope,
                 List<String> previousMethods) {

        public static Proof of(UserRow user) {
            return new Proof(user, null, null, null, null, null, null, List.of());
        }
    }

    /** A requested or inherited scope. */
    sealed interface Scope permits ProjectScope, DomainScope, SystemScope, TrustScope, Unscoped {
    }

    record ProjectScope(String projectId) implements Scope {
    }

    record DomainScope(String domainId) implements Scope {
    }

    record SystemScope() implements Scope {
    }

    /** OS-TRUST: act for the trust's trustor on its project. */
    record TrustScope(String trustId) implements Scope {
    }

    record Unscoped() implements Scope {
    }
}
