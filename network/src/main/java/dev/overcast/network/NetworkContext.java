package dev.overcast.network;

import java.time.Clock;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.bus.Notifier;
import dev.overcast.core.http.Request;
import dev.overcast.core.policy.Credentials;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;

/** What every Network feature needs: its database, policy, clock, settings and notifier. */
public record NetworkContext(Jdbi jdbi, Policy policy, Clock clock, Schemas schemas, NetworkSettings settings,
                             Notifier notifier) {

    /** Enforces {@code rule} for the caller against {@code target}; a 403 if policy says no. */
    public AuthContext enforce(Request request, String rule, Map<String, Object> target) {
        AuthContext auth = request.auth();
        policy.enforce(rule, Credentials.of(auth), target);
        return auth;
    }

    public boolean allowed(AuthContext auth, String rule, Map<String, Object> target) {
        return policy.check(rule, Credentials.of(auth), target);
    }

    /** Whether the caller is an admin, who sees and may act on every project's resources. */
    public boolean isAdmin(AuthContext auth) {
        return policy.check("context_is_admin", Credentials.of(auth), Map.of());
    }
}
