package dev.overcast.orchestration;

import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.http.FaultFormat;
import dev.overcast.core.http.Routes;
import dev.overcast.core.http.ServiceApi;
import dev.overcast.core.policy.Policy;
import dev.overcast.orchestration.api.ApiContext;
import dev.overcast.orchestration.api.HeatApi;
import dev.overcast.orchestration.engine.ConvergenceEngine;
import dev.overcast.orchestration.engine.LegacyEngine;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.engine.StackEngine;
import dev.overcast.orchestration.nested.EngineNestedStacks;
import dev.overcast.orchestration.nested.NestedStacks;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.ResourceData;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.resources.Sleeper;
import dev.overcast.orchestration.software.api.SoftwareApi;
import dev.overcast.orchestration.software.SoftwareStore;
import dev.overcast.orchestration.resources.StoredResourceData;
import dev.overcast.orchestration.snapshots.SnapshotStore;
import dev.overcast.orchestration.stacks.StackStore;

/**
 * Orchestration: the Heat v1 API under {@code /orchestration}, routes under
 * {@code /v1/{tenant_id}}, with both of Heat's engines. Building it runs their recovery: legacy
 * stacks left IN_PROGRESS by an engine that is gone become FAILED; convergence stacks in progress
 * are driven on.
 */
public final class OrchestrationService implements ServiceApi, AutoCloseable {
    private final ApiContext ctx;
    private final LegacyEngine legacy;
    private final ConvergenceEngine convergence;
    private final SoftwareStore software;

    /**
     * @param policy  {@link OrchestrationPolicy#defaults()} with any operator overrides
     * @param sleeper how resources wait ({@link Sleeper#REAL} outside tests)
     * @param random  where random values come from (RandomString, physical names)
     * @param services what plugins may call: the other services' APIs ({@link PluginServices#NONE} for none)
     *                 and {@link dev.overcast.orchestration.resources.SignalCredentials} for wait
     *                 condition handles; this service adds {@link ResourceData}
     * @param bus      where the convergence engine's work items go (any engine process takes them)
     */
    public OrchestrationService(Jdbi jdbi, Policy policy, Clock clock, OrchestrationSettings settings,
            Sleeper sleeper, RandomGenerator random, PluginServices services, Bus bus) {
        StackStore store = new StackStore(jdbi);
        ResourceTypes types = ResourceTypes.builtIn();
        this.software = new SoftwareStore(jdbi);
        // Nested stacks run on their parent's engine, so the service sees the engines once built.
        Map<String, StackEngine> engines = new java.util.concurrent.ConcurrentHashMap<>();
        PluginServices plugins = services.with(SoftwareStore.class, software)
                .with(ResourceData.class, new StoredResourceData(store, types))
                .with(NestedStacks.class, new EngineNestedStacks(store, engines, types, clock));
        this.legacy = new LegacyEngine(store, types, clock, sleeper, random, settings, plugins);
        engines.put("legacy", legacy);
        legacy.recover();
        this.convergence = new ConvergenceEngine(jdbi, store, types, clock, sleeper, random, settings, plugins, bus);
        engines.put(ConvergenceEngine.NAME, convergence);
        convergence.recover();
        this.ctx = new ApiContext(store, engines, types, policy, clock, settings, plugins,
                stack -> new PluginContext(clock, sleeper, random, stack, plugins), new SnapshotStore(jdbi));
    }

    /** The legacy engine (benchmarks and tests wait on it). */
    public LegacyEngine engine() {
        return legacy;
    }

    /** The convergence engine (benchmarks and tests wait on it). */
    public ConvergenceEngine convergence() {
        return convergence;
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
        new SoftwareApi(ctx, software).routes(routes);
    }

    @Override
    public void close() {
        convergence.close();
        legacy.close();
    }
}
