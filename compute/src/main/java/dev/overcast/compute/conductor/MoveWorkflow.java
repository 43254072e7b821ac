package dev.overcast.compute.conductor;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.conductor.ComputeHosts.PowerAction;
import dev.overcast.compute.instances.Fault;
import dev.overcast.compute.instances.FaultStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.instances.Lifecycle.Event;
import dev.overcast.compute.instances.VmState;
import dev.overcast.compute.migrations.Migration;
import dev.overcast.compute.migrations.MigrationStore;
import dev.overcast.compute.network.InstanceNetworking;
import dev.overcast.compute.network.Networks;
import dev.overcast.compute.scheduler.HostState;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.WeighedHost;
import dev.overcast.compute.services.HostAggregates;

/**
 * Resizes and cold migrations, as Nova's conductor and computes run them, in three tasks:
 * <ol>
 * <li>{@code resize_prep}: the server's allocations on its source host move to the migration's own
 *     consumer, and the scheduler picks (and claims, for the server) another host for the new flavor.
 *     With none, the source is given back and the server is as it was, with a fault saying why.</li>
 * <li>{@code resize_migrating}: the guest leaves the source and is spawned on the destination with the new
 *     flavor (stopped again if it was stopped); the server is {@code VERIFY_RESIZE} there. A destination
 *     that refuses, or a root disk that would shrink, rolls it back to the source.</li>
 * <li>{@code resize_reverting}, on the user's revert: the guest leaves the destination, the source
 *     allocations go back to the server, and it is spawned on the source with its old flavor.</li>
 * </ol>
 * A confirm is the API's (it only releases the migration's hold on the source). Each step is safe to
 * repeat: moving allocations does nothing once moved, spawn and destroy are idempotent, and the migration's
 * status and the instance's state are each changed compare-and-set.
 */
final class MoveWorkflow {
    private static final Logger LOG = LoggerFactory.getLogger(MoveWorkflow.class);
    private static final String MIGRATION_CONSUMER = "MIGRATION";
    private static final String INSTANCE_CONSUMER = "INSTANCE";

    private final ComputeContext ctx;
    private final PlacementClient placement;
    private final ComputeHosts hosts;
    private final Rescheduler rescheduler;
    private final HostAggregates zones;
    private final InstanceNotifier notifier;
    private final InstanceNetworking networking;

    MoveWorkflow(ComputeContext ctx, PlacementClient placement, ComputeHosts hosts, Rescheduler rescheduler,
                 HostAggregates zones, InstanceNotifier notifier) {
        this.ctx = ctx;
        this.placement = placement;
        this.hosts = hosts;
        this.rescheduler = rescheduler;
        this.zones = zones;
        this.notifier = notifier;
        this.networking = new InstanceNetworking(ctx.networks(), ctx.clock());
    }

    /** {@code resize_prep}: holds the source for the migration and schedules the destination. */
    boolean prepare(InstanceStore store, Instance instance) {
        MigrationStore migrations = new MigrationStore(store.db());
        Optional<Migration> open = migrations.open(instance.uuid());
        if (open.isEmpty()) {
            return abandon(store, instance, "resize");
        }
        Migration m = open.get();
        Instant now = ctx.clock().instant();
        if (m.status().equals(Migration.MIGRATING)) {
            // Scheduled before a crash: go on to the move.
            store.transition(instance.state(), scheduled(instance), now);
            return false;
        }
        String requestId = requestId(instance);
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(instance.uuid(), requestId, "conductor_migrate_server", null, now);
        notifier.info("instance.resize_prep.start", instance);
        placement.move(instance.uuid(), m.uuid(), MIGRATION_CONSUMER, false);
        Optional<WeighedHost> chosen = rescheduler.placeMove(instance, m.newFlavor(), m.requestedHost());
        if (chosen.isEmpty()) {
            placement.move(m.uuid(), instance.uuid(), INSTANCE_CONSUMER, true);
            String why = "No valid host was found. No valid host found for " + (m.migrationType().equals("resize")
                    ? "resize" : "cold migrate");
            return rollBack(store, instance, m, why, Event.TASK_ABORTED);
        }
        HostState dest = chosen.get().host();
        Instant end = ctx.clock().instant();
        if (!migrations.setDestination(m.uuid(), dest.host(), dest.node(), end)) {
            return false;
        }
        actions.finishEvent(instance.uuid(), requestId, "conductor_migrate_server", null, null, end);
        notifier.info("instance.resize_prep.end", instance);
        store.transition(instance.state(), scheduled(instance), end);
        // Whether or not it changed under us, the loop runs the instance's task as it is now.
        return false;
    }

