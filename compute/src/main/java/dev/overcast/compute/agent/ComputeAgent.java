package dev.overcast.compute.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.instances.PowerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.overcast.compute.ComputeSettings;
import dev.overcast.compute.hypervisors.ComputeNode;
import dev.overcast.compute.hypervisors.ComputeNodes;
import dev.overcast.compute.placement.BusReportClient;
import dev.overcast.compute.placement.BusReportClient.ProviderReport;
import dev.overcast.compute.placement.BusReportClient.SyncResult;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;
import dev.overcast.compute.virt.NodeResources;
import dev.overcast.compute.virt.VirtDriver;
import dev.overcast.core.Closeables;
import dev.overcast.core.bus.Bus;
import dev.overcast.core.bus.Subscription;

/**
 * The compute agent of one cell: Nova's nova-compute for every host its driver drives. With
 * the fake driver one agent simulates many hosts, so everything here is done for all of them
 * at once rather than host by host.
 *
 * <h2>What it does</h2>
 * <ul>
 * <li>At {@link #start()}, registers a {@code nova-compute} service record per host and a
 *     {@code compute_nodes} row per node, reports each node to Placement (a resource provider
 *     named after the node, whose uuid is the node's, with its inventories and traits), then
 *     serves {@link AgentRpc} on the bus for each host.</li>
 * <li>Every {@code reportInterval}, {@link #reportNow()}: heartbeats every service in one
 *     statement, writes the usage of the nodes whose usage changed in one batch, and reports
 *     to Placement the nodes whose service was disabled or enabled since (all of them every
 *     {@value #FULL_SYNC_EVERY} reports, or after a report failed), so that a provider lost
 *     or changed behind the agent's back is put right.</li>
 * </ul>
 * It never writes the {@code instances} table: the conductor owns instance state and calls
 * the agent through {@link AgentClient}.
 *
 * <h2>Cost</h2>
 * A spawn is the driver's call and a counter: no database or Placement write on the way
 * (usage reaches the database at the next report; Placement already has the claim). A
 * report of a thousand unchanged hosts is three statements and no Placement call; a full
 * sync is a few bus calls whose providers Placement compares in memory.
 */
