package dev.overcast.compute.conductor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.actions.ActionStore;
import dev.overcast.compute.builds.BuildRequest;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.builds.SchedulingRequest;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.Fault;
import dev.overcast.compute.instances.FaultStore;
import dev.overcast.compute.instances.Instance;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.instances.Lifecycle;
import dev.overcast.compute.services.HostAggregates;
import dev.overcast.compute.scheduler.InstanceSelection;
import dev.overcast.compute.scheduler.NoValidHost;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.ScheduleResult;
import dev.overcast.compute.scheduler.Scheduled;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.scheduler.ServerGroup;
import dev.overcast.compute.scheduler.WeighedHost;

/**
 * The first half of a build, while the instance is only a build request in the API database:
 * lease the build, schedule it (the scheduler claims the host in Placement), write the instance
 * into the chosen host's cell and map it there. A build that cannot be placed is written into
 * cell0 in ERROR with the scheduler's explanation as its fault.
 *
 * <p>Each step is safe to repeat. A conductor that dies leaves the build request with a lease
 * that lapses; the next conductor first looks for the instance in the cells (it may have been
 * written before the crash) and only schedules again if it is nowhere.
 */
final class BuildWorkflow {
    private static final Logger LOG = LoggerFactory.getLogger(BuildWorkflow.class);
    static final String EVENT_SCHEDULE = "conductor_schedule_and_build_instances";
    static final String EVENT_BUILD = "compute__do_build_and_run_instance";

    private final ComputeContext ctx;
    private final BuildStore builds;
    private final Scheduler scheduler;
    private final PlacementClient placement;
    private final ServerGroups groups;
    private final HostAggregates zones;
    private final InstanceNotifier notifier;
    private final String owner;
    private final Map<String, Object> groupLocks = new java.util.concurrent.ConcurrentHashMap<>();

    BuildWorkflow(ComputeContext ctx, Scheduler scheduler, PlacementClient placement, ServerGroups groups,
                  HostAggregates zones, InstanceNotifier notifier, String owner) {
        this.ctx = ctx;
        this.builds = new BuildStore(ctx.api());
        this.scheduler = scheduler;
        this.placement = placement;
        this.groups = groups;
        this.zones = zones;
        this.notifier = notifier;
        this.owner = owner;
    }

    /**
     * Moves one build forward.
     *
     * @return the cell the instance is now in with a task to run, or empty when there is nothing
     *         more for this conductor to do (another holds it, it was deleted, or it failed)
     */
    Optional<CellMapping> run(String instanceUuid) {
        Instant now = ctx.clock().instant();
        Optional<BuildRequest> leased = builds.lease(instanceUuid, owner, now, now.plus(ctx.settings().workflowLease()));
        if (leased.isEmpty()) {
            return Optional.empty();
        }
        BuildRequest build = leased.get();
        Optional<CellMapping> already = cellHolding(instanceUuid);
        if (already.isPresent()) {
            LOG.info("build of {} was already in cell {}; finishing its move", instanceUuid, already.get().name());
            builds.moveToCell(instanceUuid, already.get().id(), now);
            return already;
        }
        SchedulingRequest spec = builds.spec(instanceUuid);
        if (spec.groupUuid() == null) {
            return decide(build, scheduler.select(spec.toRequestSpec(build.instance(), null), List.of(build.uuid())));
        }
        // Until an instance is written into its cell the group's members do not show its host, so
        // builds into one group are scheduled and written one at a time.
        synchronized (groupLocks.computeIfAbsent(spec.groupUuid(), k -> new Object())) {
            ServerGroup group = groups.forScheduling(spec.groupUuid()).orElse(null);
            return decide(build, scheduler.select(spec.toRequestSpec(build.instance(), group), List.of(build.uuid())));
        }
    }

    private Optional<CellMapping> decide(BuildRequest build, ScheduleResult result) {
        return switch (result) {
            case NoValidHost none -> {
                buryInCell0(build, none);
                yield Optional.empty();
            }
            case Scheduled scheduled -> Optional.of(placeInCell(build, scheduled.instances().getFirst()));
        };
    }