    private static Instance scheduled(Instance instance) {
        return instance.withState(Lifecycle.apply(instance.state(), Event.RESIZE_SCHEDULED, "resize",
                instance.uuid()));
    }

    /** {@code resize_migrating}: spawns on the destination with the new flavor and leaves the source. */
    boolean migrate(InstanceStore store, Instance instance) {
        MigrationStore migrations = new MigrationStore(store.db());
        Optional<Migration> open = migrations.open(instance.uuid());
        if (open.isEmpty() || open.get().destCompute() == null) {
            return abandon(store, instance, "resize");
        }
        Migration m = open.get();
        Instant now = ctx.clock().instant();
        String requestId = requestId(instance);
        ActionStore actions = new ActionStore(store.db());
        boolean stopped = instance.state().vm() == VmState.STOPPED;
        Instance moved = instance.withPlacement(m.destCompute(), m.destNode(),
                        zones.zoneOf(m.destCompute(), ctx.settings().defaultAvailabilityZone()))
                .withFlavor(m.newFlavor());
        if (m.status().equals(Migration.MIGRATING)) {
            actions.startEvent(instance.uuid(), requestId, "compute_resize_instance", m.sourceCompute(), now);
            notifier.info("instance.resize.start", instance);
            if (m.newFlavor().rootGb() < m.oldFlavor().rootGb()) {
                return undoMove(store, instance, m, "Resize error: Unable to resize disk down.", false);
            }
            // The guest leaves its source before it starts on the destination: one guest, never two.
            if (hosts.isUp(m.sourceCompute())) {
                hosts.destroy(m.sourceCompute(), instance.uuid());
            }
            try {
                start(store, moved, stopped);
            } catch (ComputeHosts.Refused | Networks.NetworkFailure e) {
                return undoMove(store, instance, m, e.getMessage(), true);
            }
            Instant end = ctx.clock().instant();
            actions.finishEvent(instance.uuid(), requestId, "compute_resize_instance", null, null, end);
            notifier.info("instance.resize.end", instance);
            if (!migrations.setStatus(m.uuid(), Migration.MIGRATING, Migration.FINISHED, end)) {
                return false;
            }
        }
        Instant end = ctx.clock().instant();
        actions.startEvent(instance.uuid(), requestId, "compute_finish_resize", m.destCompute(), end);
        Instance finished = moved.withState(Lifecycle.apply(instance.state(),
                stopped ? Event.RESIZE_FINISHED_STOPPED : Event.RESIZE_FINISHED, "resize", instance.uuid()))
                .withLease(null, null);
        if (!store.transition(instance.state(), finished, end)) {
            return false;
        }
        actions.finishEvent(instance.uuid(), requestId, "compute_finish_resize", null, null, end);
        notifier.info("instance.resize_finish.end", finished);
        LOG.info("{} of {} moved it from {} to {}; it waits to be confirmed", m.migrationType(), instance.uuid(),
                m.sourceCompute(), m.destCompute());
        return true;
    }

    /** Spawns the instance where it says, binding its ports there, and stops it again if it was stopped. */
    private void start(InstanceStore store, Instance instance, boolean stopped) {
        networking.allocate(store.db(), instance);
        hosts.spawn(instance, store.metadata(instance.uuid()));
        if (stopped) {
            hosts.power(instance.host(), instance.uuid(), PowerAction.OFF);
        }
    }

    /**
     * The destination refused (or the move could not be made): it is cleared and released, and the server is
     * started on its source again ({@code restart}) with its old flavor. Should the source refuse too, the
     * server is in ERROR there.
     */
    private boolean undoMove(InstanceStore store, Instance instance, Migration m, String why, boolean restart) {
        if (restart && hosts.isUp(m.destCompute())) {
            hosts.destroy(m.destCompute(), instance.uuid());
        }
        placement.move(m.uuid(), instance.uuid(), INSTANCE_CONSUMER, true);
        if (restart) {
            try {
                start(store, instance, instance.state().vm() == VmState.STOPPED);
            } catch (ComputeHosts.Refused | Networks.NetworkFailure e) {
                String both = why + "; starting it again on " + instance.host() + " failed: " + e.getMessage();
                return rollBack(store, instance, m, both, Event.TASK_FAILED);
            }
        }
        return rollBack(store, instance, m, why, Event.TASK_ABORTED);
    }

