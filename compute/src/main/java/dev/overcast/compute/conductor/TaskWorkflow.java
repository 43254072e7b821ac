package dev.overcast.compute.conductor;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.Fault;
import dev.overcast.compute.instances.FaultStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceState;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.instances.Lifecycle.Event;
import dev.overcast.compute.conductor.ComputeHosts.PowerAction;
import dev.overcast.compute.instances.VmState;
import dev.overcast.compute.network.InstanceNetworking;
import dev.overcast.compute.network.Networks;
import dev.overcast.compute.scheduler.HostState;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.WeighedHost;
import dev.overcast.compute.services.HostAggregates;

/**
 * The task of an instance in its cell, driven to its end: spawn (with reschedules to the
 * alternates), delete, power off, power on, reboot, and the steps of a resize
 * ({@link MoveWorkflow}). The instance's task_state says what is owed; a lease on the row says who
 * is working on it. Every step is safe to repeat: the agent's spawn and destroy are idempotent,
 * Placement's release is, and each state change is a compare-and-set, so a task taken over after
 * a crash simply runs again.
 */
final class TaskWorkflow {
    private static final Logger LOG = LoggerFactory.getLogger(TaskWorkflow.class);
    static final String REQUEST_KEY = "overcast:request_id";
    private static final String ATTEMPTS_KEY = "overcast:attempts";

    private final ComputeContext ctx;
    private final PlacementClient placement;
    private final ComputeHosts hosts;
    private final ServerGroups groups;
    private final Rescheduler rescheduler;
    private final HostAggregates zones;
    private final InstanceNotifier notifier;
    private final String owner;
    private final InstanceNetworking networking;
    private final MoveWorkflow moves;

    TaskWorkflow(ComputeContext ctx, PlacementClient placement, ComputeHosts hosts, ServerGroups groups,
                 Rescheduler rescheduler, HostAggregates zones, InstanceNotifier notifier, String owner) {
        this.ctx = ctx;
        this.placement = placement;
        this.hosts = hosts;
        this.groups = groups;
        this.rescheduler = rescheduler;
        this.zones = zones;
        this.notifier = notifier;
        this.owner = owner;
        this.networking = new InstanceNetworking(ctx.networks(), ctx.clock());
        this.moves = new MoveWorkflow(ctx, placement, hosts, rescheduler, zones, notifier);
    }

    /** Runs the instance's task to its end, unless another worker holds it or it has none. */
    void run(CellMapping cell, String instanceUuid) {
        InstanceStore store = new InstanceStore(ctx.cells().db(cell));
        for (int step = 0; step < 10; step++) {
            Instant now = ctx.clock().instant();
            Optional<Instance> leased = store.lease(instanceUuid, owner, now, now.plus(ctx.settings().workflowLease()));
            if (leased.isEmpty()) {
                return;
            }
            Instance instance = leased.get();
            boolean done;
            try {
                done = switch (instance.state().task()) {
                    case SPAWNING -> spawn(cell, store, instance);
                    case DELETING -> delete(cell, store, instance);
                    case POWERING_OFF -> power(store, instance, "stop", "power_off", Event.STOPPED, PowerAction.OFF);
                    case POWERING_ON -> power(store, instance, "start", "power_on", Event.STARTED, PowerAction.ON);
                    case REBOOTING -> power(store, instance, "reboot", "reboot", Event.REBOOTED,
                            PowerAction.SOFT_REBOOT);
                    case REBOOTING_HARD -> power(store, instance, "reboot", "reboot", Event.REBOOTED,
                            PowerAction.HARD_REBOOT);
                    case PAUSING -> power(store, instance, "pause", "pause", Event.PAUSED, PowerAction.PAUSE);
                    case UNPAUSING -> power(store, instance, "unpause", "unpause", Event.UNPAUSED,
                            PowerAction.UNPAUSE);
                    case SUSPENDING -> power(store, instance, "suspend", "suspend", Event.SUSPENDED,
                            PowerAction.SUSPEND);
                    case RESUMING -> power(store, instance, "resume", "resume", Event.RESUMED, PowerAction.RESUME);
                    case RESCUING -> power(store, instance, "rescue", "rescue", Event.RESCUED, PowerAction.RESCUE);
                    case UNRESCUING -> power(store, instance, "unrescue", "unrescue", Event.UNRESCUED,
                            PowerAction.UNRESCUE);
                    case SHELVING -> shelve(store, instance);
                    case UNSHELVING -> unshelve(cell, store, instance);
                    case REBUILDING -> rebuild(store, instance);
                    case IMAGE_SNAPSHOT -> abandonSnapshot(store, instance);
                    case RESIZE_PREP -> moves.prepare(store, instance);
                    case RESIZE_MIGRATING -> moves.migrate(store, instance);
                    case RESIZE_REVERTING -> moves.revert(store, instance);
                    case SCHEDULING -> fail(cell, store, instance, "Instance " + instance.uuid()
                            + " was left scheduling in its cell.");
                };
            } catch (ComputeHosts.HostUnreachable e) {
                // Leave the lease: it lapses and the sweeper tries again later.
                LOG.warn("{} of {} waits for host {}: {}", instance.state().task(), instanceUuid, instance.host(),
                        e.getMessage());
                return;
            }
            if (done) {
                return;
            }
            // The state changed under us (a delete came in during a spawn, say): run the new task.
        }
    }