    private Optional<CellMapping> cellHolding(String instanceUuid) {
        for (CellMapping cell : ctx.cells().all()) {
            if (new InstanceStore(ctx.cells().db(cell)).find(instanceUuid).isPresent()) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    private CellMapping placeInCell(BuildRequest build, InstanceSelection selection) {
        Instant now = ctx.clock().instant();
        WeighedHost chosen = selection.host();
        String host = chosen.host().host();
        CellMapping cell = ctx.cells().hosts().cellOf(host).orElseThrow(() ->
                new IllegalStateException("host " + host + " is in no cell; run overcast manage cell_v2 discover_hosts"));
        Map<String, String> sysmeta = new HashMap<>(build.instance().systemMetadata());
        List<Alternate> alternates = new ArrayList<>();
        for (WeighedHost alt : selection.alternates()) {
            alternates.add(new Alternate(alt.host().host(), alt.host().node(), alt.allocationRequest()));
        }
        sysmeta.put(Alternate.KEY, Alternate.write(alternates));
        sysmeta.put("overcast:request_id", build.requestId());
        sysmeta.put("overcast:attempts", "1");
        // The server is in the zone of the host it landed on, asked for or not.
        String zone = zones.zoneOf(host, ctx.settings().defaultAvailabilityZone());
        Instance placed = build.instance()
                .withState(Lifecycle.apply(build.instance().state(), Lifecycle.Event.SCHEDULED, "build",
                        build.uuid()))
                .withPlacement(host, chosen.host().node(), zone)
                .withSystemMetadata(sysmeta)
                .withLease(owner, now.plus(ctx.settings().workflowLease()));
        InstanceStore store = new InstanceStore(ctx.cells().db(cell));
        store.insert(placed, build.metadata(), build.tags());
        ActionStore actions = new ActionStore(ctx.cells().db(cell));
        Instance i = build.instance();
        actions.start(i.uuid(), "create", build.requestId(), i.projectId(), i.userId(), now);
        actions.startEvent(i.uuid(), build.requestId(), EVENT_BUILD, host, now);
        if (!builds.moveToCell(i.uuid(), cell.id(), now)) {
            // Deleted while it was being scheduled: the instance's task becomes its delete, which
            // releases the claim.
            LOG.info("build of {} was deleted while it was scheduled; deleting it in its cell", i.uuid());
            store.transition(placed.state(), placed.withState(Lifecycle.apply(placed.state(),
                    Lifecycle.Event.DELETE_REQUESTED, "delete", i.uuid())), now);
            return cell;
        }
        notifier.info("instance.create.start", placed);
        return cell;
    }

    private void buryInCell0(BuildRequest build, NoValidHost none) {
        // A conductor that died after claiming may have left a claim for this build: drop it.
        placement.release(build.uuid());
        Instant now = ctx.clock().instant();
        CellMapping cell0 = ctx.cells().cell0();
        Instance failed = build.instance()
                .withState(Lifecycle.apply(build.instance().state(), Lifecycle.Event.BUILD_FAILED, "build",
                        build.uuid()))
                .withLease(null, null);
        var db = ctx.cells().db(cell0);
        String message = none.message(); // "No valid host was found. " and why
        new FaultStore(db).record(build.uuid(), new Fault(500, message, none.message(), null, now));
        new InstanceStore(db).insert(failed, build.metadata(), build.tags());
        ActionStore actions = new ActionStore(db);
        Instance i = build.instance();
        actions.start(i.uuid(), "create", build.requestId(), i.projectId(), i.userId(), now);
        actions.startEvent(i.uuid(), build.requestId(), EVENT_SCHEDULE, null, now);
        actions.finishEvent(i.uuid(), build.requestId(), EVENT_SCHEDULE, message, message, now);
        builds.moveToCell(i.uuid(), cell0.id(), now);
        notifier.error("instance.create.error", failed, message);
    }
}