    /**
     * Ends a move that failed with the server on its source: the migration errs, and the task is dropped
     * ({@code TASK_ABORTED}) or the server errs ({@code TASK_FAILED}).
     */
    private boolean rollBack(InstanceStore store, Instance instance, Migration m, String why, Event outcome) {
        Instant now = ctx.clock().instant();
        new MigrationStore(store.db()).setStatus(m.uuid(), m.status(), Migration.ERROR, now);
        new FaultStore(store.db()).record(instance.uuid(), new Fault(500, why, why, instance.host(), now));
        Instance back = instance.withState(Lifecycle.apply(instance.state(), outcome, "resize",
                instance.uuid())).withLease(null, null);
        String event = m.status().equals(Migration.PRE_MIGRATING) ? "conductor_migrate_server"
                : "compute_resize_instance";
        if (store.transition(instance.state(), back, now)) {
            new ActionStore(store.db()).finishEvent(instance.uuid(), requestId(instance), event, why, why, now);
            notifier.error("instance.resize.error", back, why);
            LOG.info("{} of {} failed and was rolled back: {}", m.migrationType(), instance.uuid(), why);
        }
        return true;
    }

    /** {@code resize_reverting}: back to the source host with the old flavor. */
    boolean revert(InstanceStore store, Instance instance) {
        MigrationStore migrations = new MigrationStore(store.db());
        Optional<Migration> open = migrations.open(instance.uuid());
        if (open.isEmpty()) {
            return abandon(store, instance, "revertResize");
        }
        Migration m = open.get();
        Instant now = ctx.clock().instant();
        String requestId = requestId(instance);
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(instance.uuid(), requestId, "compute_revert_resize", m.destCompute(), now);
        notifier.info("instance.resize_revert.start", instance);
        if (m.destCompute() != null && hosts.isUp(m.destCompute())) {
            hosts.destroy(m.destCompute(), instance.uuid());
        }
        placement.move(m.uuid(), instance.uuid(), INSTANCE_CONSUMER, true);
        boolean stopped = "stopped".equals(m.oldVmState());
        Instance back = instance.withPlacement(m.sourceCompute(), m.sourceNode(),
                        zones.zoneOf(m.sourceCompute(), ctx.settings().defaultAvailabilityZone()))
                .withFlavor(m.oldFlavor());
        String failure = null;
        try {
            start(store, back, stopped);
        } catch (ComputeHosts.Refused | Networks.NetworkFailure e) {
            failure = e.getMessage();
        }
        Instant end = ctx.clock().instant();
        migrations.setStatus(m.uuid(), m.status(), failure == null ? Migration.REVERTED : Migration.ERROR, end);
        Event outcome = failure != null ? Event.TASK_FAILED
                : stopped ? Event.RESIZE_REVERTED_STOPPED : Event.RESIZE_REVERTED;
        if (failure != null) {
            new FaultStore(store.db()).record(instance.uuid(), new Fault(500, failure, failure, m.sourceCompute(),
                    end));
        }
        Instance after = back.withState(Lifecycle.apply(instance.state(), outcome, "revertResize", instance.uuid()))
                .withLease(null, null);
        if (!store.transition(instance.state(), after, end)) {
            return false;
        }
        actions.finishEvent(instance.uuid(), requestId, "compute_revert_resize", failure, failure, end);
        notifier.info("instance.resize_revert.end", after);
        return true;
    }

    /**
     * A server that is deleted while it moves, or while its resize waits to be confirmed: the guest leaves
     * whichever host its migration touched, and the migration's hold on the source goes.
     */
    void forget(InstanceStore store, Instance instance) {
        MigrationStore migrations = new MigrationStore(store.db());
        migrations.open(instance.uuid()).ifPresent(m -> {
            for (String host : new String[] {m.sourceCompute(), m.destCompute()}) {
                if (host != null && !host.equals(instance.host()) && hosts.isUp(host)) {
                    hosts.destroy(host, instance.uuid());
                }
            }
            placement.release(m.uuid());
            migrations.setStatus(m.uuid(), m.status(), m.status().equals(Migration.FINISHED) ? Migration.CONFIRMED
                    : Migration.ERROR, ctx.clock().instant());
        });
    }

    /** A move task with no migration to drive (it was written without one, or an admin reset it): dropped. */
    private boolean abandon(InstanceStore store, Instance instance, String operation) {
        LOG.warn("{} of {} has no open migration; its task is dropped", operation, instance.uuid());
        Instance after = instance.withState(Lifecycle.apply(instance.state(),
                Lifecycle.allows(instance.state(), Event.TASK_ABORTED) ? Event.TASK_ABORTED : Event.TASK_FAILED,
                operation, instance.uuid())).withLease(null, null);
        return store.transition(instance.state(), after, ctx.clock().instant());
    }

    private static String requestId(Instance instance) {
        return instance.systemMetadata().get(TaskWorkflow.REQUEST_KEY);
    }
}
