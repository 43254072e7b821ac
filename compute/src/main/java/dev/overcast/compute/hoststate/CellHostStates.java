package dev.overcast.compute.hoststate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jdbi.v3.core.Jdbi;

import dev.overcast.compute.ComputeContext;
import dev.overcast.compute.agent.Inventories;
import dev.overcast.compute.cells.CellMapping;
import dev.overcast.compute.hypervisors.ComputeNode;
import dev.overcast.compute.hypervisors.ComputeNodes;
import dev.overcast.compute.scheduler.Aggregate;
import dev.overcast.compute.scheduler.Capacity;
import dev.overcast.compute.scheduler.HostState;
import dev.overcast.compute.scheduler.HostStates;
import dev.overcast.compute.scheduler.Service;
import dev.overcast.compute.services.HostAggregates;
import dev.overcast.compute.services.ServiceRecord;
import dev.overcast.compute.services.ServiceRecords;

/**
 * The scheduler's host states read from the cells: Nova's host manager over the services,
 * compute_nodes and instances tables of every cell but cell0, with Placement's allocation
 * ratios ({@link Inventories}) for capacities.
 *
 * <p>One snapshot of every node serves every request until it is older than {@code maxAge}
 * (real time, not the domain clock: this is a cache, not a rule); then the next caller reads
 * the cells again, three queries per cell however many hosts there are. A stale snapshot is
 * safe for capacities, because Placement's claim has the last word; for instance counts and
 * server groups it is as stale as {@code maxAge} at most. {@link #invalidate()} forgets it.
 */
public final class CellHostStates implements HostStates {
    /** Task states Nova counts as I/O operations (builds, resizes, snapshots, ...). */
    static final Set<String> IO_TASK_STATES = Set.of("scheduling", "block_device_mapping", "networking", "spawning",
            "resize_prep", "resize_migrating", "rebuilding", "rebuild_spawning", "image_snapshot",
            "image_snapshot_pending", "image_pending_upload", "image_uploading", "image_backup", "rescuing",
            "unshelving");

    private final ComputeContext ctx;
    private final Supplier<List<Aggregate>> aggregates;
    private final HostAggregates membership;
    private final long maxAgeNanos;
    private final LongSupplier ticker;
    private volatile Snapshot snapshot;

    /** Host states with no aggregate membership, refreshed every second. */
    public CellHostStates(ComputeContext ctx, Supplier<List<Aggregate>> aggregates) {
        this(ctx, aggregates, HostAggregates.NONE, Duration.ofSeconds(1));
    }

    /**
     * @param aggregates every host aggregate, for the pre-filters
     * @param membership the aggregates of each host, for the filters
     * @param maxAge     how old a snapshot may be before it is read again; zero to read on every call
     */
    public CellHostStates(ComputeContext ctx, Supplier<List<Aggregate>> aggregates, HostAggregates membership,
                          Duration maxAge) {
        this(ctx, aggregates, membership, maxAge, System::nanoTime);
    }

    CellHostStates(ComputeContext ctx, Supplier<List<Aggregate>> aggregates, HostAggregates membership,
                   Duration maxAge, LongSupplier ticker) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.aggregates = Objects.requireNonNull(aggregates, "aggregates");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.maxAgeNanos = maxAge.toNanos();
        this.ticker = ticker;
    }

    @Override
    public Map<String, HostState> byProviderUuid(Collection<String> providerUuids) {
        Map<String, HostState> all = current().byUuid;
        Map<String, HostState> out = HashMap.newHashMap(providerUuids.size());
        for (String uuid : providerUuids) {
            HostState s = all.get(uuid);
            if (s != null) {
                out.put(uuid, s);
            }
        }
        return out;
    }

    @Override
    public Map<String, HostState> forDecision(Collection<String> providerUuids) {
        return Collections.unmodifiableMap(current().byUuid);
    }

    @Override
    public List<HostState> nodesOf(String host) {
        return current().byHost.getOrDefault(host, List.of());
    }

    @Override
    public List<Aggregate> aggregates() {
        return aggregates.get();
    }

    /** Forgets the snapshot: the next call reads the cells. */
    public void invalidate() {
        snapshot = null;
    }

    private record Snapshot(long readAt, Map<String, HostState> byUuid, Map<String, List<HostState>> byHost) {
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && ticker.getAsLong() - s.readAt < maxAgeNanos) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s == null || ticker.getAsLong() - s.readAt >= maxAgeNanos) {
                s = read();
                snapshot = s;
            }
            return s;
        }
    }

    private Snapshot read() {
        long readAt = ticker.getAsLong();
        Instant now = ctx.clock().instant();
        Map<String, HostState> byUuid = new LinkedHashMap<>();
        Map<String, List<HostState>> byHost = new HashMap<>();
        for (CellMapping cell : ctx.cells().buildable()) {
            for (HostState state : readCell(ctx.cells().db(cell), now)) {
                byUuid.put(state.uuid(), state);
                byHost.computeIfAbsent(state.host(), h -> new ArrayList<>()).add(state);
            }
        }
        byHost.replaceAll((h, l) -> List.copyOf(l));
        return new Snapshot(readAt, byUuid, byHost);
    }

    private List<HostState> readCell(Jdbi db, Instant now) {
        ServiceRecords records = new ServiceRecords(db, ctx.clock(), ctx.settings().serviceDownTime());
        Map<String, ServiceRecord> services = records.byBinary(ServiceRecord.COMPUTE);
        List<ComputeNode> nodes = new ComputeNodes(db, ctx.clock()).all();
        Map<String, List<InstanceRow>> instancesByHost = new HashMap<>();
        db.useHandle(h -> h.createQuery("select uuid, node, host, task_state from instances "
                        + "where host is not null and deleted = false")
                .map((rs, c) -> new InstanceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .forEach(i -> instancesByHost.computeIfAbsent(i.host, k -> new ArrayList<>()).add(i)));
        Map<String, String> firstNodeOfHost = new HashMap<>();
        for (ComputeNode n : nodes) {
            firstNodeOfHost.putIfAbsent(n.host(), n.hypervisorHostname());
        }
        Map<String, List<Aggregate>> aggregatesOfHost = new HashMap<>();
        List<HostState> out = new ArrayList<>(nodes.size());
        for (ComputeNode n : nodes) {
            ServiceRecord service = services.get(n.host());
            if (service == null) {
                continue; // its compute service was deleted: not a host any more
            }
            Set<String> instances = new HashSet<>();
            int ioOps = 0;
            for (InstanceRow i : instancesByHost.getOrDefault(n.host(), List.of())) {
                String node = i.node != null ? i.node : firstNodeOfHost.get(i.host);
                if (n.hypervisorHostname().equals(node)) {
                    instances.add(i.uuid);
                    if (i.taskState != null && IO_TASK_STATES.contains(i.taskState)) {
                        ioOps++;
                    }
                }
            }
            List<Aggregate> ofHost = aggregatesOfHost.computeIfAbsent(n.host(), membership::ofHost);
            out.add(HostStateRows.state(n, service, service.isUp(now, ctx.settings().serviceDownTime()), instances,
                    ioOps, ofHost));
        }
        return out;
    }

    private record InstanceRow(String uuid, String node, String host, String taskState) {
    }

    /** The service state the scheduler sees. */
    static Service service(ServiceRecord s, boolean up) {
        return new Service(!s.disabled(), up, s.disabledReason());
    }

    /** A capacity with Placement's ratio for the class. */
    static Capacity capacity(long total, long used, double ratio) {
        return new Capacity(Math.max(0, total), Math.max(0, used), ratio);
    }
}
