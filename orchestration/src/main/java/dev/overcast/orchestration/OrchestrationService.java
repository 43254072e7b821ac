package dev.overcast.orchestration;

import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.orchestration.api.ApiContext;
import dev.overcast.orchestration.api.HeatApi;
import dev.overcast.orchestration.engine.LegacyEngine;
import dev.overcast.orchestration.engine.StackEngine;
import dev.overcast.orchestration.nested.EngineNestedStacks;
import dev.overcast.orchestration.nested.NestedStacks;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.resources.Sleeper;
import dev.overcast.orchestration.stacks.StackStore;

/**
 * Orchestration: the Heat v1 API under {@code /orchestration}, routes under
 * {@code /v1/{tenant_id}}. Building it runs the legacy engine's recovery: stacks left
 * IN_PROGRESS by an engine that is gone become FAILED.
 */
public final class OrchestrationService implements ServiceApi, AutoCloseable {
    private final ApiContext ctx;
    private final LegacyEngine legacy;

    /**
     * @param policy  {@link OrchestrationPolicy#defaults()} with any operator overrides
     * @param sleeper how resources wait ({@link Sleeper#REAL} outside tests)
     * @param random  where random values come from (RandomString, physical names)
     * @param services what plugins may call: the other services' APIs ({@link PluginServices#NONE} for none)
     */
    public OrchestrationService(Jdbi jdbi, Policy policy, Clock clock, OrchestrationSettings settings,
            Sleeper sleeper, RandomGenerator random, PluginServices services) {
        StackStore store = new StackStore(jdbi);
        ResourceTypes types = ResourceTypes.builtIn();
        // Nested stacks run on their parent's engine, so the service sees the engines once built.
        Map<String, StackEngine> engines = new java.util.concurrent.ConcurrentHashMap<>();
        PluginServices withNested = services.with(NestedStacks.class,
                new EngineNestedStacks(store, engines, types, clock));
        this.legacy = new LegacyEngine(store, types, clock, sleeper, random, settings, withNested);
        engines.put("legacy", legacy);
        legacy.recover();
        // The convergence engine joins this map when it is built; until then its stacks answer 501.
        this.ctx = new ApiContext(store, engines, types, policy, clock, settings);
    }

    /** The legacy engine (benchmarks and tests wait on it). */
    public LegacyEngine engine() {
        return legacy;
    }

    @Override
    public String prefix() {
        return "/orchestration";
    }

    @Override
    public FaultFormat faults() {
        return new HeatFaults();
    }

    @Override
    public void routes(Routes routes) {
        new HeatApi(ctx).routes(routes);
    }

    @Override
    public void close() {
        legacy.close();
    }
}