    private boolean spawn(CellMapping cell, InstanceStore store, Instance instance) {
        ActionStore actions = new ActionStore(store.db());
        String requestId = instance.systemMetadata().get(REQUEST_KEY);
        try {
            networking.allocate(store.db(), instance);
        } catch (Networks.NetworkFailure e) {
            actions.finishEvent(instance.uuid(), requestId, BuildWorkflow.EVENT_BUILD, e.getMessage(), e.getMessage(),
                    ctx.clock().instant());
            return fail(cell, store, instance, "Build of instance " + instance.uuid() + " aborted: " + e.getMessage());
        }
        try {
            hosts.spawn(instance, store.metadata(instance.uuid()));
        } catch (ComputeHosts.Refused e) {
            Instant now = ctx.clock().instant();
            actions.finishEvent(instance.uuid(), requestId, BuildWorkflow.EVENT_BUILD, e.getMessage(), e.getMessage(),
                    now);
            return e.retryable() ? reschedule(cell, store, instance, e.getMessage())
                    : fail(cell, store, instance, e.getMessage());
        }
        Instant now = ctx.clock().instant();
        Instance active = instance.withState(Lifecycle.apply(instance.state(), Event.SPAWNED, "build", instance.uuid()))
                .withLease(null, null);
        Instance withLaunch = active.withTimes(now, null, null, false, now);
        if (!store.transition(instance.state(), withLaunch, now)) {
            return false;
        }
        actions.finishEvent(instance.uuid(), requestId, BuildWorkflow.EVENT_BUILD, null, null, now);
        notifier.info("instance.create.end", withLaunch);
        return true;
    }

    /** Tries the next alternate host; with none left (or max_attempts reached) the build fails. */
    private boolean reschedule(CellMapping cell, InstanceStore store, Instance instance, String why) {
        int attempts = Integer.parseInt(instance.systemMetadata().getOrDefault(ATTEMPTS_KEY, "1"));
        List<Alternate> alternates = new java.util.ArrayList<>(Alternate.read(instance.systemMetadata()));
        while (attempts < ctx.settings().maxAttempts() && !alternates.isEmpty()) {
            Alternate next = alternates.removeFirst();
            attempts++;
            if (!placement.claim(instance.uuid(), instance.projectId(), instance.userId(), next.allocations())) {
                continue;
            }
            Instant now = ctx.clock().instant();
            Map<String, String> sysmeta = new HashMap<>(instance.systemMetadata());
            sysmeta.put(Alternate.KEY, Alternate.write(alternates));
            sysmeta.put(ATTEMPTS_KEY, Integer.toString(attempts));
            Instance moved = instance.withPlacement(next.host(), next.node(), instance.availabilityZone())
                    .withSystemMetadata(sysmeta);
            if (!store.transition(instance.state(), moved, now)) {
                return false;
            }
            LOG.info("build of {} failed ({}); rescheduled to {}", instance.uuid(), why, next.host());
            new ActionStore(store.db()).startEvent(instance.uuid(), instance.systemMetadata().get(REQUEST_KEY),
                    BuildWorkflow.EVENT_BUILD, next.host(), now);
            return false;
        }
        return fail(cell, store, instance, attempts >= ctx.settings().maxAttempts()
                ? "Exceeded maximum number of retries. Exceeded max scheduling attempts " + attempts
                + " for instance " + instance.uuid() + ". Last exception: " + why
                : "Exhausted all hosts available for retrying build failures for instance " + instance.uuid()
                + ". Last exception: " + why);
    }

