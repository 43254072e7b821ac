package dev.overcast.orchestration.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Subscription;
import dev.overcast.orchestration.HeatError;
import dev.overcast.orchestration.OrchestrationSettings;
import dev.overcast.orchestration.convergence.ConvergenceGraph;
import dev.overcast.orchestration.convergence.ConvergenceRpc;
import dev.overcast.orchestration.convergence.Decider;
import dev.overcast.orchestration.convergence.Decision;
import dev.overcast.orchestration.convergence.EngineRegistry;
import dev.overcast.orchestration.convergence.ExistingResource;
import dev.overcast.orchestration.convergence.JdbiSyncPointStore;
import dev.overcast.orchestration.convergence.JdbiTraversalStore;
import dev.overcast.orchestration.convergence.NodeData;
import dev.overcast.orchestration.convergence.NodeInput;
import dev.overcast.orchestration.convergence.NodeKey;
import dev.overcast.orchestration.convergence.ResourceLocks;
import dev.overcast.orchestration.convergence.SyncTarget;
import dev.overcast.orchestration.convergence.TraversalAction;
import dev.overcast.orchestration.convergence.Traversals;
import dev.overcast.orchestration.engine.TraversalRecords.Definition;
import dev.overcast.orchestration.engine.TraversalRecords.Traversal;
import dev.overcast.orchestration.resources.PluginContext;
import dev.overcast.orchestration.resources.PluginServices;
import dev.overcast.orchestration.resources.ResourceTypes;
import dev.overcast.orchestration.resources.Sleeper;
import dev.overcast.orchestration.stacks.ResourceRow;
import dev.overcast.orchestration.stacks.StackRow;
import dev.overcast.orchestration.stacks.StackStore;
import dev.overcast.orchestration.template.Template;

/**
 * Heat's convergence engine: every stack action is a traversal of a graph of resource steps
 * (see {@link dev.overcast.orchestration.convergence}), advanced by {@code check_resource} work
 * items on the bus that any engine's worker takes. Nothing of a traversal lives only in memory:
 * its definition and graph, its sync points, the current traversal id and the resource locks are
 * rows, so a new update supersedes a running one, and another engine (or this one, restarted)
 * picks up what a dead engine left.
 *
 * <p>Resources keep one row per name: a replacement is made in the resource's UPDATE step and the
 * old physical resource is recorded ({@code conv_replaced}) and deleted by the resource's CLEANUP
 * step, which runs once every resource that used it moved on. So the graph's nodes are keyed by
 * resource name.
 *
 * <p>Recovery: at start-up the engine drops the resource locks it held before it restarted and
 * re-drives every traversal in progress (each node that was ready but never reported is checked
 * again; steps are idempotent and sync points drop repeated reports). While it runs it re-drives
 * traversals that made no progress for a lease and that no live engine works on, which covers a
 * dead engine's work items and locks.
 */
