package dev.overcast.orchestration;

import java.time.Duration;

/**
 * Orchestration's options.
 *
 * @param defaultEngine the engine new stacks get: {@code legacy} or {@code convergence}
 *                      (default {@code convergence}, as in Heat)
 * @param engineId      this process's engine id, the owner written into stack locks; stable
 *                      across restarts of one process so that a restarted engine knows the locks
 *                      it held are dead (default: the host name)
 * @param lockLease     how long a legacy stack lock lasts without renewal, and how long a
 *                      convergence engine counts as alive after its last heartbeat (default 60 s);
 *                      engines renew every third of it
 * @param maxParallel   how many resources of one stack operation run at once (default 32)
 * @param enableStackAbandon whether {@code DELETE .../abandon} works (Heat's {@code enable_stack_abandon},
 *                      default false: a 400 NotSupported)
 * @param enableStackAdopt   whether a create with {@code adopt_stack_data} works (Heat's
 *                      {@code enable_stack_adopt}, default false: a 400 NotSupported)
 */
public record OrchestrationSettings(String defaultEngine, String engineId, Duration lockLease, int maxParallel,
                                    boolean enableStackAbandon, boolean enableStackAdopt) {

    /** Settings with stack abandon and adopt disabled, as Heat's defaults. */
    public OrchestrationSettings(String defaultEngine, String engineId, Duration lockLease, int maxParallel) {
        this(defaultEngine, engineId, lockLease, maxParallel, false, false);
    }

    public OrchestrationSettings {
        if (!defaultEngine.equals("legacy") && !defaultEngine.equals("convergence")) {
            throw new IllegalArgumentException("orchestration default engine must be legacy or convergence, not "
                    + defaultEngine);
        }
        if (engineId == null || engineId.isBlank()) {
            throw new IllegalArgumentException("orchestration engine id must not be blank");
        }
        if (lockLease.isNegative() || lockLease.isZero()) {
            throw new IllegalArgumentException("orchestration lock lease must be positive, not " + lockLease);
        }
        if (maxParallel < 1) {
            throw new IllegalArgumentException("orchestration max parallel must be at least 1, not " + maxParallel);
        }
    }

    /** The defaults for an engine called {@code engineId}. */
    public static OrchestrationSettings defaults(String engineId) {
        return new OrchestrationSettings("convergence", engineId, Duration.ofSeconds(60), 32);
    }

    /** These settings with another engine for new stacks. */
    public OrchestrationSettings withDefaultEngine(String engine) {
        return new OrchestrationSettings(engine, engineId, lockLease, maxParallel, enableStackAbandon,
                enableStackAdopt);
    }

    /** These settings with stack abandon and adopt enabled or disabled. */
    public OrchestrationSettings withAbandonAndAdopt(boolean abandon, boolean adopt) {
        return new OrchestrationSettings(defaultEngine, engineId, lockLease, maxParallel, abandon, adopt);
    }
}