    /** The build failed for good: ERROR with a fault, its claim released. */
    private boolean fail(CellMapping cell, InstanceStore store, Instance instance, String message) {
        Instant now = ctx.clock().instant();
        Instance failed = instance.withState(Lifecycle.apply(instance.state(), Event.BUILD_FAILED, "build",
                instance.uuid())).withLease(null, null);
        // The fault first: a reader that sees ERROR must find why.
        new FaultStore(store.db()).record(instance.uuid(), new Fault(500, message, message, instance.host(), now));
        if (!store.transition(instance.state(), failed, now)) {
            return false;
        }
        // As Nova's build abort: the ports made for it go now, not when the user deletes it.
        networking.release(store.db(), instance);
        placement.release(instance.uuid());
        notifier.error("instance.create.error", failed, message);
        return true;
    }

    private boolean delete(CellMapping cell, InstanceStore store, Instance instance) {
        Instant now = ctx.clock().instant();
        String requestId = instance.systemMetadata().get(REQUEST_KEY);
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(instance.uuid(), requestId, "compute_terminate_instance", instance.host(), now);
        notifier.info("instance.delete.start", instance);
        if (instance.host() != null && hosts.isUp(instance.host())) {
            hosts.destroy(instance.host(), instance.uuid());
        }
        // A host that is down is deleted locally, as Nova does; its agent finds no instance to keep.
        moves.forget(store, instance);
        networking.release(store.db(), instance);
        placement.release(instance.uuid());
        groups.removeMember(instance.uuid());
        Instant end = ctx.clock().instant();
        InstanceState deletedState = Lifecycle.apply(instance.state(), Event.DELETED, "delete", instance.uuid());
        Instance deleted = instance.withState(deletedState).withLease(null, null)
                .withTimes(instance.launchedAt(), end, end, true, end);
        if (!store.transition(instance.state(), deleted, end)) {
            return false;
        }
        new BuildStore(ctx.api()).markDeleted(instance.uuid(), end);
        actions.finishEvent(instance.uuid(), requestId, "compute_terminate_instance", null, null, end);
        notifier.info("instance.delete.end", deleted);
        return true;
    }

    /**
     * A change of power state on the host.
     *
     * @param operation the action's name ({@code stop}, ...), for its event {@code compute_<operation>_instance}
     * @param phase     the notification's name ({@code power_off}, ...): {@code instance.<phase>.start/end}
     */
    private boolean power(InstanceStore store, Instance instance, String operation, String phase, Event outcome,
                          PowerAction action) {
        Instant now = ctx.clock().instant();
        String requestId = instance.systemMetadata().get(REQUEST_KEY);
        String event = "compute_" + operation + "_instance";
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(instance.uuid(), requestId, event, instance.host(), now);
        notifier.info("instance." + phase + ".start", instance);
        String failure = null;
        try {
            hosts.power(instance.host(), instance.uuid(), action);
        } catch (ComputeHosts.Refused e) {
            failure = e.getMessage();
        }
        Instant end = ctx.clock().instant();
        Instance after = instance.withState(Lifecycle.apply(instance.state(),
                failure == null ? outcome : Event.TASK_ABORTED, operation, instance.uuid())).withLease(null, null);
        if (!store.transition(instance.state(), after, end)) {
            return false;
        }
        actions.finishEvent(instance.uuid(), requestId, event, failure, failure, end);
        notifier.info("instance." + phase + ".end", after);
        return true;
    }

    /**
     * Shelves and offloads at once (Nova's default {@code shelved_offload_time} of 0): the
     * instance is stopped, removed from its host and its claim released; it keeps its cell.
     */
    private boolean shelve(InstanceStore store, Instance instance) {
        Instant now = ctx.clock().instant();
        String requestId = instance.systemMetadata().get(REQUEST_KEY);
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(instance.uuid(), requestId, "compute_shelve_instance", instance.host(), now);
        notifier.info("instance.shelve.start", instance);
        if (instance.host() != null) {
            hosts.destroy(instance.host(), instance.uuid());
        }
        networking.unbind(instance);
        placement.release(instance.uuid());
        Instant end = ctx.clock().instant();
        Instance offloaded = instance.withState(Lifecycle.apply(instance.state(), Event.SHELVED_OFFLOADED, "shelve",
                instance.uuid())).withPlacement(null, null, instance.availabilityZone()).withLease(null, null);
        if (!store.transition(instance.state(), offloaded, end)) {
            return false;
        }
        actions.finishEvent(instance.uuid(), requestId, "compute_shelve_instance", null, null, end);
        notifier.info("instance.shelve_offload.end", offloaded);
        return true;
    }