public final class ComputeAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ComputeAgent.class);
    /** Reports between two full syncs with Placement. */
    static final int FULL_SYNC_EVERY = 6;

    private final VirtDriver driver;
    private final Jdbi cellDb;
    private final Bus bus;
    private final ComputeSettings settings;
    private final ServiceRecords services;
    private final ComputeNodes nodes;
    private final BusReportClient placement;
    private final Object reporting = new Object();
    private final Map<String, AtomicInteger> failedBuilds = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private ScheduledExecutorService timer;

    // Guarded by reporting.
    private Map<String, ServiceRecord> serviceByHost = Map.of();
    private Map<String, ComputeNode> nodeByName = Map.of();
    private final Map<String, List<String>> nodeNamesByHost = new ConcurrentHashMap<>();
    private final Map<String, ComputeNodes.Usage> lastUsage = new HashMap<>();
    private final Map<String, Boolean> lastDisabled = new HashMap<>();
    private final Set<String> unsynced = new HashSet<>();
    private int reports;

    /**
     * @param cellDb   the database of the cell the hosts belong to
     * @param bus      the cell's bus, where the agent serves and Placement listens
     * @param settings {@code reportInterval}, {@code serviceDownTime}, {@code rpcTimeout}
     * @param driver   the hypervisors, one host or many
     */
    public ComputeAgent(Jdbi cellDb, Bus bus, Clock clock, ComputeSettings settings, VirtDriver driver) {
        this.cellDb = Objects.requireNonNull(cellDb, "cellDb");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.services = new ServiceRecords(cellDb, clock, settings.serviceDownTime());
        this.nodes = new ComputeNodes(cellDb, clock);
        this.placement = new BusReportClient(bus, settings.rpcTimeout());
    }

    /**
     * Registers the hosts and their nodes, reports them to Placement, serves the hosts on the
     * bus and starts reporting every {@code reportInterval}. A Placement that does not answer
     * yet is logged and reported to again at the next report.
     */
    public void start() {
        synchronized (reporting) {
            if (timer != null) {
                throw new IllegalStateException("the agent is started already");
            }
            List<String> hosts = driver.hosts();
            serviceByHost = Map.copyOf(services.registerAll(ServiceRecord.COMPUTE, AgentRpc.TOPIC, hosts));
            Map<String, NodeResources> resources = resources(hosts);
            List<ComputeNodes.Report> rows = new ArrayList<>(resources.size());
            for (NodeResources n : resources.values()) {
                rows.add(row(serviceByHost.get(n.host()).id(), n));
            }
            Map<String, ComputeNode> byName = new LinkedHashMap<>();
            for (ComputeNode n : nodes.register(rows)) {
                byName.put(n.hypervisorHostname(), n);
            }
            nodeByName = byName;
            adoptRunning(hosts);
            resources = resources(hosts);
            resources.values().forEach(n -> lastUsage.put(n.node(), usage(n)));
            unsynced.addAll(resources.keySet());
            syncPlacement(resources, statuses());
            for (String host : hosts) {
                subscriptions.add(bus.listen(AgentRpc.TOPIC, host, AgentRpc.dispatcher(host, driver, spawns())));
            }
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("compute-agent-report").factory());
            long every = settings.reportInterval().toMillis();
            timer.scheduleWithFixedDelay(this::reportQuietly, every, every, TimeUnit.MILLISECONDS);
            log.info("compute agent serving {} hosts with {} nodes", hosts.size(), nodeByName.size());
        }
    }

    /**
     * After a restart the hypervisors still run what they ran: the instances of these hosts that
     * the cell says were powered are taken back, so power calls and console logs find them.
     */
    private void adoptRunning(List<String> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        List<dev.overcast.compute.virt.InstanceSpec> specs = new ArrayList<>();
        cellDb.useHandle(h -> h.createQuery("""
                        select uuid, host, node, display_name, flavor, image_ref, power_state from instances
                        where deleted = false and power_state <> 0 and host in (<hosts>)""")
                .bindList("hosts", hosts)
                .map((rs, ctx) -> {
                    var f = dev.overcast.core.json.Json.parse(rs.getString("flavor"));
                    var spec = new dev.overcast.compute.virt.InstanceSpec(rs.getString("uuid"),
                            "instance-" + rs.getString("uuid").substring(0, 8),
                            new dev.overcast.compute.virt.InstanceFlavor(f.path("vcpus").asInt(),
                                    f.path("memory_mb").asInt(), f.path("root_gb").asInt(),
                                    f.path("ephemeral_gb").asInt(), f.path("swap").asInt()),
                            rs.getString("image_ref"), null, null, Map.of());
                    try {
                        driver.adopt(rs.getString("host"), rs.getString("node"), spec,
                                PowerState.of(rs.getInt("power_state")));
                    } catch (RuntimeException e) {
                        log.warn("could not take back instance {} on {}: {}", spec.uuid(), rs.getString("host"),
                                e.getMessage());
                    }
                    return spec;
                }).forEach(specs::add));
        if (!specs.isEmpty()) {
            log.info("took back {} instances the hosts were running", specs.size());
        }
    }

    /** The hosts this agent serves. */
    public List<String> hosts() {
        return driver.hosts();
    }

    /** The compute node rows of this agent's nodes, as registered at start, by hypervisor hostname. */
    public Map<String, ComputeNode> nodes() {
        synchronized (reporting) {
            return Map.copyOf(nodeByName);
        }
    }

    /**
     * Reports in now, as the periodic task does: heartbeats, node usage, and Placement where
     * needed. Tests call it after moving their clock.
     */
    public void reportNow() {
        synchronized (reporting) {
            if (timer == null) {
                throw new IllegalStateException("start the agent before it reports");
            }
            reports++;
            List<Long> ids = serviceByHost.values().stream().map(ServiceRecord::id).toList();
            int alive = services.heartbeat(ids);
            if (alive < ids.size()) {
                log.debug("{} of {} compute services were deleted; they report no more", ids.size() - alive,
                        ids.size());
            }
            Map<String, Boolean> disabled = statuses();
            Map<String, NodeResources> resources = resources(driver.hosts());
            writeUsage(resources);
            if (reports % FULL_SYNC_EVERY == 0) {
                unsynced.addAll(resources.keySet());
            }
            syncPlacement(resources, disabled);
        }
    }

    private void reportQuietly() {
        try {
            reportNow();
        } catch (RuntimeException e) {
            log.warn("the compute agent could not report in; it tries again in {}", settings.reportInterval(), e);
        }
    }

    /** Disabled flags of this agent's services that still exist, by host. */
    private Map<String, Boolean> statuses() {
        Map<String, ServiceRecord> live = services.byBinary(ServiceRecord.COMPUTE);
        Map<String, Boolean> out = new HashMap<>();
        for (String host : serviceByHost.keySet()) {
            ServiceRecord s = live.get(host);
            if (s != null && s.id() == serviceByHost.get(host).id()) {
                out.put(host, s.disabled());
            }
        }
        return out;
    }

    private Map<String, NodeResources> resources(List<String> hosts) {
        Map<String, NodeResources> out = new LinkedHashMap<>();
        for (String host : hosts) {
            List<NodeResources> ofHost = driver.nodes(host);
            nodeNamesByHost.put(host, ofHost.stream().map(NodeResources::node).toList());
            for (NodeResources n : ofHost) {
                out.put(n.node(), n);
            }
        }
        return out;
    }

    private void writeUsage(Map<String, NodeResources> resources) {
        List<ComputeNodes.Usage> changed = new ArrayList<>();
        for (NodeResources n : resources.values()) {
            ComputeNodes.Usage now = usage(n);
            if (now != null && !now.equals(lastUsage.get(n.node()))) {
                changed.add(now);
                lastUsage.put(n.node(), now);
            }
        }
        nodes.updateUsage(changed);
    }

    /** Reports the nodes that need it; those Placement refused or did not hear stay unsynced. */
    private void syncPlacement(Map<String, NodeResources> resources, Map<String, Boolean> disabled) {
        List<ProviderReport> reports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (NodeResources n : resources.values()) {
            Boolean hostDisabled = disabled.get(n.host());
            ComputeNode row = nodeByName.get(n.node());
            if (hostDisabled == null || row == null) {
                continue; // its service was deleted: the node is no longer reported
            }
            if (unsynced.contains(n.node()) || !hostDisabled.equals(lastDisabled.get(n.node()))) {
                reports.add(Inventories.report(row.uuid(), n, hostDisabled));
                names.add(n.node());
            }
        }
        if (reports.isEmpty()) {
            return;
        }
        List<SyncResult> results;
        try {
            results = placement.sync(reports);
        } catch (RuntimeException e) {
            unsynced.addAll(names);
            log.warn("could not report {} nodes to Placement; they are reported again at the next report",
                    names.size(), e);
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            String name = names.get(i);
            if (results.get(i).ok()) {
                unsynced.remove(name);
                lastDisabled.put(name, disabled.get(resources.get(name).host()));
            } else {
                unsynced.add(name);
                log.warn("Placement refused the report of node {}: {}", name, results.get(i).error());
            }
        }
    }

    private ComputeNodes.Usage usage(NodeResources n) {
        ComputeNode row = nodeByName.get(n.node());
        if (row == null) {
            return null;
        }
        return new ComputeNodes.Usage(row.id(), n.vcpusUsed(), n.memoryMbUsed() + reserved(n), n.localGbUsed(),
                n.runningVms(), failedBuilds(n.node()));
    }

    private ComputeNodes.Report row(long serviceId, NodeResources n) {
        return new ComputeNodes.Report(serviceId, n.host(), n.node(), n.hypervisorType(), n.hypervisorVersion(),
                n.vcpus(), n.memoryMb(), n.localGb(), n.vcpusUsed(), n.memoryMbUsed() + reserved(n), n.localGbUsed(),
                n.cpuInfo(), n.hostIp(), n.runningVms(), failedBuilds(n.node()));
    }

    private static int reserved(NodeResources n) {
        return Inventories.reservedMemory(n.memoryMb());
    }

    private int failedBuilds(String node) {
        AtomicInteger n = failedBuilds.get(node);
        return n == null ? 0 : n.get();
    }

    /** Counts failed builds per node as Nova does: a failure adds one, a success starts again from zero. */
    private AgentRpc.SpawnListener spawns() {
        return new AgentRpc.SpawnListener() {
            @Override
            public void succeeded(String host, String node) {
                AtomicInteger n = failedBuilds.get(nodeOf(host, node));
                if (n != null) {
                    n.set(0);
                }
            }

            @Override
            public void failed(String host, String node) {
                String name = nodeOf(host, node);
                if (name != null) {
                    failedBuilds.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                }
            }
        };
    }

    private String nodeOf(String host, String node) {
        if (node != null) {
            return node;
        }
        List<String> names = nodeNamesByHost.get(host);
        return names == null || names.isEmpty() ? null : names.getFirst();
    }

    /** Stops serving and reporting; the services go down once {@code serviceDownTime} passes. */
    @Override
    public void close() {
        synchronized (reporting) {
            subscriptions.forEach(Subscription::close);
            subscriptions.clear();
            if (timer != null) {
                Closeables.stop(timer, java.time.Duration.ofSeconds(10));
            }
        }
    }
}
