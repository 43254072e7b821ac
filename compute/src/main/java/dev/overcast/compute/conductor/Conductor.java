package dev.overcast.compute.conductor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.builds.BuildStore;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.instances.InstanceStore;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.services.HostAggregates;
import dev.overcast.core.Closeables;
import dev.overcast.core.bus.Dispatcher;
import dev.overcast.core.bus.Method;
import dev.overcast.core.bus.Subscription;
import dev.overcast.core.bus.Target;

/**
 * The conductor: drives builds and instance tasks as durable workflows. Work arrives as casts on
 * the bus topic {@code conductor} from the API, and a sweeper finds what no worker holds (a cast
 * lost with a dying process, a lease a dead conductor left) so nothing stays in BUILD or
 * deleting for ever. Workflows run on virtual threads, at most {@code concurrency} at a time so
 * the database pools are not swamped; one instance is never worked on twice at once in one process.
 */
public final class Conductor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Conductor.class);
    public static final Target TARGET = Target.of("conductor");
    public static final Method BUILD = Method.of("build_instances", "1.0");
    public static final Method RUN_TASK = Method.of("run_instance_task", "1.0");

    /** Builds to start: the instances of one create. */
    public record BuildArgs(List<String> instanceUuids) {
    }

    /** An instance whose task (delete, stop, ...) the API just set. */
    public record TaskArgs(String cellUuid, String instanceUuid) {
    }

    private final ComputeContext ctx;
    private final BuildWorkflow builds;
    private final TaskWorkflow tasks;
    private final PowerSync powerSync;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService sweeper;
    private final Semaphore slots;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Work asked for an instance while it was in flight: run once more when the run ends. */
    private final java.util.Map<String, Runnable> again = new ConcurrentHashMap<>();
    private final Subscription subscription;
    private final Duration sweepInterval;

    /**
     * Starts a conductor listening on the bus.
     *
     * @param owner         this conductor's name on the leases it takes (unique per process)
     * @param concurrency   workflows run at once
     * @param sweepInterval how often to look for work nobody holds; zero for never (tests call {@link #sweep})
     */
    public Conductor(ComputeContext ctx, Scheduler scheduler, PlacementClient placement, ComputeHosts hosts,
                     ServerGroups groups, HostAggregates zones, String owner, int concurrency,
                     Duration sweepInterval) {
        this.ctx = ctx;
        InstanceNotifier notifier = new InstanceNotifier(ctx.bus(), "nova-conductor:" + owner);
        this.builds = new BuildWorkflow(ctx, scheduler, placement, groups, zones, notifier, owner);
        this.tasks = new TaskWorkflow(ctx, placement, hosts, groups, new Rescheduler(ctx, scheduler), zones, notifier,
                owner);
        this.powerSync = new PowerSync(ctx, hosts, notifier);
        this.slots = new Semaphore(concurrency);
        this.sweepInterval = sweepInterval;
        this.subscription = ctx.bus().listen(TARGET.topic(), owner, Dispatcher.builder("1.0")
                .on("build_instances", BuildArgs.class, (args, context) -> {
                    args.instanceUuids().forEach(this::submitBuild);
                    return null;
                })
                .on("run_instance_task", TaskArgs.class, (args, context) -> {
                    ctx.cells().byUuid(args.cellUuid()).ifPresent(c -> submitTask(c, args.instanceUuid()));
                    return null;
                })
                .build());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sweeper").factory());
        if (!sweepInterval.isZero()) {
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
            long sync = ctx.settings().reportInterval().multipliedBy(6).toMillis();
            sweeper.scheduleWithFixedDelay(this::syncQuietly, sync, sync, TimeUnit.MILLISECONDS);
        }
    }

    void submitBuild(String instanceUuid) {
        submit(instanceUuid, () -> builds.run(instanceUuid).ifPresent(cell -> tasks.run(cell, instanceUuid)));
    }

    void submitTask(CellMapping cell, String instanceUuid) {
        submit(instanceUuid, () -> tasks.run(cell, instanceUuid));
    }

    private void submit(String instanceUuid, Runnable work) {
        if (!inFlight.add(instanceUuid)) {
            again.put(instanceUuid, work);
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    slots.acquire();
                    try {
                        work.run();
                    } finally {
                        slots.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.error("workflow of instance {} failed; it is tried again when its lease lapses",
                            instanceUuid, e);
                } finally {
                    inFlight.remove(instanceUuid);
                    Runnable next = again.remove(instanceUuid);
                    if (next != null) {
                        submit(instanceUuid, next);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(instanceUuid);
        }
    }

    /**
     * Starts the workflows no worker holds: builds never started or with a lapsed lease, and
     * instance tasks with a lapsed lease, in every cell.
     *
     * @return how many were started
     */
    public int sweep() {
        Instant now = ctx.clock().instant();
        int started = 0;
        for (String uuid : new BuildStore(ctx.api()).orphaned(now, now.minus(sweepGrace()), 500)) {
            submitBuild(uuid);
            started++;
        }
        for (CellMapping cell : ctx.cells().all()) {
            for (String uuid : new InstanceStore(ctx.cells().db(cell)).orphanedTasks(now, 500)) {
                submitTask(cell, uuid);
                started++;
            }
        }
        return started;
    }

    /** A build not started this long after it was asked for lost its cast. */
    private Duration sweepGrace() {
        return sweepInterval.isZero() ? Duration.ZERO : sweepInterval;
    }

    /**
     * Compares every host's view of its instances with the cells' (Nova's
     * {@code sync_power_states}, every six reports): an ACTIVE server its host has stopped is stopped.
     *
     * @return how many were found stopped
     */
    public int syncPowerStates() {
        return powerSync.run();
    }

    private void syncQuietly() {
        try {
            powerSync.run();
        } catch (RuntimeException e) {
            LOG.warn("power state sync failed; trying again later", e);
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("sweep failed; trying again in {}", sweepInterval, e);
        }
    }

    @Override
    public void close() {
        subscription.close();
        Closeables.stop(sweeper, Duration.ofSeconds(10));
        Closeables.stop(workers, Duration.ofSeconds(10));
    }
}