    /** Schedules the shelved instance again, claims its new host and spawns it there. */
    private boolean unshelve(CellMapping cell, InstanceStore store, Instance instance) {
        Instant now = ctx.clock().instant();
        String requestId = instance.systemMetadata().get(REQUEST_KEY);
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(instance.uuid(), requestId, "compute_unshelve_instance", null, now);
        Instance placed = instance;
        if (instance.host() == null) {
            Optional<WeighedHost> chosen = rescheduler.place(instance);
            if (chosen.isEmpty()) {
                String why = "No valid host was found for unshelving instance " + instance.uuid() + ".";
                Instance back = UnshelveTarget.forget(instance).withState(Lifecycle.apply(instance.state(),
                        Event.TASK_ABORTED, "unshelve", instance.uuid())).withLease(null, null);
                new FaultStore(store.db()).record(instance.uuid(), new Fault(500, why, why, null, now));
                if (store.transition(instance.state(), back, now)) {
                    actions.finishEvent(instance.uuid(), requestId, "compute_unshelve_instance", why, why, now);
                }
                return true;
            }
            HostState h = chosen.get().host();
            placed = UnshelveTarget.forget(instance).withPlacement(h.host(), h.node(), zones.zoneOf(h.host(),
                    ctx.settings().defaultAvailabilityZone()));
            if (!store.transition(instance.state(), placed, now)) {
                placement.release(instance.uuid());
                return false;
            }
        }
        try {
            networking.allocate(store.db(), placed);
            hosts.spawn(placed, store.metadata(placed.uuid()));
        } catch (ComputeHosts.Refused | Networks.NetworkFailure e) {
            Instant end = ctx.clock().instant();
            Instance back = placed.withState(Lifecycle.apply(placed.state(), Event.TASK_ABORTED, "unshelve",
                    placed.uuid())).withPlacement(null, null, placed.availabilityZone()).withLease(null, null);
            if (store.transition(placed.state(), back, end)) {
                placement.release(placed.uuid());
                actions.finishEvent(placed.uuid(), requestId, "compute_unshelve_instance", e.getMessage(),
                        e.getMessage(), end);
            }
            return true;
        }
        Instant end = ctx.clock().instant();
        Instance active = placed.withState(Lifecycle.apply(placed.state(), Event.UNSHELVED, "unshelve", placed.uuid()))
                .withLease(null, null);
        if (!store.transition(placed.state(), active, end)) {
            return false;
        }
        actions.finishEvent(placed.uuid(), requestId, "compute_unshelve_instance", null, null, end);
        notifier.info("instance.unshelve.end", active);
        return true;
    }

    /**
     * A snapshot is uploaded by the API process that took it, with its caller's token; one whose
     * lease lapsed lost its uploader, so the task is given up (the queued image stays, as in Nova).
     */
    private boolean abandonSnapshot(InstanceStore store, Instance instance) {
        Instant now = ctx.clock().instant();
        Instance after = instance.withState(Lifecycle.apply(instance.state(), Event.TASK_ABORTED, "createImage",
                instance.uuid())).withLease(null, null);
        if (!store.transition(instance.state(), after, now)) {
            return false;
        }
        LOG.warn("the snapshot of {} lost its uploader; its task is given up", instance.uuid());
        return true;
    }

    /** Rebuilds on the same host with the image the API wrote: destroy, spawn, and stop again if it was stopped. */
    private boolean rebuild(InstanceStore store, Instance instance) {
        Instant now = ctx.clock().instant();
        String requestId = instance.systemMetadata().get(REQUEST_KEY);
        ActionStore actions = new ActionStore(store.db());
        actions.startEvent(instance.uuid(), requestId, "compute_rebuild_instance", instance.host(), now);
        notifier.info("instance.rebuild.start", instance);
        String failure = null;
        try {
            hosts.destroy(instance.host(), instance.uuid());
            hosts.spawn(instance, store.metadata(instance.uuid()));
            if (instance.state().vm() == VmState.STOPPED) {
                hosts.power(instance.host(), instance.uuid(), PowerAction.OFF);
            }
        } catch (ComputeHosts.Refused e) {
            failure = e.getMessage();
        }
        Instant end = ctx.clock().instant();
        Event outcome = failure != null ? Event.TASK_FAILED
                : instance.state().vm() == VmState.STOPPED ? Event.REBUILT_STOPPED : Event.REBUILT;
        Instance after = instance.withState(Lifecycle.apply(instance.state(), outcome, "rebuild", instance.uuid()))
                .withLease(null, null);
        if (failure != null) {
            new FaultStore(store.db()).record(instance.uuid(), new Fault(500, failure, failure, instance.host(), end));
        }
        if (!store.transition(instance.state(), after, end)) {
            return false;
        }
        actions.finishEvent(instance.uuid(), requestId, "compute_rebuild_instance", failure, failure, end);
        notifier.info("instance.rebuild.end", after);
        return true;
    }
}