public final class ConvergenceEngine implements StackEngine, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConvergenceEngine.class);
    public static final String NAME = "convergence";

    /** A traversal as a worker uses it: the stored record, its parsed template, its stack. */
    /**
     * @param retained the resources whose physical resource a delete leaves: by the deletion
     *                 policies of the definition the stack had before this traversal
     */
    private record Loaded(Traversal traversal, Template template, StackRow stack, ResourceTypes types,
                          Set<String> retained) {
        /** @return whether the traversal's template has the resource (false for a delete) */
        boolean keeps(String name) {
            return template != null && template.resources().containsKey(name);
        }
    }

    private final Jdbi jdbi;
    private final StackStore store;
    private final ResourceTypes types;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final OrchestrationSettings settings;
    private final PluginServices services;
    private final Bus bus;
    private final Events events;
    private final JdbiSyncPointStore syncPoints;
    private final JdbiTraversalStore traversals;
    private final EngineRegistry registry;
    private final ResourceLocks locks;
    private final TraversalRecords records;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    /** Stacks this engine runs a SUSPEND, RESUME or CHECK on, under the stack's lock row. */
    private final Set<String> acting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger working = new AtomicInteger();
    private final ScheduledExecutorService ticker;
    private final Subscription subscription;

    public ConvergenceEngine(Jdbi jdbi, StackStore store, ResourceTypes types, Clock clock, Sleeper sleeper,
            RandomGenerator random, OrchestrationSettings settings, PluginServices services, Bus bus) {
        this.jdbi = jdbi;
        this.store = store;
        this.types = types;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.settings = settings;
        this.services = services;
        this.bus = bus;
        this.events = new Events(store, clock);
        this.syncPoints = new JdbiSyncPointStore(jdbi, clock);
        this.traversals = new JdbiTraversalStore(jdbi, clock);
        this.registry = new EngineRegistry(jdbi, clock, settings.lockLease());
        this.locks = new ResourceLocks(jdbi, registry, clock);
        this.records = new TraversalRecords(jdbi, clock);
        registry.heartbeat(settings.engineId());
        this.subscription = bus.listen(ConvergenceRpc.TOPIC, settings.engineId(),
                ConvergenceRpc.dispatcher((item, context) -> {
                    check(item);
                    return new ConvergenceRpc.NoReply();
                }));
        this.ticker = everyThirdOfTheLease("convergence-ticker", settings, this::tick);
    }

    /** A daemon thread that runs {@code task} every third of the engine lease: engines' housekeeping. */
    static ScheduledExecutorService everyThirdOfTheLease(String name, OrchestrationSettings settings, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, settings.lockLease().toMillis() / 3);
        executor.scheduleAtFixedRate(task, period, period, TimeUnit.MILLISECONDS);
        return executor;
    }

    /**
     * Picks up what this engine left before it restarted: drops its old resource locks and
     * re-drives every convergence traversal in progress.
     *
     * @return how many traversals it re-drove
     */
    public int recover() {
        locks.releaseAll(settings.engineId());
        int redriven = 0;
        for (StackRow stack : store.inProgress(NAME)) {
            if (redrive(stack)) {
                redriven++;
            }
        }
        return redriven;
    }

    // --- the API's actions

    @Override
    public void create(StackRow stack, Template template) {
        List<ResourceRow> rows = new ArrayList<>();
        for (String name : template.dependencies().createOrder()) {
            rows.add(initRow(stack.id(), name, template));
        }
        store.insert(stack, rows);
        events.stack(stack, "CREATE", "IN_PROGRESS", "Stack CREATE started");
        ConvergenceGraph graph = ConvergenceGraph.forCreate(template.dependencies(), byName(template));
        begin(stack, Traversals.NONE, TraversalAction.CREATE, Definition.of(stack), graph, null, template);
    }

    @Override
    public void update(StackRow current, StackRow next, Template template) {
        refuseWhileLocked(current);
        change(current, next, template, TraversalAction.UPDATE);
    }

    /** An update, or a restore: a traversal to {@code next}'s definition labelled {@code action}. */
    private void change(StackRow current, StackRow next, Template template, TraversalAction action) {
        String running = traversals.current(current.id()).orElse(Traversals.NONE);
        Definition previous = Definition.of(current);
        if (!running.equals(Traversals.NONE)) {
            // A new update supersedes the running one; a rollback goes back to what the running
            // one started from.
            Optional<Loaded> superseded = load(current.id(), running);
            if (superseded.isPresent() && superseded.get().traversal().previous() != null) {
                previous = superseded.get().traversal().previous();
            }
        }
        List<ResourceRow> rows = store.resources(current.id());
        ConvergenceGraph graph = graphTo(current.id(), rows, template);
        store.setDefinition(next);
        String reason = "Stack " + action + " started";
        store.setStatus(current.id(), action.name(), "IN_PROGRESS", reason, clock.instant());
        events.stack(current, action.name(), "IN_PROGRESS", reason);
        begin(next, running, action, Definition.of(next), graph, previous, template);
    }

    @Override
    public void delete(StackRow stack) {
        refuseWhileLocked(stack);
        String running = traversals.current(stack.id()).orElse(Traversals.NONE);
        ConvergenceGraph graph = ConvergenceGraph.forDelete(existing(store.resources(stack.id())));
        store.setStatus(stack.id(), "DELETE", "IN_PROGRESS", "Stack DELETE started", clock.instant());
        events.stack(stack, "DELETE", "IN_PROGRESS", "Stack DELETE started");
        begin(stack, running, TraversalAction.DELETE, Definition.of(stack), graph, null, null);
    }

    /**
     * Runs a stack-wide SUSPEND, RESUME or CHECK in this process under the stack's lock row, as
     * Heat runs these actions for convergence stacks too; refused while a traversal runs.
     */
    @Override
    public void act(StackRow stack, String action) {
        if (!traversals.current(stack.id()).orElse(Traversals.NONE).equals(Traversals.NONE)
                || !store.tryLock(stack.id(), settings.engineId(), clock.instant(),
                        clock.instant().plus(settings.lockLease()))) {
            throw HeatError.inProgress(stack.name(), stack.action());
        }
        acting.add(stack.id());
        store.setStatus(stack.id(), action, "IN_PROGRESS", "Stack " + action + " started", clock.instant());
        events.stack(stack, action, "IN_PROGRESS", "Stack " + action + " started");
        Thread.ofVirtual().name("stack-" + stack.id()).start(() -> {
            String status = "FAILED";
            String reason = "Error: An unexpected error occurred.";
            try {
                List<ResourceRow> rows = store.resources(stack.id());
                ResourceTypes stackTypes = types.forStack(stack);
                StackContext context = new StackContext(stackTypes, rows);
                ResourceSteps steps = new ResourceSteps(store, stackTypes, clock,
                        new PluginContext(clock, sleeper, random, stack, services), context);
                switch (new Operation(stack.id(), context, steps, settings.maxParallel(), () -> false)
                        .act(action, rows)) {
                    case Operation.Succeeded ok -> {
                        status = "COMPLETE";
                        reason = "Stack " + action + " completed successfully";
                    }
                    case Operation.Failed failed -> reason = failed.reason();
                }
            } catch (RuntimeException e) {
                LOG.error("stack {}: {} failed unexpectedly", stack.id(), action, e);
            } finally {
                // In one statement, as the legacy engine's finish: a client that sees the final
                // status must not find the stack still locked.
                store.setStatusAndUnlock(stack.id(), action, status, reason, clock.instant(), settings.engineId());
                events.stack(stack, action, status, reason);
                acting.remove(stack.id());
            }
        });
    }

    /** Cancels the running update: a rollback traversal supersedes it, or it just ends UPDATE_FAILED. */
    @Override
    public void cancelUpdate(StackRow stack, boolean rollback) {
        String running = traversals.current(stack.id()).orElse(Traversals.NONE);
        Optional<Loaded> update = running.equals(Traversals.NONE) ? Optional.empty() : load(stack.id(), running);
        if (update.isEmpty() || update.get().traversal().action() != TraversalAction.UPDATE) {
            throw HeatError.badRequest("Cancelling update when stack is ('" + stack.action() + "', '"
                    + stack.status() + "') is not supported.");
        }
        String reason = "Stack UPDATE cancelled";
        if (rollback) {
            rollBack(stack.id(), running, TraversalAction.UPDATE, reason);
        } else {
            fail(stack.id(), running, TraversalAction.UPDATE, reason);
        }
    }

    private void refuseWhileLocked(StackRow stack) {
        if (stack.lockEngine() != null && stack.lockExpires() != null && stack.lockExpires().isAfter(clock.instant())) {
            throw HeatError.inProgress(stack.name(), stack.action());
        }
    }

    /** Waits until no stack of this engine is in progress (tests and benchmarks). */
    public void awaitAllIdle() throws InterruptedException {
        while (!store.inProgress(NAME).isEmpty() || working.get() > 0) {
            Thread.sleep(20);
        }
    }

    // --- traversals

    /** The graph from the stack's rows to {@code template}, inserting INIT rows for new resources. */
    private ConvergenceGraph graphTo(String stackId, List<ResourceRow> rows, Template template) {
        Set<String> have = new HashSet<>();
        rows.forEach(r -> have.add(r.name()));
        List<ResourceRow> added = new ArrayList<>();
        for (String name : template.dependencies().createOrder()) {
            if (!have.contains(name)) {
                added.add(initRow(stackId, name, template));
            }
        }
        store.insertResources(added);
        return ConvergenceGraph.forTraversal(existing(rows), template.dependencies(), byName(template));
    }

    private ResourceRow initRow(String stackId, String name, Template template) {
        return new ResourceRow(java.util.UUID.randomUUID().toString(), stackId, name,
                template.resource(name).type(), null, "INIT", "COMPLETE", "", Map.of(), Map.of(), Map.of(),
                List.copyOf(template.dependencies().requires(name)), clock.instant(), null);
    }

    private static Map<String, String> byName(Template template) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        template.resources().keySet().forEach(name -> ids.put(name, name));
        return ids;
    }

    private static List<ExistingResource> existing(List<ResourceRow> rows) {
        return rows.stream().filter(r -> !(r.action().equals("DELETE") && r.status().equals("COMPLETE")))
                .map(r -> new ExistingResource(r.name(), r.name(), new LinkedHashSet<>(r.requires()), null))
                .toList();
    }

    /**
     * Starts a traversal of {@code stack} if its current one is still {@code expected}; the one
     * it supersedes drains away (its sync points go, its items are dropped as they come).
     *
     * @throws HeatError 409 when another action changed the stack's traversal first
     */
    private void begin(StackRow stack, String expected, TraversalAction action, Definition definition,
            ConvergenceGraph graph, Definition previous, Template template) {
        String id = Traversals.newId();
        Traversal traversal = new Traversal(stack.id(), id, action, definition, graph, previous);
        records.insert(traversal);
        syncPoints.create(stack.id(), id, graph);
        if (!traversals.begin(stack.id(), expected, id)) {
            syncPoints.deleteTraversal(stack.id(), id);
            throw HeatError.inProgress(stack.name(), stack.action());
        }
        if (!expected.equals(Traversals.NONE)) {
            syncPoints.deleteTraversal(stack.id(), expected);
            loaded.remove(expected);
        }
        records.deleteAllBut(stack.id(), id);
        StackRow now = store.find(stack.id()).orElse(stack);
        loaded.put(id, loadedOf(traversal, template, now));
        apply(stack.id(), id, action, Decider.start(graph, action));
    }

    private Optional<Loaded> load(String stackId, String traversalId) {
        Loaded known = loaded.get(traversalId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Traversal> stored = records.find(stackId, traversalId);
        Optional<StackRow> stack = store.find(stackId);
        if (stored.isEmpty() || stack.isEmpty()) {
            return Optional.empty();
        }
        Traversal t = stored.get();
        Template template = t.action() == TraversalAction.DELETE || t.definition().template().isEmpty() ? null
                : StackTemplates.parse(t.definition().applyTo(stack.get()));
        Loaded fresh = loadedOf(t, template, stack.get());
        if (loaded.size() > 256) {
            loaded.clear();
        }
        loaded.put(traversalId, fresh);
        return Optional.of(fresh);
    }

    private Loaded loadedOf(Traversal t, Template template, StackRow stack) {
        Definition before = t.previous() != null ? t.previous()
                : t.action() == TraversalAction.DELETE || t.definition().template().isEmpty() ? Definition.of(stack)
                : null;
        return new Loaded(t, template, stack, types.forStack(t.definition().applyTo(stack)),
                before == null ? Set.of() : StackTemplates.retained(before.applyTo(stack)));
    }

    private void apply(String stackId, String traversalId, TraversalAction action, List<Decision> decisions) {
        for (Decision decision : decisions) {
            switch (decision) {
                case Decision.CheckNode check -> bus.cast(ConvergenceRpc.workers(), ConvergenceRpc.CHECK_RESOURCE,
                        ConvergenceRpc.CheckResource.of(stackId, traversalId, check));
                case Decision.Notify notify -> apply(stackId, traversalId, action, Decider.onSatisfied(notify.target(),
                        syncPoints.satisfy(stackId, traversalId, notify.target(), notify.predecessors(),
                                notify.input()), action));
                case Decision.CompleteStack complete -> complete(stackId, traversalId, complete.action());
                case Decision.FailStack fail -> fail(stackId, traversalId, fail.action(), fail.reason());
                case Decision.RollBack back -> rollBack(stackId, traversalId, back.failedAction(), back.reason());
                case Decision.Drop drop -> LOG.debug("stack {}: {}", stackId, drop.why());
            }
        }
    }

    private boolean end(String stackId, String traversalId) {
        if (!traversals.end(stackId, traversalId)) {
            return false;
        }
        syncPoints.deleteTraversal(stackId, traversalId);
        loaded.remove(traversalId);
        return true;
    }

    private void complete(String stackId, String traversalId, TraversalAction action) {
        if (!end(stackId, traversalId)) {
            return;
        }
        records.deleteAllBut(stackId, null);
        StackRow stack = store.find(stackId).orElseThrow();
        String reason = switch (action) {
            case UPDATE -> "Stack successfully updated";
            default -> "Stack " + action + " completed successfully";
        };
        if (action == TraversalAction.DELETE) {
            store.markDeleted(stackId, clock.instant());
            traversals.forget(stackId);
        }
        store.setStatus(stackId, action.name(), "COMPLETE", reason, clock.instant());
        events.stack(stack, action.name(), "COMPLETE", reason);
    }

    private void fail(String stackId, String traversalId, TraversalAction action, String reason) {
        if (!end(stackId, traversalId)) {
            return;
        }
        StackRow stack = store.find(stackId).orElseThrow();
        store.setStatus(stackId, action.name(), "FAILED", reason, clock.instant());
        events.stack(stack, action.name(), "FAILED", reason);
    }

    /**
     * Rolls back a failed create (to no resources) or update (to the definition it started from)
     * as a ROLLBACK traversal that supersedes the failed one.
     */
    private void rollBack(String stackId, String traversalId, TraversalAction failed, String reason) {
        Optional<Loaded> from = load(stackId, traversalId);
        StackRow stack = store.find(stackId).orElseThrow();
        if (from.isEmpty() || !Traversals.isCurrent(traversals.current(stackId).orElse(null), traversalId)) {
            return;
        }
        // Straight on to ROLLBACK_IN_PROGRESS: a client polling the stack never sees a FAILED
        // that is not final.
        events.stack(stack, failed.name(), "FAILED", reason);
        store.setStatus(stackId, "ROLLBACK", "IN_PROGRESS", reason, clock.instant());
        events.stack(stack, "ROLLBACK", "IN_PROGRESS", reason);
        List<ResourceRow> rows = store.resources(stackId);
        Definition previous = from.get().traversal().previous();
        try {
            if ((failed == TraversalAction.UPDATE || failed == TraversalAction.RESTORE) && previous != null) {
                StackRow back = previous.applyTo(stack);
                Template template = StackTemplates.parse(back);
                ConvergenceGraph graph = graphTo(stackId, rows, template);
                store.setDefinition(back);
                begin(back, traversalId, TraversalAction.ROLLBACK, previous, graph, null, template);
            } else {
                begin(stack, traversalId, TraversalAction.ROLLBACK, new Definition("", Map.of(), Map.of(), Map.of()),
                        ConvergenceGraph.forDelete(existing(rows)), null, null);
            }
        } catch (HeatError superseded) {
            LOG.debug("stack {}: a newer action superseded the rollback", stackId);
        }
    }

    // --- the worker

    private void check(ConvergenceRpc.CheckResource item) {
        working.incrementAndGet();
        try {
            checkAdmitted(item);
        } catch (RuntimeException e) {
            LOG.error("stack {}: checking {} failed unexpectedly", item.stackId(), item.node(), e);
            Optional<Loaded> t = load(item.stackId(), item.traversalId());
            t.ifPresent(l -> apply(item.stackId(), item.traversalId(), l.traversal().action(),
                    List.of(Decider.afterFailure(item.node(), "Error: resources." + item.resourceKey()
                            + ": An unexpected error occurred.", l.traversal().action(), !l.stack().disableRollback()))));
        } finally {
            working.decrementAndGet();
        }
    }

    private void checkAdmitted(ConvergenceRpc.CheckResource item) {
        String stackId = item.stackId();
        String traversalId = item.traversalId();
        if (Decider.admit(traversals.current(stackId).orElse(null), traversalId).isPresent()) {
            return;
        }
        Optional<Loaded> found = load(stackId, traversalId);
        if (found.isEmpty()) {
            return;
        }
        Loaded t = found.get();
        NodeKey node = item.node();
        String name = node.resource();
        Set<String> needed = new LinkedHashSet<>();
        needed.add(name);
        if (node.update()) {
            needed.addAll(t.template().resource(name).dependencies());
        }
        List<ResourceRow> rows = store.resources(stackId, needed);
        ResourceRow row = rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (row == null) {
            // Cleaned up by an earlier run of this step.
            apply(stackId, traversalId, t.traversal().action(),
                    Decider.afterSuccess(t.traversal().graph(), node, nodeData(stackId, name, null)));
            return;
        }
        if (Decider.onLock(locks.acquire(row.id(), settings.engineId(), traversalId)).isPresent()) {
            return;
        }
        ResourceRow after;
        try {
            after = step(t, node, rows);
        } catch (ResourceSteps.StepFailed failure) {
            locks.release(row.id(), settings.engineId());
            if (Traversals.isCurrent(traversals.current(stackId).orElse(null), traversalId)) {
                apply(stackId, traversalId, t.traversal().action(), List.of(Decider.afterFailure(node,
                        "Resource " + failure.action + " failed: " + failure.getMessage(), t.traversal().action(),
                        !t.stack().disableRollback())));
            } else {
                retrigger(stackId, name);
            }
            return;
        } catch (RuntimeException e) {
            locks.release(row.id(), settings.engineId());
            throw e;
        }
        locks.release(row.id(), settings.engineId());
        if (!Traversals.isCurrent(traversals.current(stackId).orElse(null), traversalId)) {
            retrigger(stackId, name);
            return;
        }
        apply(stackId, traversalId, t.traversal().action(),
                Decider.afterSuccess(t.traversal().graph(), node, nodeData(stackId, name, after)));
    }

    /** Runs one node's step. @return the resource's row after it (null when the row is gone) */
    private ResourceRow step(Loaded t, NodeKey node, List<ResourceRow> rows) {
        String stackId = t.stack().id();
        String name = node.resource();
        PluginContext plugins = new PluginContext(clock, sleeper, random, t.stack(), services);
        StackContext context = new StackContext(t.types(), rows);
        if (node.update()) {
            List<ResourceSteps.Replaced> replaced = new ArrayList<>();
            new ResourceSteps(store, t.types(), clock, plugins, context).update(stackId, t.template().resource(name),
                    replaced);
            replaced.forEach(r -> records.addReplaced(r.old()));
            return context.row(name);
        }
        ResourceSteps steps = new ResourceSteps(store, t.types(), clock, plugins, context, t.retained());
        if (t.keeps(name)) {
            for (ResourceRow old : records.replaced(stackId, name)) {
                steps.deleteReplaced(new ResourceSteps.Replaced(old));
                records.removeReplaced(old);
            }
            return context.row(name);
        }
        steps.delete(name, t.traversal().action() == TraversalAction.DELETE);
        return context.row(name);
    }

    private NodeData nodeData(String stackId, String name, ResourceRow row) {
        return row == null ? new NodeData(stackId + "/" + name, name, name, Map.of(), "DELETE", "COMPLETE")
                : new NodeData(row.id(), name, row.physicalId() == null ? name : row.physicalId(), Map.of(),
                        row.action(), row.status());
    }

    /** After a superseded traversal's step: the current traversal may have dropped this resource's item meanwhile. */
    private void retrigger(String stackId, String name) {
        String current = traversals.current(stackId).orElse(Traversals.NONE);
        if (current.equals(Traversals.NONE)) {
            return;
        }
        load(stackId, current).ifPresent(t -> Decider.retrigger(t.traversal().graph(), name,
                        node -> syncPoints.inputs(stackId, current, SyncTarget.of(node)).orElse(List.of()))
                .ifPresent(check -> apply(stackId, current, t.traversal().action(), List.of(check))));
    }

    // --- recovery

    /**
     * Checks again every node of the stack's traversal that was ready (its predecessors all
     * reported) but never reported itself. @return whether the stack had a traversal to re-drive
     */
    private boolean redrive(StackRow stack) {
        String current = traversals.current(stack.id()).orElse(Traversals.NONE);
        Optional<Loaded> found = current.equals(Traversals.NONE) ? Optional.empty() : load(stack.id(), current);
        if (found.isEmpty()) {
            boolean locked = stack.lockExpires() != null && stack.lockExpires().isAfter(clock.instant());
            java.time.Instant since = stack.updatedAt() == null ? stack.createdAt() : stack.updatedAt();
            if (!acting.contains(stack.id()) && !locked && since.plus(settings.lockLease()).isBefore(clock.instant())
                    && (current.equals(Traversals.NONE) || traversals.end(stack.id(), current))) {
                // An engine died running a suspend, resume, check or snapshot, or between
                // recording an action and starting its traversal.
                String reason = "Engine went down during stack " + stack.action();
                store.setStatus(stack.id(), stack.action(), "FAILED", reason, clock.instant());
                events.stack(stack, stack.action(), "FAILED", reason);
                store.forceUnlock(stack.id());
            }
            return false;
        }
        ConvergenceGraph graph = found.get().traversal().graph();
        Map<NodeKey, List<NodeInput>> inputs = syncPoints.allNodeInputs(stack.id(), current);
        Set<NodeKey> reported = new HashSet<>();
        syncPoints.inputs(stack.id(), current, SyncTarget.stack()).orElse(List.of())
                .forEach(in -> reported.add(in.from()));
        Map<NodeKey, Set<NodeKey>> heard = new java.util.HashMap<>();
        inputs.forEach((node, list) -> {
            Set<NodeKey> from = new HashSet<>();
            list.forEach(in -> from.add(in.from()));
            heard.put(node, from);
        });
        List<Decision> checks = new ArrayList<>();
        for (NodeKey node : graph.nodes()) {
            boolean ready = heard.getOrDefault(node, Set.of()).containsAll(graph.requires(node));
            boolean done = graph.requiredBy(node).isEmpty() ? reported.contains(node)
                    : graph.requiredBy(node).stream().allMatch(d -> heard.getOrDefault(d, Set.of()).contains(node));
            if (ready && !done) {
                checks.add(new Decision.CheckNode(node, inputs.getOrDefault(node, List.of())));
            }
        }
        if (checks.isEmpty() && reported.containsAll(graph.finalNodes())) {
            checks.add(new Decision.CompleteStack(found.get().traversal().action()));
        }
        LOG.info("stack {} ({}): re-driving {} node(s) of its {} traversal", stack.name(), stack.id(),
                checks.size(), found.get().traversal().action());
        apply(stack.id(), current, found.get().traversal().action(), checks);
        return true;
    }

    /**
     * Fails (or rolls back, as a failed node would) the create, update or restore that outlived
     * its stack's {@code timeout_mins}; its steps still running finish and are dropped.
     */
    private void timeOut(StackRow stack, String current) {
        if (stack.timeoutMins() == null || stack.timeoutMins() <= 0 || current.equals(Traversals.NONE)) {
            return;
        }
        Optional<Loaded> t = load(stack.id(), current);
        Optional<Long> started = records.startedAt(stack.id(), current);
        if (t.isEmpty() || started.isEmpty() || !t.get().traversal().action().rollsBack()) {
            return;
        }
        if (clock.millis() - started.get() > java.time.Duration.ofMinutes(stack.timeoutMins()).toMillis()) {
            TraversalAction action = t.get().traversal().action();
            apply(stack.id(), current, action, List.of(Decider.afterFailure(NodeKey.update(stack.name()),
                    LegacyEngine.TIMED_OUT, action, !stack.disableRollback())));
        }
    }

    /** The engine's housekeeping, run every third of the lease (and by tests): heartbeat, time-outs, recovery. */
    public void housekeeping() {
        tick();
    }

    private void tick() {
        try {
            registry.heartbeat(settings.engineId());
            if (!acting.isEmpty()) {
                store.renewLocks(settings.engineId(), clock.instant().plus(settings.lockLease()));
            }
            long stale = clock.millis() - settings.lockLease().toMillis();
            for (StackRow stack : store.inProgress(NAME)) {
                String current = traversals.current(stack.id()).orElse(Traversals.NONE);
                timeOut(stack, current);
                if (current.equals(Traversals.NONE) || stalled(stack.id(), current, stale)) {
                    redrive(stack);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("convergence engine housekeeping failed: {}", e.getMessage());
        }
    }

    /** Whether a traversal made no progress since {@code stale} and no live engine holds one of its locks. */
    private boolean stalled(String stackId, String traversalId, long stale) {
        return jdbi.withHandle(h -> {
            Long last = h.createQuery("""
                            select max(t) from (
                                select max(updated_at) as t from conv_sync_points
                                where stack_id = :stack and traversal_id = :traversal
                                union all select created_at as t from conv_traversals
                                where stack_id = :stack and traversal_id = :traversal) x""")
                    .bind("stack", stackId).bind("traversal", traversalId).mapTo(Long.class).findOne().orElse(null);
            if (last == null) {
                // No record: a snapshot or abandon holding the stack, or what one left when its
                // engine died; redrive tells them apart by the stack's age.
                return true;
            }
            if (last > stale) {
                return false;
            }
            int live = h.createQuery("""
                            select count(*) from conv_resource_locks l join conv_engines e on e.engine_id = l.engine_id
                            where l.traversal_id = :traversal and e.lease_until > :now""")
                    .bind("traversal", traversalId).bind("now", clock.millis()).mapTo(Integer.class).one();
            return live == 0;
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        subscription.close();
    }

    @Override
    public void restore(StackRow current, StackRow next, Template template) {
        refuseWhileLocked(current);
        change(current, next, template, TraversalAction.RESTORE);
    }

    /** As a traversal of its own: no traversal starts while it runs, and it starts none while one runs. */
    @Override
    public void exclusive(StackRow stack, Runnable action) {
        refuseWhileLocked(stack);
        String id = Traversals.newId();
        if (!traversals.begin(stack.id(), Traversals.NONE, id)) {
            throw HeatError.inProgress(stack.name(), stack.action());
        }
        try {
            action.run();
        } finally {
            traversals.end(stack.id(), id);
        }
    }
}
