package dev.overcast.orchestration.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.OrchestrationSettings;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.resources.Sleeper;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.orchestration.template.Template;

/**
 * Heat's legacy engine: a stack action runs in this process, on one virtual thread that drives
 * the resources (independent ones in parallel), under the stack's lock row.
 *
 * <p>The lock is an engine id and a lease that a background task renews while this engine
 * lives. Nothing else about a running action is durable, so a process that dies mid-action
 * leaves the stack IN_PROGRESS with a lock nobody renews: {@link #recover()} (run at start-up)
 * marks such stacks FAILED with Heat's "Engine went down during stack CREATE", as every engine
 * does periodically for stacks whose lease lapsed, and a later update picks the stack up from
 * where its resources stand. The convergence engine exists to
 * do better than that.
 */
public final class LegacyEngine implements StackEngine, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyEngine.class);
    private final StackStore store;
    private final ResourceTypes types;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final OrchestrationSettings settings;
    private final PluginServices services;
    private final Events events;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    /** Stacks whose running action is being stopped for a delete: it starts no new step and records nothing. */
    private final java.util.Set<String> stopping = ConcurrentHashMap.newKeySet();
    /** Stacks whose running update is being cancelled: it starts no new step, then rolls back. */
    private final java.util.Set<String> cancelled = ConcurrentHashMap.newKeySet();
    /** When the running create or update of a stack with {@code timeout_mins} times out. */
    private final Map<String, Instant> deadlines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    public LegacyEngine(StackStore store, ResourceTypes types, Clock clock, Sleeper sleeper, RandomGenerator random,
            OrchestrationSettings settings, PluginServices services) {
        this.store = store;
        this.services = services;
        this.types = types;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.settings = settings;
        this.events = new Events(store, clock);
        this.renewer = ConvergenceEngine.everyThirdOfTheLease("orchestration-lock-renewer", settings, this::renew);
    }

    /**
     * Marks the stacks whose action died with their engine FAILED: IN_PROGRESS stacks with no
     * lock, a lapsed lease, or a lock this engine held before it restarted.
     *
     * @return how many stacks it marked
     */
    public int recover() {
        return recover(settings.engineId());
    }

    /** Marks FAILED the stacks {@link StackStore#orphaned} names for {@code formerSelf}. */
    private int recover(String formerSelf) {
        List<StackRow> orphaned = store.orphaned(formerSelf, clock.instant());
        for (StackRow stack : orphaned) {
            if (running.containsKey(stack.id())) {
                continue;
            }
            String reason = "Engine went down during stack " + stack.action();
            store.setStatus(stack.id(), stack.action(), "FAILED", reason, clock.instant());
            events.stack(stack, stack.action(), "FAILED", reason);
            for (ResourceRow r : store.resources(stack.id())) {
                if (r.status().equals("IN_PROGRESS")) {
                    ResourceRow failed = r.withState(r.action(), "FAILED", reason, clock.instant());
                    store.updateResource(failed);
                    events.resource(failed);
                }
            }
            store.forceUnlock(stack.id());
            LOG.info("stack {} ({}) was {} IN_PROGRESS under a dead engine; marked FAILED", stack.name(),
                    stack.id(), stack.action());
        }
        return orphaned.size();
    }

    /** Stores a new stack (locked by this engine) and starts creating it. */
    @Override
    public void create(StackRow stack, Template template) {
        StackRow locked = withLock(stack);
        store.insert(locked, List.of());
        events.stack(locked, "CREATE", "IN_PROGRESS", "Stack CREATE started");
        setDeadline(stack.id(), stack.timeoutMins());
        start(locked, () -> runCreate(locked, template));
    }

    /**
     * Updates a stack to {@code next} (its new template, environment and parameters).
     *
     * @throws HeatError 409 ActionInProgress when another action holds the stack
     */
    @Override
    public void update(StackRow current, StackRow next, Template template) {
        startUpdate(current, next, template, "UPDATE");
    }

    /**
     * Deletes a stack's resources, then the stack.
     *
     * @throws HeatError 409 ActionInProgress when another action holds the stack
     */
    @Override
    public void delete(StackRow stack) {
        Thread previous = running.get(stack.id());
        if (previous != null) {
            // As Heat's legacy engine: a delete stops the action this engine runs on the stack
            // (the steps under way finish, no new one starts), then deletes under the same lock.
            stopping.add(stack.id());
        } else {
            lock(stack);
        }
        store.setStatus(stack.id(), "DELETE", "IN_PROGRESS", "Stack DELETE started", clock.instant());
        events.stack(stack, "DELETE", "IN_PROGRESS", "Stack DELETE started");
        start(stack, () -> {
            if (previous != null) {
                join(previous);
                stopping.remove(stack.id());
            }
            runDelete(stack);
        });
    }

    @Override
    public void act(StackRow stack, String action) {
        lock(stack);
        store.setStatus(stack.id(), action, "IN_PROGRESS", "Stack " + action + " started", clock.instant());
        events.stack(stack, action, "IN_PROGRESS", "Stack " + action + " started");
        start(stack, () -> {
            List<ResourceRow> rows = store.resources(stack.id());
            switch (operation(stack, rows).act(action, rows)) {
                case Operation.Succeeded ok -> finish(stack, action, "COMPLETE",
                        "Stack " + action + " completed successfully");
                case Operation.Failed failed -> finish(stack, action, "FAILED", failed.reason());
            }
        });
    }

    /** Cancels an update this engine runs: no new step starts, then the stack rolls back. */
    @Override
    public void cancelUpdate(StackRow stack, boolean rollback) {
        if (!rollback) {
            throw HeatError.badRequest("Cancelling update without rollback is not supported by the legacy engine.");
        }
        if (!running.containsKey(stack.id())) {
            throw new HeatError(409, "ActionInProgress", "Stack " + stack.name()
                    + " is being updated by another engine (" + stack.lockEngine() + "); cancel it there.");
        }
        cancelled.add(stack.id());
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a stack action", e);
        }
    }

    /** Waits until no action runs on the stack in this engine (for tests and benchmarks). */
    public void awaitIdle(String stackId) throws InterruptedException {
        for (Thread t = running.get(stackId); t != null; t = running.get(stackId)) {
            t.join();
        }
    }

    /** Waits until no action runs in this engine (for tests and benchmarks). */
    public void awaitAllIdle() throws InterruptedException {
        for (Thread t : List.copyOf(running.values())) {
            t.join();
        }
    }

    /** @return whether this engine runs an action on the stack */
    public boolean isRunning(String stackId) {
        return running.containsKey(stackId);
    }

    private void runCreate(StackRow stack, Template template) {
        Operation op = operation(stack, List.of());
        switch (op.create(template)) {
            case Operation.Succeeded ok -> finish(stack, "CREATE", "COMPLETE", "Stack CREATE completed successfully");
            case Operation.Failed failed -> {
                String reason = timedOut(stack.id()) ? TIMED_OUT : failed.reason();
                if (stack.disableRollback()) {
                    finish(stack, "CREATE", "FAILED", reason);
                } else {
                    failedBeforeRollback(stack, "CREATE", reason);
                    mark(stack, "ROLLBACK", "IN_PROGRESS", reason);
                    Operation.Outcome back = operation(stack, store.resources(stack.id()))
                            .delete(store.resources(stack.id()), false);
                    switch (back) {
                        case Operation.Succeeded ok -> finish(stack, "ROLLBACK", "COMPLETE",
                                "Stack ROLLBACK completed successfully");
                        case Operation.Failed f -> finish(stack, "ROLLBACK", "FAILED", f.reason());
                    }
                }
            }
        }
    }

    /** @param action UPDATE, or RESTORE for a snapshot's restore */
    private void runUpdate(StackRow current, StackRow next, Template template, String action) {
        List<ResourceRow> before = store.resources(current.id());
        Operation.Outcome outcome = operation(current, before).update(template, before);
        // A cancel rolls back even an update whose last step finished meanwhile, as in Heat.
        boolean cancel = cancelled.remove(current.id());
        switch (outcome) {
            case Operation.Succeeded ok when !cancel -> finish(current, action, "COMPLETE", action.equals("UPDATE")
                    ? "Stack successfully updated" : "Stack " + action + " completed successfully");
            default -> {
                String reason = cancel ? "Stack UPDATE cancelled"
                        : timedOut(current.id()) ? TIMED_OUT : ((Operation.Failed) outcome).reason();
                if (next.disableRollback() && !cancel) {
                    finish(current, action, "FAILED", reason);
                    return;
                }
                failedBeforeRollback(current, action, reason);
                mark(current, "ROLLBACK", "IN_PROGRESS", reason);
                // Back to what the stack was given before, as Heat's legacy rollback does.
                store.setDefinition(current);
                Template previous = StackTemplates.parse(current);
                List<ResourceRow> now = store.resources(current.id());
                switch (operation(current, now).update(previous, now)) {
                    case Operation.Succeeded ok -> finish(current, "ROLLBACK", "COMPLETE",
                            "Stack ROLLBACK completed successfully");
                    case Operation.Failed f -> finish(current, "ROLLBACK", "FAILED", f.reason());
                }
            }
        }
    }

    private void runDelete(StackRow stack) {
        List<ResourceRow> rows = store.resources(stack.id());
        switch (operation(stack, rows).delete(rows, true)) {
            case Operation.Succeeded ok -> {
                store.markDeleted(stack.id(), clock.instant());
                finish(stack, "DELETE", "COMPLETE", "Stack DELETE completed successfully");
            }
            case Operation.Failed failed -> finish(stack, "DELETE", "FAILED", failed.reason());
        }
    }

    private Operation operation(StackRow stack, List<ResourceRow> rows) {
        // Template resources and registry aliases resolve in the stack's latest environment.
        ResourceTypes stackTypes = types.forStack(store.find(stack.id()).orElse(stack));
        StackContext context = new StackContext(stackTypes, rows);
        PluginContext plugins = new PluginContext(clock, sleeper, random, stack, services);
        return new Operation(stack.id(), context, new ResourceSteps(store, stackTypes, clock, plugins, context,
                        StackTemplates.retained(stack)),
                settings.maxParallel(), () -> stopping.contains(stack.id()) || cancelled.contains(stack.id())
                        || expired(stack.id()));
    }

    /** Heat's reason for a stack whose create or update outlived its {@code timeout_mins}. */
    static final String TIMED_OUT = "Timed out";

    private void setDeadline(String stackId, Integer timeoutMins) {
        if (timeoutMins != null && timeoutMins > 0) {
            deadlines.put(stackId, clock.instant().plus(java.time.Duration.ofMinutes(timeoutMins)));
        }
    }

    private boolean expired(String stackId) {
        Instant deadline = deadlines.get(stackId);
        return deadline != null && clock.instant().isAfter(deadline);
    }

    /** Whether the action timed out; its deadline is gone after this, so a rollback runs unhurried. */
    private boolean timedOut(String stackId) {
        boolean expired = expired(stackId);
        deadlines.remove(stackId);
        return expired;
    }

    private void mark(StackRow stack, String action, String status, String reason) {
        if (stopping.contains(stack.id())) {
            return;
        }
        store.setStatus(stack.id(), action, status, reason, clock.instant());
        events.stack(stack, action, status, reason);
    }

    /**
     * The FAILED event of an action that rolls back. The stack goes straight on to
     * ROLLBACK_IN_PROGRESS, so that a client polling it never sees a FAILED that is not final.
     */
    private void failedBeforeRollback(StackRow stack, String action, String reason) {
        if (!stopping.contains(stack.id())) {
            events.stack(stack, action, "FAILED", reason);
        }
    }

    private void finish(StackRow stack, String action, String status, String reason) {
        if (stopping.contains(stack.id())) {
            return;
        }
        // The status and the lock's release in one statement: a client that sees the final status
        // may start the next action at once, and must not find the stack still locked.
        store.setStatusAndUnlock(stack.id(), action, status, reason, clock.instant(), settings.engineId());
        events.stack(stack, action, status, reason);
    }

    private StackRow withLock(StackRow s) {
        return new StackRow(s.id(), s.name(), s.projectId(), s.userId(), s.ownerId(), s.action(), s.status(),
                s.statusReason(), s.template(), s.files(), s.environment(), s.parameters(), s.tags(),
                s.disableRollback(), s.timeoutMins(), s.engine(), settings.engineId(), leaseEnd(), s.createdAt(),
                s.updatedAt(), s.deletedAt());
    }

    private void lock(StackRow stack) {
        if (!store.tryLock(stack.id(), settings.engineId(), clock.instant(),
                leaseEnd())) {
            throw HeatError.inProgress(stack.name(), stack.action());
        }
    }

    private Instant leaseEnd() {
        return clock.instant().plus(settings.lockLease());
    }

    private void start(StackRow stack, Runnable action) {
        Thread thread = Thread.ofVirtual().name("stack-" + stack.id()).unstarted(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("stack {} action failed unexpectedly", stack.id(), e);
                finish(stack, store.find(stack.id()).map(StackRow::action).orElse("CREATE"), "FAILED",
                        "Error: An unexpected error occurred.");
            } finally {
                cancelled.remove(stack.id());
                deadlines.remove(stack.id());
                running.remove(stack.id(), Thread.currentThread());
            }
        });
        running.put(stack.id(), thread);
        thread.start();
    }

    private void renew() {
        try {
            if (!running.isEmpty()) {
                store.renewLocks(settings.engineId(), leaseEnd());
            }
            // Another engine process that died leaves its stacks' leases to lapse: fail them now,
            // not when it restarts. (Its own locks are this engine's, so none is its former self.)
            recover("");
        } catch (RuntimeException e) {
            LOG.warn("could not renew stack locks: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }

    @Override
    public void restore(StackRow current, StackRow next, Template template) {
        startUpdate(current, next, template, "RESTORE");
    }

    private void startUpdate(StackRow current, StackRow next, Template template, String action) {
        lock(current);
        store.setDefinition(next);
        String reason = "Stack " + action + " started";
        store.setStatus(current.id(), action, "IN_PROGRESS", reason, clock.instant());
        events.stack(current, action, "IN_PROGRESS", reason);
        setDeadline(current.id(), next.timeoutMins());
        start(current, () -> runUpdate(current, next, template, action));
    }

    /** Under the stack's lock, as this engine's own actions run. */
    @Override
    public void exclusive(StackRow stack, Runnable action) {
        lock(stack);
        try {
            action.run();
        } finally {
            store.unlock(stack.id(), settings.engineId());
        }
    }
}
