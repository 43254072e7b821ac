package dev.overcast.compute;

import java.time.Clock;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.cells.Cells;
import dev.overcast.compute.network.Networks;
import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.Request;
import dev.overcast.core.policy.Credentials;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;

/**
 * What every Compute feature needs: the API database, the cells, policy, schemas, the bus,
 * the clock, the settings and the Network service (servers' NICs are asked of it by the API,
 * the build and interface attach alike).
 */
public record ComputeContext(Jdbi api, Cells cells, Policy policy, Schemas schemas, Bus bus, Clock clock,
                             ComputeSettings settings, Networks networks) {

    /**
     * The caller's own token, for calls to other services on the caller's behalf (Glance,
     * Network), so that they decide what the caller may see and do.
     */
    public static String callerToken(Request request) {
        return request.header("X-Auth-Token").orElseThrow(() ->
                dev.overcast.core.http.ApiException.unauthorized("The request you have made requires authentication."));
    }

    /** Enforces {@code rule} for the caller against its own project; a 403 if policy says no. */
    public AuthContext enforce(Request request, String rule) {
        AuthContext auth = request.auth();
        String project = auth.projectId();
        return enforce(request, rule, project == null ? Map.of() : Map.of("project_id", project));
    }

    /** Enforces {@code rule} for the caller against {@code target}; a 403 if policy says no. */
    public AuthContext enforce(Request request, String rule, Map<String, Object> target) {
        AuthContext auth = request.auth();
        policy.enforce(rule, Credentials.of(auth), target);
        return auth;
    }

    /** Whether {@code rule} allows the caller against {@code target}, without failing. */
    public boolean allows(Request request, String rule, Map<String, Object> target) {
        return policy.check(rule, Credentials.of(request.auth()), target);
    }
}
