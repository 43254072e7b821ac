package dev.overcast.identity.token;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.auth.TokenCodec;
import dev.overcast.core.http.ApiException;
import dev.overcast.core.http.Request;
import dev.overcast.identity.Entity;
import dev.overcast.identity.user.UserStore;
import tools.jackson.databind.node.ObjectNode;

/** The {@code token} method: an existing token, to rescope it. The new token keeps its expiry. */
final class TokenMethod implements AuthMethod {
    private final Jdbi jdbi;
    private final TokenCodec tokens;

    TokenMethod(Jdbi jdbi, TokenCodec tokens) {
        this.jdbi = jdbi;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public Proof authenticate(ObjectNode payload, Request request) {
        String id = Entity.text(payload, "id");
        if (id == null) {
            throw ApiException.badRequest("Invalid input for field 'identity.token.id': required.");
        }
        AuthContext old;
        try {
            old = tokens.verify(id);
        } catch (ApiException e) {
            // Keystone answers a token it cannot find (bad, expired or revoked) with 404.
            throw ApiException.notFound("Could not find token: " + (id.length() > 16 ? id.substring(0, 16) + "..." : id) + ".");
        }
        if (old.applicationCredentialId() != null || old.trustId() != null) {
            throw ApiException.forbidden("A token created from an application credential or a trust cannot be rescoped.");
        }
        var user = jdbi.withExtension(UserStore.class, s -> s.find(old.userId()))
                .orElseThrow(() -> ApiException.unauthorized("The request you have made requires authentication."));
        Scope previous = old.project() != null ? new ProjectScope(old.projectId())
                : old.domain() != null ? new DomainScope(old.domainId())
                : old.system() ? new SystemScope() : new Unscoped();
        return new Proof(user, old.expiresAt(), null, null, old.auditIds().getLast(), null, previous, old.methods());
    }
}
