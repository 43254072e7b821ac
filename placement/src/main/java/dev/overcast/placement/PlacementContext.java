package dev.overcast.placement;

import java.time.Clock;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Request;
import dev.overcast.core.policy.Credentials;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;
import dev.overcast.placement.model.Provider;
import dev.overcast.placement.model.ProviderIndex;
import dev.overcast.core.http.ApiException;

/**
 * What every Placement feature needs: the database (the authority), the in-memory provider
 * index (what reads use), policy, schemas and the clock.
 */
public record PlacementContext(Jdbi jdbi, ProviderIndex index, Policy policy, Schemas schemas, Clock clock) {

    /** The provider from the index; a 404 as upstream words it when there is none. */
    public Provider provider(String uuid) {
        return index.get(uuid).orElseThrow(() ->
                ApiException.notFound("No resource provider with uuid " + uuid + " found"));
    }

    /** Enforces {@code rule} for the caller with no particular target; a 403 if policy says no. */
    public AuthContext enforce(Request request, String rule) {
        return enforce(request, rule, Map.of());
    }

    /** Enforces {@code rule} for the caller against {@code target}; a 403 if policy says no. */
    public AuthContext enforce(Request request, String rule, Map<String, Object> target) {
        AuthContext auth = request.auth();
        policy.enforce(rule, Credentials.of(auth), target);
        return auth;
    }
}
