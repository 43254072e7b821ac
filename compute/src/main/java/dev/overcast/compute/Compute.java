package dev.overcast.compute;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.agent.ComputeAgent;
import dev.overcast.compute.aggregates.AggregateStore;
import dev.overcast.compute.cells.CellDatabases;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.cells.Cells;
import dev.overcast.compute.conductor.AgentHosts;
import dev.overcast.compute.conductor.ComputeHosts;
import dev.overcast.compute.conductor.Conductor;
import dev.overcast.compute.flavors.Flavors;
import dev.overcast.compute.groups.ServerGroupStore;
import dev.overcast.compute.hoststate.CellHostStates;
import dev.overcast.compute.network.Networks;
import dev.overcast.compute.network.NoNetworks;
import dev.overcast.compute.placement.BusPlacementClient;
import dev.overcast.compute.scheduler.PlacementClient;
import dev.overcast.compute.scheduler.Scheduler;
import dev.overcast.compute.scheduler.SchedulerSettings;
import dev.overcast.compute.servers.ServerNeighbours;
import dev.overcast.compute.services.HostAggregates;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.compute.virt.VirtDriver;
import dev.overcast.core.Closeables;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.policy.Policy;
import dev.overcast.core.schema.Schemas;

/**
 * One process's Compute: the API, the conductor with its scheduler, and optionally a compute
 * agent driving simulated hosts. The roles share only the databases and the bus; this class
 * is the one place that builds them, so a process can later run any subset of them.
 */
public final class Compute implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Compute.class);

    /**
     * @param images     the Image service, for the images servers boot from ({@code GlanceImages})
     * @param hostName   this process's host name, for its conductor and scheduler service records
     * @param driver     the hypervisors of this process's agent (in cell1), or null for none
     * @param sweepEvery how often the conductor looks for orphaned work
     * @param imageUrl   the Image service's base URL for Nova's image proxy ({@code /images}),
     *                   such as {@code http://host/image}; null for none (the proxy then answers 503)
     */
    public record Options(ServerNeighbours.Images images, String hostName, VirtDriver driver, Duration sweepEvery,
                          String imageUrl, Networks networks) {
        /** Options without an image proxy or a Network service. */
        public Options(ServerNeighbours.Images images, String hostName, VirtDriver driver, Duration sweepEvery) {
            this(images, hostName, driver, sweepEvery, null, new NoNetworks());
        }
    }

    private final ComputeContext ctx;
    private final ComputeService api;
    private final Conductor conductor;
    private final ComputeAgent agent;
    private final ScheduledExecutorService heartbeats;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private Compute(ComputeContext ctx, Options options) {
        this.ctx = ctx;
        ctx.cells().setUpDefaultCells();
        Flavors.bootstrapDefaults(ctx);
        AggregateStore aggregates = new AggregateStore(ctx);
        ServerGroupStore groups = new ServerGroupStore(ctx);
        HostAggregates membership = new HostAggregates() {
            @Override
            public List<dev.overcast.compute.scheduler.Aggregate> ofHost(String host) {
                return aggregates.aggregatesOf(host);
            }

            @Override
            public void removeHost(String host) {
                aggregates.removeHostFromAll(host);
            }
        };
        PlacementClient placement = new BusPlacementClient(ctx.bus(), ctx.settings().rpcTimeout());
        ComputeHosts hosts = new AgentHosts(ctx);
        if (options.driver() != null) {
            CellMapping cell1 = ctx.cells().buildable().getFirst();
            this.agent = new ComputeAgent(ctx.cells().db(cell1), ctx.bus(), ctx.clock(), ctx.settings(),
                    options.driver());
            agent.start();
            ctx.cells().hosts().discover(null);
        } else {
            this.agent = null;
        }
        Scheduler scheduler = new Scheduler(placement,
                new CellHostStates(ctx, aggregates::all, membership, Duration.ofSeconds(1)),
                SchedulerSettings.defaults(), new SplittableRandom());
        String owner = options.hostName() + ":" + UUID.randomUUID().toString().substring(0, 8);
        this.conductor = new Conductor(ctx, scheduler, placement, hosts,
                ModuleNeighbours.forConductor(ctx, groups), membership, owner, 64, options.sweepEvery());
        ServerNeighbours neighbours = ModuleNeighbours.forServers(ctx, aggregates, groups,
                options.images(), hosts, placement);
        this.api = new ComputeService(ctx, aggregates, groups, membership, neighbours, hosts, options.imageUrl());
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("compute-heartbeat").factory());
        reportServices(options.hostName());
    }

    /**
     * Starts Compute.
     *
     * @param api    the API database (schema {@code compute_api})
     * @param cellDb opens a cell's database from its mapping
     * @param policy {@link ComputePolicy#defaults()} with any operator overrides
     */
    public static Compute start(Jdbi api, CellDatabases cellDb, Policy policy, Bus bus, Clock clock,
                                ComputeSettings settings, Options options) {
        ComputeContext ctx = new ComputeContext(api, new Cells(api, cellDb, clock), policy, new Schemas("compute"), bus,
                clock, settings, options.networks());
        return new Compute(ctx, options);
    }

    /** The conductor and scheduler report in to cell1 as Nova's do, so service lists show them. */
    private void reportServices(String host) {
        CellMapping cell1 = ctx.cells().buildable().getFirst();
        ServiceRecords records = new ServiceRecords(ctx.cells().db(cell1), ctx.clock(), ctx.settings().serviceDownTime());
        List<Long> ids = List.of(records.register(host, ServiceRecord.CONDUCTOR, "conductor").id(),
                records.register(host, ServiceRecord.SCHEDULER, "scheduler").id());
        long every = ctx.settings().reportInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(() -> {
            try {
                records.heartbeat(ids);
            } catch (RuntimeException e) {
                LOG.warn("conductor and scheduler heartbeat failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** The Nova API, to serve on the HTTP host. */
    public ComputeService api() {
        return api;
    }

    public ComputeContext context() {
        return ctx;
    }

    public Conductor conductor() {
        return conductor;
    }

    /** This process's agent, or null when it drives no hosts. */
    public ComputeAgent agent() {
        return agent;
    }

    @Override
    public void close() {
        Closeables.stop(heartbeats, Duration.ofSeconds(10));
        conductor.close();
        if (agent != null) {
            agent.close();
        }
    }
}
