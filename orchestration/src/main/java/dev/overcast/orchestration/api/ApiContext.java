package dev.overcast.orchestration.api;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;

import dev.overcast.core.auth.AuthContext;
import dev.overcast.core.http.Handler;
import dev.overcast.core.http.Request;
import dev.overcast.core.policy.Credentials;
import dev.overcast.core.policy.Policy;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.OrchestrationSettings;
import dev.overcast.orchestration.cloud.Cloud;
import dev.overcast.orchestration.cloud.CloudConstraints;
import dev.overcast.orchestration.engine.StackEngine;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.snapshots.SnapshotStore;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.orchestration.template.TemplateException;
import dev.overcast.orchestration.template.parameters.CustomConstraintLookup;

/**
 * What the API handlers share: the store, the engine, the resource types, policy and clock,
 * and the checks every Heat route makes (the project in the URL is the caller's, policy).
 *
 * @param plugins what a plugin called from a request (a signal) sees of a stack
 */
public record ApiContext(StackStore store, Map<String, StackEngine> engines, ResourceTypes types, Policy policy,
                         Clock clock, OrchestrationSettings settings, PluginServices services,
                         Function<StackRow, PluginContext> plugins, SnapshotStore snapshots) {

    public ApiContext {
        engines = Map.copyOf(engines);
    }

    /**
     * @return the custom parameter constraints for a stack this request gives: the cloud's,
     *         checked with the caller's own token, when the cloud is wired; else none
     */
    CustomConstraintLookup constraints(Request request) {
        java.util.Optional<String> token = request.header("X-Auth-Token");
        if (!services.has(Cloud.class) || token.isEmpty()) {
            return CustomConstraintLookup.NONE;
        }
        return new CloudConstraints(services.require(Cloud.class), token.get());
    }

    /** @return the engine called {@code name} ({@code legacy}, {@code convergence}); 501 when it is not built */
    public StackEngine engine(String name) {
        StackEngine engine = engines.get(name);
        if (engine == null) {
            throw HeatError.notImplemented("The " + name + " engine is not available yet; set the orchestration "
                    + "default engine to legacy to create stacks.");
        }
        return engine;
    }

    /**
     * Checks the caller may act in the URL's project under {@code rule}: the project must be
     * the token's (admins may name any), then policy decides.
     *
     * @return the caller
     */
    public AuthContext enforce(Request request, String rule) {
        AuthContext auth = request.auth();
        String tenant = request.param("tenant_id");
        boolean admin = policy.check("context_is_admin", Credentials.of(auth), Map.of());
        if (!tenant.equals(auth.projectId()) && !admin) {
            throw new HeatError(403, "Forbidden", "Access was denied to this resource.");
        }
        policy.enforce(rule, Credentials.of(auth), Map.of("project_id", tenant));
        return auth;
    }

    public boolean allowed(AuthContext auth, String rule, String tenant) {
        return policy.check(rule, Credentials.of(auth), Map.of("project_id", tenant));
    }

    /** A handler whose template errors become Heat's 400 fault bodies. */
    public static Handler guarded(Handler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (TemplateException e) {
                throw HeatError.of(e);
            }
        };
    }

    /** Heat's time format: ISO 8601 to the second, in UTC. */
    public static String time(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The URL of the project's API root, {@code .../orchestration/v1/<tenant>}. */
    static String base(Request request) {
        return request.serviceUrl() + "/v1/" + request.param("tenant_id");
    }
}
